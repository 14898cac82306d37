package dev.todoai.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todoai.application.port.out.QuickAddParserPort;
import dev.todoai.application.port.out.TaskToolsPort;
import dev.todoai.bootstrap.system.Api.Response;
import dev.todoai.bootstrap.system.Api.User;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Chat through the whole application: the rule-based assistant acting through the real task tools
 * on a real PostgreSQL, the conversation stored between requests.
 */
class ChatSystemTest {
  private static final AtomicInteger USERS = new AtomicInteger();
  private static RunningApp app;
  private static Api api;

  @BeforeAll
  static void start() {
    app = RunningApp.start();
    api = app.api();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static User newUser() {
    return api.register("chat" + USERS.incrementAndGet() + "@example.org");
  }

  /** The wiring chat needs: a broken factory fails these tests instead of skipping them. */
  private static void assertTaskToolsAreWired() {
    assertThat(app.context().containsBean(TaskToolsPort.class))
        .as("a TaskToolsPort bean (the contract's TaskTools): chat acts on tasks through it")
        .isTrue();
  }

  /**
   * A zone where "tomorrow" falls in "this week" (today is not a Sunday) and where midnight is not
   * about to change the date during the test.
   */
  private static ZoneId zoneWhereTomorrowIsThisWeek() {
    for (String id :
        List.of("Europe/Berlin", "Pacific/Pago_Pago", "Pacific/Kiritimati", "Asia/Tokyo")) {
      ZonedDateTime now = ZonedDateTime.now(ZoneId.of(id));
      if (now.getDayOfWeek() != DayOfWeek.SUNDAY
          && now.toLocalTime().isBefore(LocalTime.of(23, 55))) {
        return now.getZone();
      }
    }
    throw new IllegalStateException("no suitable zone right now");
  }

  private static Response chat(User user, String body) {
    Response r = api.post("/api/" + user.id() + "/chat", user.token(), body);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r;
  }

  @Test
  void addingATaskByChatThenAskingWhatIsDueUsesTheToolsAndStoresTheConversation() {
    assertTaskToolsAreWired();
    User ada = newUser();
    ZoneId zone = zoneWhereTomorrowIsThisWeek();
    String tomorrow = ZonedDateTime.now(zone).toLocalDate().plusDays(1).toString();

    JsonNode added =
        chat(ada, Api.json(Map.of("message", "add buy milk tomorrow", "time_zone", zone.getId())))
            .json();

    long conversationId = added.get("conversation_id").asLong();
    assertThat(added.get("response").asText()).contains("buy milk");
    JsonNode addCall = added.get("tool_calls").get(0);
    assertThat(addCall.get("tool").asText()).isEqualTo("add_task");
    assertThat(addCall.get("result").get("is_error").asBoolean()).as(addCall.toString()).isFalse();
    JsonNode tasks = api.get("/api/" + ada.id() + "/tasks", ada.token()).json();
    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0).get("title").asText()).isEqualTo("buy milk");
    assertThat(tasks.get(0).get("due_date").asText()).isEqualTo(tomorrow);
    assertThat(tasks.get(0).get("time_zone").asText()).isEqualTo(zone.getId());

    JsonNode due =
        chat(
                ada,
                Api.json(
                    Map.of("conversation_id", conversationId, "message", "what's due this week?")))
            .json();

    assertThat(due.get("conversation_id").asLong()).isEqualTo(conversationId);
    assertThat(due.get("response").asText()).contains("buy milk");
    assertThat(due.get("tool_calls").findValuesAsText("tool")).contains("list_tasks");

    Response stored = api.get("/api/" + ada.id() + "/conversations/" + conversationId, ada.token());
    assertThat(stored.status()).as(stored.body()).isEqualTo(200);
    JsonNode conversation = stored.json();
    assertThat(conversation.get("time_zone").asText()).isEqualTo(zone.getId());
    JsonNode messages = conversation.get("messages");
    assertThat(messages.findValuesAsText("role"))
        .containsExactly("user", "assistant", "user", "assistant");
    assertThat(messages.get(0).get("content").asText()).isEqualTo("add buy milk tomorrow");
    assertThat(messages.get(1).get("content").asText()).isEqualTo(added.get("response").asText());
    assertThat(messages.get(1).get("tool_calls")).isEqualTo(added.get("tool_calls"));
    assertThat(messages.get(3).get("tool_calls")).isEqualTo(due.get("tool_calls"));

    JsonNode listed = api.get("/api/" + ada.id() + "/conversations", ada.token()).json();
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("id").asLong()).isEqualTo(conversationId);
    assertThat(listed.get(0).get("title").asText()).isEqualTo("add buy milk tomorrow");
  }

  @Test
  void anotherUsersConversationIsNotFoundAndTheirPathIsForbidden() {
    assertTaskToolsAreWired();
    User ada = newUser();
    User bob = newUser();
    long adas = chat(ada, "{\"message\":\"hello\"}").json().get("conversation_id").asLong();

    Response continued =
        api.post(
            "/api/" + bob.id() + "/chat",
            bob.token(),
            "{\"conversation_id\":" + adas + ",\"message\":\"hi\"}");
    Response read = api.get("/api/" + bob.id() + "/conversations/" + adas, bob.token());
    Response foreignPath = api.get("/api/" + ada.id() + "/conversations/" + adas, bob.token());

    assertThat(continued.status()).as(continued.body()).isEqualTo(404);
    assertThat(continued.contentType()).startsWith("application/problem+json");
    assertThat(read.status()).isEqualTo(404);
    assertThat(foreignPath.status()).isEqualTo(403);
    assertThat(api.get("/api/" + bob.id() + "/conversations", bob.token()).json()).isEmpty();
  }

  @Test
  void quickAddTextIsParsedWithTheAssistantsParser() {
    assertThat(app.context().containsBean(QuickAddParserPort.class))
        .as("a QuickAddParserPort bean (the assistant module's parser)")
        .isTrue();
    User ada = newUser();

    Response r =
        api.post(
            "/api/" + ada.id() + "/quick-add/parse",
            ada.token(),
            "{\"text\":\"pay rent tomorrow #home p1\",\"time_zone\":\"Europe/Berlin\"}");

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("title").asText()).isEqualTo("pay rent");
    assertThat(r.json().get("priority").asText()).isEqualTo("urgent");
    assertThat(r.json().get("tags").get(0).asText()).isEqualTo("home");
    assertThat(r.json().get("time_zone").asText()).isEqualTo("Europe/Berlin");
    assertThat(r.json().has("due_date")).isTrue();
  }
}
