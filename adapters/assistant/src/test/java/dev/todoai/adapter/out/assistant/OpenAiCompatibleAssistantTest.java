package dev.todoai.adapter.out.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.todoai.adapter.out.assistant.InMemoryTools.Call;
import dev.todoai.application.assistant.ChatMessage;
import dev.todoai.application.port.out.AssistantPort.AssistantReply;
import dev.todoai.application.port.out.AssistantPort.AssistantRequest;
import dev.todoai.domain.shared.UserId;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chat-completions client against a local server replaying recorded wire-format answers. */
class OpenAiCompatibleAssistantTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  private static final String TOOL_CALLS_RESPONSE =
      """
      {"id":"chatcmpl-1","object":"chat.completion","created":1764064800,"model":"llama3.1",
       "choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant","content":null,
         "tool_calls":[{"id":"call_abc","type":"function","function":{"name":"add_task",
           "arguments":"{\\"title\\":\\"buy milk\\",\\"due_date\\":\\"2026-11-26\\",\\"time_zone\\":\\"Europe/Berlin\\"}"}}]}}],
       "usage":{"prompt_tokens":900,"completion_tokens":40,"total_tokens":940}}
      """;
  private static final String FINAL_RESPONSE =
      """
      {"id":"chatcmpl-2","object":"chat.completion","created":1764064801,"model":"llama3.1",
       "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant",
         "content":"Added “buy milk” for tomorrow."}}]}
      """;

  private HttpServer server;
  private final List<JsonNode> requests = new ArrayList<>();
  private final List<String> authorizations = new ArrayList<>();
  private final Deque<Answer> answers = new ArrayDeque<>();
  private final CountDownLatch release = new CountDownLatch(1);

  private record Answer(int status, String body, boolean hang) {}

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/chat/completions", this::handle);
    server.start();
  }

  @AfterEach
  void stopServer() {
    release.countDown();
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
    authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
    Answer answer =
        answers.isEmpty() ? new Answer(500, "{\"error\":\"no more\"}", false) : answers.poll();
    if (answer.hang()) {
      try {
        release.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.status(), body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private OpenAiCompatibleAssistant assistant(String apiKey, Duration timeout, int rounds) {
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    return new OpenAiCompatibleAssistant(
        new OpenAiSettings(base, "llama3.1", apiKey, timeout, rounds));
  }

  private static AssistantRequest request(String message, List<ChatMessage> history) {
    return new AssistantRequest(
        new UserId("u1"), ZoneId.of("Europe/Berlin"), NOW, history, message);
  }

  @Test
  void runsRequestedToolCallsAndReturnsTheModelsFinalAnswer() {
    answers.add(new Answer(200, TOOL_CALLS_RESPONSE, false));
    answers.add(new Answer(200, FINAL_RESPONSE, false));
    InMemoryTools tools = new InMemoryTools(NOW);

    AssistantReply reply =
        assistant("sk-test", Duration.ofSeconds(5), 5)
            .respond(
                request(
                    "buy milk tomorrow",
                    List.of(
                        new ChatMessage("user", "hi", null, NOW),
                        new ChatMessage("assistant", "Hello!", null, NOW))),
                tools);

    assertThat(reply.text()).isEqualTo("Added “buy milk” for tomorrow.");
    assertThat(tools.calls)
        .containsExactly(
            new Call(
                "add_task",
                Map.of(
                    "title", "buy milk", "due_date", "2026-11-26", "time_zone", "Europe/Berlin")));
    assertThat(reply.toolCalls()).hasSize(1);
    assertThat(reply.toolCalls().get(0).tool()).isEqualTo("add_task");
    assertThat(reply.toolCalls().get(0).result().isError()).isFalse();
  }

  @Test
  void sendsModelToolsSystemPromptHistoryAndToolResults() {
    answers.add(new Answer(200, TOOL_CALLS_RESPONSE, false));
    answers.add(new Answer(200, FINAL_RESPONSE, false));

    assistant("sk-test", Duration.ofSeconds(5), 5)
        .respond(
            request("buy milk tomorrow", List.of(new ChatMessage("user", "hi", null, NOW))),
            new InMemoryTools(NOW));

    assertThat(requests).hasSize(2);
    JsonNode first = requests.get(0);
    assertThat(first.path("model").asText()).isEqualTo("llama3.1");
    assertThat(first.path("tools")).hasSize(10);
    List<String> toolNames = new ArrayList<>();
    first.path("tools").forEach(t -> toolNames.add(t.path("function").path("name").asText()));
    assertThat(toolNames)
        .containsExactlyInAnyOrder(
            "add_task",
            "list_tasks",
            "get_task",
            "update_task",
            "complete_task",
            "delete_task",
            "search_tasks",
            "set_reminder",
            "list_reminders",
            "delete_reminder");
    JsonNode messages = first.path("messages");
    assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
    assertThat(messages.get(0).path("content").asText())
        .contains("2026-11-25T11:00:00+01:00")
        .contains("Europe/Berlin");
    assertThat(messages.get(1).path("content").asText()).isEqualTo("hi");
    assertThat(messages.get(2).path("role").asText()).isEqualTo("user");
    assertThat(messages.get(2).path("content").asText()).isEqualTo("buy milk tomorrow");
    assertThat(authorizations.get(0)).isEqualTo("Bearer sk-test");

    JsonNode second = requests.get(1).path("messages");
    JsonNode assistantTurn = second.get(second.size() - 2);
    assertThat(assistantTurn.path("role").asText()).isEqualTo("assistant");
    assertThat(assistantTurn.path("tool_calls").get(0).path("id").asText()).isEqualTo("call_abc");
    JsonNode toolMessage = second.get(second.size() - 1);
    assertThat(toolMessage.path("role").asText()).isEqualTo("tool");
    assertThat(toolMessage.path("tool_call_id").asText()).isEqualTo("call_abc");
    assertThat(toolMessage.path("content").asText()).contains("\"id\":1").contains("buy milk");
  }

  @Test
  void reportsToolErrorsToTheModelAsErrorObjects() {
    answers.add(new Answer(200, TOOL_CALLS_RESPONSE, false));
    answers.add(new Answer(200, FINAL_RESPONSE, false));

    AssistantReply reply =
        assistant(null, Duration.ofSeconds(5), 5)
            .respond(
                request("buy milk tomorrow", List.of()),
                new InMemoryTools(NOW).failing("add_task", "title: must not be blank"));

    JsonNode second = requests.get(1).path("messages");
    assertThat(second.get(second.size() - 1).path("content").asText())
        .isEqualTo("{\"error\":\"title: must not be blank\"}");
    assertThat(authorizations.get(0)).isNull();
    assertThat(reply.toolCalls().get(0).result().isError()).isTrue();
  }

  @Test
  void serverErrorGivesAnUnavailableReplyInsteadOfAnException() {
    answers.add(new Answer(500, "{\"error\":{\"message\":\"model not loaded\"}}", false));
    InMemoryTools tools = new InMemoryTools(NOW);

    AssistantReply reply =
        assistant(null, Duration.ofSeconds(5), 5).respond(request("hi", List.of()), tools);

    assertThat(reply.text()).contains("unavailable").contains("HTTP 500");
    assertThat(reply.toolCalls()).isEmpty();
    assertThat(tools.calls).isEmpty();
  }

  @Test
  void timeoutGivesAnUnavailableReply() {
    answers.add(new Answer(200, FINAL_RESPONSE, true));

    AssistantReply reply =
        assistant(null, Duration.ofMillis(300), 5)
            .respond(request("hi", List.of()), new InMemoryTools(NOW));

    assertThat(reply.text()).contains("unavailable").contains("no answer within");
  }

  @Test
  void unreachableServerGivesAnUnavailableReply() {
    server.stop(0);

    AssistantReply reply =
        assistant(null, Duration.ofSeconds(2), 5)
            .respond(request("hi", List.of()), new InMemoryTools(NOW));

    assertThat(reply.text()).contains("unavailable").contains("cannot reach");
    assertThat(reply.text()).doesNotContain("127.0.0.1").doesNotContain("http");
  }

  @Test
  void anAnswerLongerThanAMegabyteIsRefusedNotRead() {
    String huge =
        "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\""
            + "x".repeat(OpenAiCompatibleAssistant.MAX_RESPONSE_BYTES)
            + "\"}}]}";
    answers.add(new Answer(200, huge, false));

    AssistantReply reply =
        assistant(null, Duration.ofSeconds(10), 5)
            .respond(request("hi", List.of()), new InMemoryTools(NOW));

    assertThat(reply.text()).contains("unavailable").contains("too long");
  }

  @Test
  void aVeryLongReplyIsCutToTheReplyLimit() {
    answers.add(
        new Answer(
            200,
            "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\""
                + "y".repeat(50_000)
                + "\"}}]}",
            false));

    AssistantReply reply =
        assistant(null, Duration.ofSeconds(10), 5)
            .respond(request("hi", List.of()), new InMemoryTools(NOW));

    assertThat(reply.text()).hasSize(OpenAiCompatibleAssistant.MAX_REPLY_CHARS + 1);
  }

  @Test
  void stopsAfterTheRoundLimitWhenTheModelKeepsCallingTools() {
    answers.add(new Answer(200, TOOL_CALLS_RESPONSE, false));
    answers.add(new Answer(200, TOOL_CALLS_RESPONSE, false));
    answers.add(new Answer(200, FINAL_RESPONSE, false));
    InMemoryTools tools = new InMemoryTools(NOW);

    AssistantReply reply =
        assistant(null, Duration.ofSeconds(5), 2).respond(request("loop", List.of()), tools);

    assertThat(requests).hasSize(2);
    assertThat(tools.calls).hasSize(2);
    assertThat(reply.text()).contains("2 rounds");
  }

  @Test
  void invalidArgumentJsonBecomesAnErrorResultWithoutCallingTheTool() {
    answers.add(
        new Answer(
            200,
            TOOL_CALLS_RESPONSE.replace(
                "\"{\\\"title\\\":\\\"buy milk\\\",\\\"due_date\\\":\\\"2026-11-26\\\",\\\"time_zone\\\":\\\"Europe/Berlin\\\"}\"",
                "\"{not json\""),
            false));
    answers.add(new Answer(200, FINAL_RESPONSE, false));
    InMemoryTools tools = new InMemoryTools(NOW);

    AssistantReply reply =
        assistant(null, Duration.ofSeconds(5), 5).respond(request("x", List.of()), tools);

    assertThat(tools.calls).isEmpty();
    assertThat(reply.toolCalls()).hasSize(1);
    assertThat(reply.toolCalls().get(0).result().message()).contains("not valid JSON");
  }
}
