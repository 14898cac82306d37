package dev.todoai.adapter.in.rest;

import static dev.todoai.adapter.in.rest.ApiTestClient.assertInvalid;
import static dev.todoai.adapter.in.rest.ApiTestClient.assertProblem;
import static dev.todoai.adapter.in.rest.ApiTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todoai.domain.shared.UserId;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Chat, stored conversations and quick-add parsing over real HTTP, on in-memory use cases. */
@MicronautTest
@Property(name = "todo.auth.jwt-secret", value = TaskApiHttpTest.SECRET)
class ChatApiHttpTest {
  @Inject EmbeddedServer server;
  @Inject FakeChat chat;

  private final String user = "user-" + UUID.randomUUID();
  private final UserId owner = new UserId(user);
  private ApiTestClient api;

  @BeforeEach
  void connect() {
    api = new ApiTestClient(server.getPort(), user);
  }

  private String path(String rest) {
    return "/api/" + user + rest;
  }

  private long startConversation(String message) throws Exception {
    HttpResponse<String> response = api.post(path("/chat"), "{\"message\":\"" + message + "\"}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response).get("conversation_id").asLong();
  }

  @Test
  void aChatMessageIsAnsweredWithTheReplyAndEveryToolCallWithItsResult() throws Exception {
    HttpResponse<String> response =
        api.post(path("/chat"), "{\"message\":\"buy milk\",\"time_zone\":\"Europe/Berlin\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode body = json(response);
    assertThat(body.get("conversation_id").isIntegralNumber()).isTrue();
    assertThat(body.get("response").asText()).isEqualTo("Added “buy milk”.");
    JsonNode call = body.get("tool_calls").get(0);
    assertThat(call.get("tool").asText()).isEqualTo("add_task");
    assertThat(call.get("arguments").toString())
        .isEqualTo("{\"title\":\"buy milk\",\"tags\":[\"chat\"]}");
    assertThat(call.get("result").get("is_error").asBoolean()).isFalse();
    assertThat(call.get("result").get("content").toString())
        .isEqualTo("{\"id\":7,\"title\":\"buy milk\",\"due_date\":null}");
    assertThat(call.get("result").get("message").isNull()).isTrue();
    assertThat(chat.lastCommand(owner).timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(chat.lastCommand(owner).conversationId()).isNull();
  }

  @Test
  void aConversationIdContinuesThatConversationAndNoZoneKeepsItsOwn() throws Exception {
    long id = startConversation("hello");

    HttpResponse<String> response =
        api.post(path("/chat"), "{\"conversation_id\":" + id + ",\"message\":\"again\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(json(response).get("conversation_id").asLong()).isEqualTo(id);
    assertThat(chat.lastCommand(owner).conversationId()).isEqualTo(id);
    assertThat(chat.lastCommand(owner).timeZone()).isNull();
  }

  @Test
  void anUnknownOrForeignConversationIsA404Problem() throws Exception {
    String otherUser = "other-" + UUID.randomUUID();
    ApiTestClient other = new ApiTestClient(server.getPort(), otherUser);
    HttpResponse<String> theirs =
        other.post("/api/" + otherUser + "/chat", "{\"message\":\"mine\"}");
    long foreign = json(theirs).get("conversation_id").asLong();

    HttpResponse<String> response =
        api.post(path("/chat"), "{\"conversation_id\":" + foreign + ",\"message\":\"hi\"}");

    assertProblem(response, 404, "/problems/not-found");
    assertThat(json(response).get("detail").asText())
        .isEqualTo("There is no conversation " + foreign + ".");
    assertProblem(
        api.post(path("/chat"), "{\"conversation_id\":999999,\"message\":\"hi\"}"),
        404,
        "/problems/not-found");
    assertProblem(api.get(path("/conversations/" + foreign)), 404, "/problems/not-found");
  }

  @Test
  void everyBadFieldOfAChatRequestIsNamedAtOnce() throws Exception {
    assertInvalid(
        api.post(
            path("/chat"),
            "{\"conversation_id\":\"7\",\"message\":5,\"time_zone\":\"+01:00\",\"model\":\"x\"}"),
        "conversation_id",
        "message",
        "time_zone",
        "model");
    assertInvalid(api.post(path("/chat"), "{\"conversation_id\":0}"), "conversation_id", "message");
    assertInvalid(api.post(path("/chat"), "{\"message\":\"  \"}"), "message");
    assertInvalid(api.post(path("/chat"), "[]"), "body");
    assertInvalid(api.send("POST", path("/chat"), null), "body");
    assertInvalid(api.post(path("/chat"), "{\"message\":"), "body");
  }

  @Test
  void aMessageMayHaveUpTo4000Characters() throws Exception {
    String longest = "x".repeat(4000);

    assertThat(api.post(path("/chat"), "{\"message\":\"" + longest + "\"}").statusCode())
        .isEqualTo(200);
    assertInvalid(api.post(path("/chat"), "{\"message\":\"" + longest + "y\"}"), "message");
  }

  @Test
  void aStoredConversationHasItsMessagesWithToolCallsOldestFirst() throws Exception {
    long id = startConversation("buy milk");
    api.post(
        path("/chat"),
        "{\"conversation_id\":" + id + ",\"message\":\"call mum\",\"time_zone\":\"Asia/Tokyo\"}");

    HttpResponse<String> response = api.get(path("/conversations/" + id));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.get("id").asLong()).isEqualTo(id);
    assertThat(body.get("title").asText()).isEqualTo("buy milk");
    assertThat(body.get("time_zone").asText()).isEqualTo("Asia/Tokyo");
    assertThat(body.get("created_at").asText()).endsWith("Z");
    assertThat(body.get("updated_at").asText()).endsWith("Z");
    JsonNode messages = body.get("messages");
    assertThat(messages.findValuesAsText("role"))
        .containsExactly("user", "assistant", "user", "assistant");
    assertThat(messages.get(0).get("content").asText()).isEqualTo("buy milk");
    assertThat(messages.get(0).get("tool_calls")).isEmpty();
    assertThat(messages.get(1).get("tool_calls").get(0).get("tool").asText()).isEqualTo("add_task");
    assertThat(messages.get(1).get("tool_calls").get(0).get("result").has("is_error")).isTrue();
    assertThat(messages.get(3).get("created_at").asText()).endsWith("Z");
  }

  @Test
  void conversationsAreListedNewestFirstWithTheGivenLimit() throws Exception {
    long first = startConversation("first");
    long second = startConversation("second");

    HttpResponse<String> all = api.get(path("/conversations"));
    HttpResponse<String> one = api.get(path("/conversations?limit=1"));

    assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
    assertThat(json(all).findValuesAsText("title")).containsExactly("second", "first");
    assertThat(json(all).get(0).get("id").asLong()).isEqualTo(second);
    assertThat(json(all).get(1).get("id").asLong()).isEqualTo(first);
    assertThat(json(all).get(0).has("updated_at")).isTrue();
    assertThat(json(one)).hasSize(1);
    assertThat(chat.lastLimit(owner)).isEqualTo(1);
  }

  @Test
  void theListLimitDefaultsTo20AndBadParametersAreNamed() throws Exception {
    api.get(path("/conversations"));
    assertThat(chat.lastLimit(owner)).isEqualTo(20);

    assertInvalid(api.get(path("/conversations?limit=0&sort=x")), "limit", "sort");
    assertInvalid(api.get(path("/conversations?limit=101")), "limit");
    assertInvalid(api.get(path("/conversations/abc")), "id");
  }

  @Test
  void quickAddTextIsParsedIntoAddTaskArguments() throws Exception {
    HttpResponse<String> response =
        api.post(
            path("/quick-add/parse"),
            "{\"text\":\"pay rent tomorrow #home\",\"time_zone\":\"Europe/Berlin\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(json(response).toString())
        .isEqualTo(
            "{\"title\":\"pay rent tomorrow #home\",\"due_date\":\"2030-01-02\","
                + "\"time_zone\":\"Europe/Berlin\",\"tags\":[\"home\"],"
                + "\"reminders\":[{\"before_due\":\"PT1H\"}]}");
    assertThat(chat.lastParse())
        .containsExactly("pay rent tomorrow #home", ZoneId.of("Europe/Berlin"));
  }

  @Test
  void quickAddWithoutAZoneLeavesItToTheUseCaseAndBadFieldsAreNamed() throws Exception {
    api.post(path("/quick-add/parse"), "{\"text\":\"buy milk\"}");
    assertThat(chat.lastParse()).containsExactly("buy milk", null);

    assertInvalid(
        api.post(path("/quick-add/parse"), "{\"text\":\"\",\"time_zone\":\"Nowhere\",\"x\":1}"),
        "text",
        "time_zone",
        "x");
    assertInvalid(api.post(path("/quick-add/parse"), "{}"), "text");
    assertInvalid(
        api.post(path("/quick-add/parse"), "{\"text\":\"" + "x".repeat(1001) + "\"}"), "text");
  }

  @Test
  void anotherUsersChatConversationsAndQuickAddAreA403Problem() throws Exception {
    String theirs = "/api/someone-else";

    assertProblem(api.post(theirs + "/chat", "{\"message\":\"hi\"}"), 403, "/problems/forbidden");
    assertProblem(api.get(theirs + "/conversations"), 403, "/problems/forbidden");
    assertProblem(api.get(theirs + "/conversations/1"), 403, "/problems/forbidden");
    assertProblem(
        api.post(theirs + "/quick-add/parse", "{\"text\":\"hi\"}"), 403, "/problems/forbidden");
  }

  @Test
  void aRequestWithoutTokenIsA401Problem() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(api.uri(path("/chat")))
                    .header("Content-Type", "application/json")
                    .POST(BodyPublishers.ofString("{\"message\":\"hi\"}"))
                    .build(),
                BodyHandlers.ofString());

    assertProblem(response, 401, "/problems/unauthorized");
  }
}
