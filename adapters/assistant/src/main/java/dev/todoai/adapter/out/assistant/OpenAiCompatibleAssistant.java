package dev.todoai.adapter.out.assistant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.todoai.adapter.contract.tools.TaskToolCatalog;
import dev.todoai.application.assistant.ChatMessage;
import dev.todoai.application.assistant.ToolCallRecord;
import dev.todoai.application.assistant.ToolInvoker;
import dev.todoai.application.assistant.ToolResult;
import dev.todoai.application.port.out.AssistantPort;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An assistant backed by any OpenAI-compatible chat-completions API (OpenAI, Ollama, vLLM,
 * llama.cpp): sends the conversation with the task tools, runs the tool calls the model asks for
 * and feeds their results back until the model answers in words.
 */
@Singleton
@Requires(property = "todo.assistant.provider", value = "openai")
final class OpenAiCompatibleAssistant implements AssistantPort {
  private static final Logger LOG = LoggerFactory.getLogger(OpenAiCompatibleAssistant.class);
  private static final int MAX_ERROR_BODY = 300;

  /**
   * The most of a model's answer that is read; a longer one is refused (a model or proxy gone
   * astray).
   */
  static final int MAX_RESPONSE_BYTES = 1024 * 1024;

  /** The longest reply passed on to the user. */
  static final int MAX_REPLY_CHARS = 8000;

  /** The most tool calls one round may ask for. */
  static final int MAX_TOOL_CALLS_PER_ROUND = 10;

  private final OpenAiSettings settings;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();
  private final ArrayNode tools;

  @Inject
  OpenAiCompatibleAssistant(
      @Value("${todo.assistant.openai.base-url}") String baseUrl,
      @Value("${todo.assistant.openai.model}") String model,
      @Value("${todo.assistant.openai.api-key:}") String apiKey,
      @Value("${todo.assistant.openai.timeout:60s}") Duration timeout,
      @Value("${todo.assistant.openai.max-tool-rounds:5}") int maxToolRounds) {
    this(new OpenAiSettings(URI.create(baseUrl), model, apiKey, timeout, maxToolRounds));
  }

  OpenAiCompatibleAssistant(OpenAiSettings settings) {
    this.settings = settings;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    this.tools = loadTools();
  }

  /** The task tools as generated from the contract (the schemas MCP serves, too). */
  private ArrayNode loadTools() {
    return json.valueToTree(TaskToolCatalog.openAiTools());
  }

  @Override
  public AssistantReply respond(AssistantRequest request, ToolInvoker invoker) {
    List<ToolCallRecord> calls = new ArrayList<>();
    ArrayNode messages = json.createArrayNode();
    messages.addObject().put("role", "system").put("content", systemPrompt(request));
    for (ChatMessage m : request.history()) {
      if (m.content() != null && ("user".equals(m.role()) || "assistant".equals(m.role()))) {
        messages.addObject().put("role", m.role()).put("content", m.content());
      }
    }
    messages.addObject().put("role", "user").put("content", request.message());

    for (int round = 0; round < settings.maxToolRounds(); round++) {
      JsonNode message;
      try {
        message = complete(messages);
      } catch (ModelUnavailable e) {
        LOG.warn("chat completion failed: {}", e.getMessage());
        return new AssistantReply(
            "Sorry, the assistant's language model is unavailable right now ("
                + e.getMessage()
                + "). Please try again later.",
            calls);
      }
      JsonNode toolCalls = message.path("tool_calls");
      if (toolCalls.isArray() && toolCalls.size() > MAX_TOOL_CALLS_PER_ROUND) {
        return new AssistantReply(
            "Sorry, the model asked for more than "
                + MAX_TOOL_CALLS_PER_ROUND
                + " tool calls at once. Please try a smaller request.",
            calls);
      }
      if (!toolCalls.isArray() || toolCalls.isEmpty()) {
        String text = message.path("content").asText("").strip();
        if (text.length() > MAX_REPLY_CHARS) {
          text = text.substring(0, MAX_REPLY_CHARS) + "…";
        }
        return new AssistantReply(text.isEmpty() ? "(The model gave no answer.)" : text, calls);
      }
      ObjectNode assistant = messages.addObject().put("role", "assistant");
      assistant.set("content", message.path("content").isTextual() ? message.get("content") : null);
      assistant.set("tool_calls", toolCalls);
      for (JsonNode call : toolCalls) {
        String id = call.path("id").asText();
        String name = call.path("function").path("name").asText();
        Map<String, Object> arguments = new LinkedHashMap<>();
        ToolResult result;
        try {
          arguments = arguments(call.path("function").path("arguments"));
          result = invoke(invoker, name, arguments);
        } catch (JsonProcessingException e) {
          result = ToolResult.error("the arguments are not valid JSON: " + e.getOriginalMessage());
        }
        calls.add(new ToolCallRecord(name, arguments, result));
        messages
            .addObject()
            .put("role", "tool")
            .put("tool_call_id", id)
            .put("name", name)
            .put("content", resultJson(result));
      }
    }
    return new AssistantReply(
        "Sorry, I couldn't finish that within "
            + settings.maxToolRounds()
            + " rounds of tool calls. Please try a simpler request.",
        calls);
  }

  private static ToolResult invoke(ToolInvoker invoker, String name, Map<String, Object> args) {
    try {
      ToolResult r = invoker.invoke(name, args);
      return r == null ? ToolResult.error("no result") : r;
    } catch (RuntimeException e) {
      return ToolResult.error(
          e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  private Map<String, Object> arguments(JsonNode raw) throws JsonProcessingException {
    if (raw.isObject()) {
      return json.convertValue(raw, new TypeReference<LinkedHashMap<String, Object>>() {});
    }
    String text = raw.asText("");
    if (text.isBlank()) {
      return new LinkedHashMap<>();
    }
    return json.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {});
  }

  private String resultJson(ToolResult result) {
    try {
      Object body =
          result.isError()
              ? Map.of("error", result.message() == null ? "unknown error" : result.message())
              : result.content();
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      return "{\"error\":\"result could not be serialised\"}";
    }
  }

  /** One chat-completions round trip; returns {@code choices[0].message}. */
  private JsonNode complete(ArrayNode messages) throws ModelUnavailable {
    ObjectNode body = json.createObjectNode();
    body.put("model", settings.model());
    body.set("messages", messages);
    body.set("tools", tools);
    body.put("tool_choice", "auto");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(settings.chatCompletions())
            .timeout(settings.timeout())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json");
    if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
      request.header("Authorization", "Bearer " + settings.apiKey());
    }
    HttpResponse<java.io.InputStream> streamed;
    String answer;
    try {
      streamed =
          http.send(
              request
                  .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream());
      try (java.io.InputStream in = streamed.body()) {
        byte[] bytes = in.readNBytes(MAX_RESPONSE_BYTES + 1);
        if (bytes.length > MAX_RESPONSE_BYTES) {
          LOG.warn("chat completion answer longer than {} bytes: refused", MAX_RESPONSE_BYTES);
          throw new ModelUnavailable("the answer is too long");
        }
        answer = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
      }
    } catch (HttpTimeoutException e) {
      throw new ModelUnavailable("no answer within " + settings.timeout().toSeconds() + " s");
    } catch (IOException e) {
      // the model's address is configuration: log it, never tell the user
      LOG.warn("cannot reach the language model at {}: {}", settings.baseUrl(), e.toString());
      throw new ModelUnavailable("cannot reach it: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelUnavailable("interrupted");
    }
    if (streamed.statusCode() / 100 != 2) {
      String detail = answer.strip();
      if (detail.length() > MAX_ERROR_BODY) {
        detail = detail.substring(0, MAX_ERROR_BODY) + "…";
      }
      LOG.warn("chat completion answered HTTP {}: {}", streamed.statusCode(), detail);
      throw new ModelUnavailable("HTTP " + streamed.statusCode());
    }
    try {
      JsonNode message = json.readTree(answer).path("choices").path(0).path("message");
      if (message.isMissingNode()) {
        throw new ModelUnavailable("the answer has no choices[0].message");
      }
      return message;
    } catch (JsonProcessingException e) {
      throw new ModelUnavailable("the answer is not JSON");
    }
  }

  static String systemPrompt(AssistantRequest request) {
    ZonedDateTime now = request.now().atZone(request.zone());
    return "You are the assistant of Todo AI, a task manager. You manage the user's tasks only"
        + " through the tools provided; never claim a change you did not make with a tool.\n"
        + "Current time: "
        + now.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
        + " ("
        + now.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH)
        + "). The user's time zone: "
        + request.zone().getId()
        + ".\n"
        + "Rules: resolve relative dates (\"tomorrow\", \"friday 3pm\") in the user's time zone;"
        + " use due_at (ISO-8601 instant with offset) for a time, due_date (YYYY-MM-DD) for a"
        + " whole day, and set time_zone to the user's zone. Recurring tasks need a due and an"
        + " RRULE such as FREQ=MONTHLY;BYMONTHDAY=1. Priorities: none, low, medium, high,"
        + " urgent. Tags have no '#'. To act on a task named by its title, call search_tasks"
        + " first; if several tasks match, ask the user which one instead of guessing. Before"
        + " deleting more than one task, or a recurring task, list them and ask the user to"
        + " confirm; delete only after a yes. If the user says undo, revert your own last change"
        + " with the tools (delete a task you added, restore the fields you changed, reopen a task"
        + " you completed, add back a task you deleted). Answer briefly in the user's language;"
        + " mention titles, dates and what you changed.";
  }

  /** The model could not be asked or did not answer usefully. */
  private static final class ModelUnavailable extends Exception {
    private static final long serialVersionUID = 1L;

    ModelUnavailable(String message) {
      super(message);
    }
  }
}
