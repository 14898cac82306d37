package dev.todoai.adapter.in.dapr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todoai.application.event.DeliveryOutcome;
import dev.todoai.application.event.InboundEvent;
import dev.todoai.application.port.in.CreateNextOccurrenceUseCase;
import dev.todoai.application.port.in.FireReminderUseCase;
import dev.todoai.application.port.in.HandleEventUseCase;
import dev.todoai.application.port.in.OccurrenceRefusedException;
import dev.todoai.domain.reminder.ReminderId;
import dev.todoai.domain.task.Task;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SidecarEndpointsTest {
  static final String TOKEN = "test-app-token";
  static final List<String> HANDLED = new CopyOnWriteArrayList<>();
  static final List<Long> FIRED = new CopyOnWriteArrayList<>();
  static final List<OccurrenceInvocationEndpoint.Predecessor> OCCURRENCES =
      new CopyOnWriteArrayList<>();
  static EmbeddedServer server;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    ApplicationContext ctx =
        ApplicationContext.builder()
            .properties(
                Map.of(
                    "todo.transport",
                    "dapr",
                    "todo.dapr.app-token",
                    TOKEN,
                    "micronaut.server.port",
                    -1))
            .start();
    ctx.registerSingleton(HandleEventUseCase.class, new Consumer("audit", "task-events"));
    ctx.registerSingleton(HandleEventUseCase.class, new Consumer("live-updates", "task-updates"));
    ctx.registerSingleton(
        FireReminderUseCase.class,
        id -> {
          FIRED.add(id.value());
          return FireReminderUseCase.FireOutcome.NOT_FOUND;
        });
    ctx.registerSingleton(
        CreateNextOccurrenceUseCase.class,
        (CreateNextOccurrenceUseCase)
            (owner, predecessor) -> {
              OCCURRENCES.add(new OccurrenceInvocationEndpoint.Predecessor(owner, predecessor));
              if (predecessor.value() == 13) {
                throw new OccurrenceRefusedException("task 13 is not completed");
              }
              return Optional.<Task>empty();
            });
    server = ctx.getBean(EmbeddedServer.class).start();
  }

  @AfterAll
  static void stop() {
    server.getApplicationContext().close();
  }

  record Consumer(String consumer, String topic) implements HandleEventUseCase {
    @Override
    public DeliveryOutcome handle(InboundEvent event) {
      HANDLED.add(consumer + ":" + event.payload());
      return event.payload().contains("poison") ? DeliveryOutcome.DROP : DeliveryOutcome.SUCCESS;
    }
  }

  static HttpResponse<String> call(String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.getURL() + path));
    if (token != null) {
      b.header("dapr-api-token", token);
    }
    b.header("Content-Type", "application/cloudevents+json");
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void listsOneSubscriptionPerConsumerWithDeadLetterTopicAndBroadcastComponent() throws Exception {
    HttpResponse<String> r = call("GET", "/dapr/subscribe", TOKEN, null);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode list = Json.MAPPER.readTree(r.body());
    assertThat(list).hasSize(2);
    for (JsonNode s : list) {
      String topic = s.get("topic").asText();
      assertThat(s.get("deadLetterTopic").asText()).isEqualTo(topic + "-dlq");
      if (topic.equals("task-updates")) {
        assertThat(s.get("pubsubname").asText()).isEqualTo("pubsub-broadcast");
        assertThat(s.get("route").asText()).isEqualTo("/dapr/events/live-updates");
        assertThat(s.at("/metadata/consumerID").asText()).startsWith("live-updates-");
      } else {
        assertThat(s.get("pubsubname").asText()).isEqualTo("pubsub");
        assertThat(s.get("route").asText()).isEqualTo("/dapr/events/audit");
      }
    }
  }

  @Test
  void deliversTheCloudEventDataToTheConsumer() throws Exception {
    HttpResponse<String> r =
        call(
            "POST",
            "/dapr/events/audit",
            TOKEN,
            "{\"specversion\":\"1.0\",\"id\":\"e1\",\"type\":\"t\",\"source\":\"s\","
                + "\"datacontenttype\":\"application/json\",\"data\":{\"a\":1}}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("SUCCESS");
    assertThat(HANDLED).contains("audit:{\"a\":1}");
  }

  @Test
  void malformedEnvelopeIsDropped() throws Exception {
    HttpResponse<String> r = call("POST", "/dapr/events/audit", TOKEN, "not json at all");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("DROP");
    HttpResponse<String> poison =
        call("POST", "/dapr/events/audit", TOKEN, "{\"id\":\"x\",\"data\":\"poison\"}");
    assertThat(poison.body()).contains("DROP");
  }

  @Test
  void everySidecarEndpointRefusesCallsWithoutTheAppToken() throws Exception {
    for (String[] c :
        new String[][] {
          {"GET", "/dapr/subscribe"},
          {"POST", "/dapr/events/audit"},
          {"POST", "/job/reminder-1"},
          {"POST", "/internal/occurrences"}
        }) {
      HttpResponse<String> none = call(c[0], c[1], null, "{}");
      HttpResponse<String> wrong = call(c[0], c[1], "wrong", "{}");
      assertThat(none.statusCode()).as(c[1]).isEqualTo(401);
      assertThat(wrong.statusCode()).as(c[1]).isEqualTo(401);
      assertThat(none.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
    }
    assertThat(FIRED).doesNotContain(1L);
  }

  @Test
  void jobCallbackFiresTheReminderAndAnswers200EvenWhenNotFound() throws Exception {
    HttpResponse<String> r = call("POST", "/job/reminder-42", TOKEN, null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(FIRED).contains(42L);
  }

  @Test
  void internalOccurrenceEndpointCallsTheUseCaseWithThePredecessorOnly() throws Exception {
    HttpResponse<String> r =
        call(
            "POST",
            "/internal/occurrences",
            TOKEN,
            "{\"user_id\":\"u1\",\"predecessor_id\":7,\"due_at\":\"2030-01-01T10:00:00Z\","
                + "\"index\":2,\"series_start_date\":\"2029-12-01\"}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"created\":false");
    assertThat(OCCURRENCES)
        .contains(
            new OccurrenceInvocationEndpoint.Predecessor(
                new dev.todoai.domain.shared.UserId("u1"), new dev.todoai.domain.task.TaskId(7)));
  }

  @Test
  void aRefusedPredecessorIsA422Problem() throws Exception {
    HttpResponse<String> r =
        call("POST", "/internal/occurrences", TOKEN, "{\"user_id\":\"u1\",\"predecessor_id\":13}");

    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.body()).contains("/problems/occurrence-refused").contains("not completed");
  }

  @Test
  void aBodyWithoutAPredecessorIsA400() throws Exception {
    for (String body :
        new String[] {
          "{}", "{\"user_id\":\"u1\"}", "{\"user_id\":5,\"predecessor_id\":1}", "[]", "x"
        }) {
      HttpResponse<String> r = call("POST", "/internal/occurrences", TOKEN, body);
      assertThat(r.statusCode()).as(body).isEqualTo(400);
    }
  }

  @SuppressWarnings("unused")
  private static ReminderId unused() {
    return null;
  }
}
