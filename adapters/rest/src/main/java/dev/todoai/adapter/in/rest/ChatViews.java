package dev.todoai.adapter.in.rest;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.todoai.adapter.contract.ApiTime;
import dev.todoai.adapter.contract.WrongType;
import dev.todoai.application.assistant.ChatMessage;
import dev.todoai.application.assistant.Conversation;
import dev.todoai.application.assistant.ConversationSummary;
import dev.todoai.application.assistant.ToolCallRecord;
import dev.todoai.application.assistant.ToolResult;
import dev.todoai.application.port.in.ChatUseCase.ChatReply;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The bodies of chat and of the stored conversations. A tool call is {@code {tool, arguments,
 * result}} and its result {@code {is_error, content, message}}: {@code content} is the tool's data
 * (null for an error), {@code message} the error text (null on success).
 */
final class ChatViews {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ChatViews() {}

  /** The request of {@code POST /api/{user_id}/chat}. */
  @Serdeable
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @Schema(name = "ChatInput", description = "A message to the assistant.")
  record ChatInput(
      @Schema(
              types = {"integer", "null"},
              format = "int64",
              minimum = "1",
              description = "The conversation to continue; absent or null starts a new one.")
          @WrongType("must be a positive whole number, or null for a new one")
          Long conversationId,
      @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 4000) String message,
      @Schema(
              types = {"string", "null"},
              description =
                  "The user's IANA time zone for relative dates; kept for the conversation.")
          @WrongType("must be a string or null")
          String timeZone) {}

  /** The assistant's answer. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @Schema(name = "ChatReply", description = "The assistant's answer and the tools it called.")
  record ChatReplyView(
      @Schema(requiredMode = REQUIRED) long conversationId,
      @Schema(requiredMode = REQUIRED) String response,
      @Schema(requiredMode = REQUIRED) List<ToolCallView> toolCalls) {

    static ChatReplyView of(ChatReply reply) {
      return new ChatReplyView(
          reply.conversationId(), reply.response(), ChatViews.toolCalls(reply.toolCalls()));
    }
  }

  /** One tool call of the assistant. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  @Schema(name = "ToolCall", description = "A task tool the assistant called, and its result.")
  record ToolCallView(
      @Schema(requiredMode = REQUIRED, description = "The tool, e.g. add_task.") String tool,
      @Schema(
              requiredMode = REQUIRED,
              type = "object",
              implementation = Map.class,
              description = "The tool's arguments.")
          JsonNode arguments,
      ToolResultView result) {}

  /** The outcome of one tool call. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  @Schema(name = "ToolResult", description = "A tool's data, or its error message.")
  record ToolResultView(
      @Schema(requiredMode = REQUIRED) @JsonProperty("is_error") boolean isError,
      @Schema(
              requiredMode = REQUIRED,
              types = {"object", "array", "null"},
              description = "The tool's data (a task, a list ...); null for an error.")
          JsonNode content,
      @Schema(
              requiredMode = REQUIRED,
              types = {"string", "null"},
              description = "The error; null on success.")
          String message) {}

  /** A stored conversation with its messages. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @Schema(name = "Conversation", description = "A conversation with the assistant.")
  record ConversationView(
      @Schema(requiredMode = REQUIRED) long id,
      @Schema(requiredMode = REQUIRED) String title,
      @Schema(requiredMode = REQUIRED, format = "date-time") String createdAt,
      @Schema(requiredMode = REQUIRED, format = "date-time") String updatedAt,
      @Schema(requiredMode = REQUIRED, description = "The zone its messages are read in.")
          String timeZone,
      @Schema(requiredMode = REQUIRED, description = "Oldest first.") List<MessageView> messages) {

    static ConversationView of(Conversation conversation) {
      return new ConversationView(
          conversation.id(),
          conversation.title(),
          ApiTime.format(conversation.createdAt()),
          ApiTime.format(conversation.updatedAt()),
          conversation.zone().getId(),
          conversation.messages().stream().map(MessageView::of).toList());
    }
  }

  /** One message of a conversation. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @Schema(name = "ChatMessage", description = "A message of the user or of the assistant.")
  record MessageView(
      @Schema(
              requiredMode = REQUIRED,
              allowableValues = {"user", "assistant"})
          String role,
      @Schema(requiredMode = REQUIRED) String content,
      @Schema(requiredMode = REQUIRED, description = "The assistant's tool calls; [] otherwise.")
          List<ToolCallView> toolCalls,
      @Schema(requiredMode = REQUIRED, format = "date-time") String createdAt) {

    static MessageView of(ChatMessage message) {
      return new MessageView(
          message.role(),
          message.content(),
          ChatViews.toolCalls(message.toolCalls()),
          ApiTime.format(message.at()));
    }
  }

  /** One conversation in a listing. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @Schema(name = "ConversationSummary", description = "A conversation without its messages.")
  record ConversationSummaryView(
      @Schema(requiredMode = REQUIRED) long id,
      @Schema(requiredMode = REQUIRED, description = "The start of its first message.")
          String title,
      @Schema(requiredMode = REQUIRED, format = "date-time") String createdAt,
      @Schema(requiredMode = REQUIRED, format = "date-time") String updatedAt) {

    static ConversationSummaryView of(ConversationSummary summary) {
      return new ConversationSummaryView(
          summary.id(),
          summary.title(),
          ApiTime.format(summary.createdAt()),
          ApiTime.format(summary.updatedAt()));
    }
  }

  static List<ToolCallView> toolCalls(List<ToolCallRecord> calls) {
    return calls.stream()
        .map(
            call -> {
              ToolResult r = call.result();
              return new ToolCallView(
                  call.tool(),
                  value(call.arguments() == null ? Map.of() : call.arguments()),
                  new ToolResultView(
                      r != null && r.isError(),
                      value(r == null ? null : r.content()),
                      r == null ? null : r.message()));
            })
        .toList();
  }

  /** A JSON-like value (map, collection, string, number, boolean, null); anything else as text. */
  static JsonNode value(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof String s) {
      return NODES.textNode(s);
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return NODES.numberNode(((Number) value).longValue());
    }
    if (value instanceof BigInteger i) {
      return NODES.numberNode(i);
    }
    if (value instanceof BigDecimal d) {
      return NODES.numberNode(d);
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? NODES.numberNode(d) : NODES.textNode(value.toString());
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode json = NODES.objectNode();
      map.forEach((k, v) -> json.set(String.valueOf(k), value(v)));
      return json;
    }
    if (value instanceof Collection<?> items) {
      ArrayNode json = NODES.arrayNode();
      items.forEach(item -> json.add(value(item)));
      return json;
    }
    return NODES.textNode(value.toString());
  }
}
