package dev.todoai.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.todoai.bootstrap.system.Api.Response;
import dev.todoai.bootstrap.system.Api.User;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAI-compatible assistant through the whole application: chat over HTTP, the assistant
 * talking to a scripted chat-completions server over real HTTP (the protocol Ollama, vLLM and
 * OpenAI speak), the task tools acting on PostgreSQL. The script plays the model: it asks for tool
 * calls, reads the results it is sent back, and answers.
 */
class OpenAiAssistantSystemTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger USERS = new AtomicInteger();
  private static final int TIMEOUT_SECONDS = 2;

  private static HttpServer model;
  private static final java.util.concurrent.ExecutorService modelThreads =
      java.util.concurrent.Executors.newCachedThreadPool();
  private static final Deque<Function<JsonNode, String>> script = new ArrayDeque<>();
  private static final List<JsonNode> received = new ArrayList<>();
  private static final List<String> authorizations = new ArrayList<>();
  private static final List<String> scriptFailures = new ArrayList<>();
  private static final CountDownLatch hang = new CountDownLatch(1);
  private static RunningApp app;
  private static Api api;

  @BeforeAll
  static void start() throws IOException {
    model = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    model.createContext("/v1/chat/completions", OpenAiAssistantSystemTest::answer);
    // a hung answer (the timeout test) must not hold up the next test's requests
    model.setExecutor(modelThreads);
    model.start();
    Map<String, Object> props =
        new java.util.HashMap<>(
            dev.todoai.adapter.out.persistence.testsupport.TestDatabase.properties());
    props.put("todo.assistant.provider", "openai");
    props.put(
        "todo.assistant.openai.base-url",
        "http://127.0.0.1:" + model.getAddress().getPort() + "/v1");
    props.put("todo.assistant.openai.model", "scripted-model");
    props.put("todo.assistant.openai.api-key", "test-key");
    props.put("todo.assistant.openai.timeout", TIMEOUT_SECONDS + "s");
    props.put("todo.assistant.openai.max-tool-rounds", 4);
    app = RunningApp.start(props);
    api = app.api();
  }

  @AfterAll
  static void stop() {
    hang.countDown();
    if (app != null) {
      app.close();
    }
    model.stop(0);
    modelThreads.shutdownNow();
  }

  @BeforeEach
  void reset() {
    synchronized (script) {
      script.clear();
      received.clear();
      authorizations.clear();
      scriptFailures.clear();
    }
  }

  private static void answer(HttpExchange exchange) throws IOException {
    JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
    Function<JsonNode, String> step;
    synchronized (script) {
      received.add(request);
      authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
      step = script.poll();
    }
    String body;
    try {
      body = step == null ? reply("(the script has ended)") : step.apply(request);
    } catch (AssertionError | RuntimeException e) {
      synchronized (script) {
        scriptFailures.add(e.getMessage());
      }
      body = reply("the script failed: " + e.getMessage());
    }
    if (body == null) {
      // hang past the assistant's timeout
      try {
        hang.await(TIMEOUT_SECONDS * 3L, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      body = reply("too late");
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    try {
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
    } catch (IOException clientGone) {
      // the assistant gave up waiting
    }
    exchange.close();
  }

  /** A final answer in words. */
  private static String reply(String text) {
    ObjectNode message = JSON.createObjectNode().put("role", "assistant").put("content", text);
    return completion(message, "stop");
  }

  /** A round of tool calls: pairs of name and JSON arguments text. */
  private static String toolCalls(String... nameAndArguments) {
    ObjectNode message = JSON.createObjectNode().put("role", "assistant");
    message.putNull("content");
    ArrayNode calls = message.putArray("tool_calls");
    for (int k = 0; k < nameAndArguments.length; k += 2) {
      ObjectNode call = calls.addObject().put("id", "call_" + k).put("type", "function");
      call.putObject("function")
          .put("name", nameAndArguments[k])
          .put("arguments", nameAndArguments[k + 1]);
    }
    return completion(message, "tool_calls");
  }

  private static String completion(ObjectNode message, String finish) {
    ObjectNode root =
        JSON.createObjectNode().put("id", "chatcmpl-x").put("object", "chat.completion");
    root.put("model", "scripted-model");
    ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
    choice.set("message", message);
    choice.put("finish_reason", finish);
    return root.toString();
  }

  /** The tool results the assistant sent back in this request, oldest first. */
  private static List<JsonNode> toolResults(JsonNode request) {
    List<JsonNode> results = new ArrayList<>();
    for (JsonNode m : request.path("messages")) {
      if ("tool".equals(m.path("role").asText())) {
        try {
          results.add(JSON.readTree(m.path("content").asText()));
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return results;
  }

  private static User newUser() {
    return api.register("openai" + USERS.incrementAndGet() + "@example.org");
  }

  @org.junit.jupiter.api.AfterEach
  void theScriptSawWhatItExpected() {
    assertThat(scriptFailures).isEmpty();
  }

  private static JsonNode chat(User user, String message) {
    Response r =
        api.post(
            "/api/" + user.id() + "/chat",
            user.token(),
            Api.json(Map.of("message", message, "time_zone", "Europe/Berlin")));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static JsonNode tasks(User user) {
    return api.get("/api/" + user.id() + "/tasks?status=all", user.token()).json();
  }

  @Test
  void severalRoundsOfToolCallsReadEachOthersResults() {
    User ada = newUser();
    api.createTask(ada, Map.of("title", "pay rent", "due_date", "2026-12-03"));
    script.add(req -> toolCalls("search_tasks", "{\"query\":\"rent\"}"));
    script.add(
        req -> {
          long id = toolResults(req).get(0).path("tasks").get(0).path("id").asLong();
          return toolCalls("update_task", "{\"task_id\":" + id + ",\"priority\":\"high\"}");
        });
    script.add(
        req -> {
          String priority = toolResults(req).get(1).path("priority").asText();
          return reply("Done: “pay rent” is now " + priority + " priority.");
        });

    JsonNode answer = chat(ada, "make the rent high priority");

    assertThat(answer.get("response").asText()).isEqualTo("Done: “pay rent” is now high priority.");
    assertThat(answer.get("tool_calls").findValuesAsText("tool"))
        .containsExactly("search_tasks", "update_task");
    assertThat(tasks(ada).get(0).get("priority").asText()).isEqualTo("high");
    assertThat(received).hasSize(3);
    JsonNode first = received.get(0);
    assertThat(first.path("model").asText()).isEqualTo("scripted-model");
    assertThat(first.path("tools").size()).isGreaterThanOrEqualTo(10);
    assertThat(first.path("messages").get(0).path("role").asText()).isEqualTo("system");
    assertThat(authorizations).containsOnly("Bearer test-key");
    JsonNode third = received.get(2).path("messages");
    assertThat(third.get(third.size() - 1).path("role").asText()).isEqualTo("tool");
    assertThat(third.get(third.size() - 1).path("tool_call_id").asText()).isEqualTo("call_0");
  }

  @Test
  void aToolErrorIsFedBackAndTheModelCanCorrectItself() {
    User ada = newUser();
    script.add(
        req -> toolCalls("add_task", "{\"title\":\"water the ferns\",\"priority\":\"super\"}"));
    script.add(
        req -> {
          JsonNode result = toolResults(req).get(0);
          assertThat(result.path("error").asText()).contains("priority");
          return toolCalls("add_task", "{\"title\":\"water the ferns\",\"priority\":\"high\"}");
        });
    script.add(req -> reply("Added “water the ferns”, high priority."));

    JsonNode answer = chat(ada, "add water the ferns, super important");

    JsonNode calls = answer.get("tool_calls");
    assertThat(calls).hasSize(2);
    assertThat(calls.get(0).get("result").get("is_error").asBoolean()).isTrue();
    assertThat(calls.get(1).get("result").get("is_error").asBoolean()).isFalse();
    JsonNode all = tasks(ada);
    assertThat(all).hasSize(1);
    assertThat(all.get(0).get("priority").asText()).isEqualTo("high");
  }

  @Test
  void aMalformedToolCallChangesNothingAndTheModelIsToldWhy() {
    User ada = newUser();
    api.createTask(ada, "pay rent");
    script.add(
        req ->
            toolCalls(
                "delete_task", "{task_id: oops", "drop_all_tasks", "{}", "update_task", "[1,2]"));
    script.add(
        req -> {
          List<JsonNode> results = toolResults(req);
          assertThat(results).hasSize(3);
          assertThat(results.get(0).path("error").asText()).contains("not valid JSON");
          assertThat(results.get(1).path("error").asText()).contains("unknown tool");
          assertThat(results.get(2).path("error").asText()).isNotEmpty();
          return reply("Sorry, I could not do that.");
        });

    JsonNode answer = chat(ada, "delete everything");

    assertThat(answer.get("response").asText()).isEqualTo("Sorry, I could not do that.");
    assertThat(answer.get("tool_calls").findValuesAsText("is_error")).containsOnly("true");
    assertThat(tasks(ada)).hasSize(1);
  }

  @Test
  void aModelThatDoesNotAnswerInTimeGetsAPoliteReplyAndTheConversationIsKept() {
    User ada = newUser();
    script.add(req -> null);

    JsonNode answer = chat(ada, "what's due today?");
    hang.countDown();

    assertThat(answer.get("response").asText())
        .contains("unavailable")
        .contains("no answer within");
    assertThat(answer.get("tool_calls")).isEmpty();
    long id = answer.get("conversation_id").asLong();
    JsonNode stored = api.get("/api/" + ada.id() + "/conversations/" + id, ada.token()).json();
    assertThat(stored.get("messages")).hasSize(2);
    assertThat(tasks(ada)).isEmpty();
  }
}
