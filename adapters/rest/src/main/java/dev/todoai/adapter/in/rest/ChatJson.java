package dev.todoai.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.todoai.adapter.contract.ApiTime;
import dev.todoai.application.assistant.ChatMessage;
import dev.todoai.application.assistant.ToolCallRecord;
import dev.todoai.application.assistant.ToolResult;
import dev.todoai.application.chat.Conversation;
import dev.todoai.application.chat.ConversationSummary;
import dev.todoai.application.port.in.ChatUseCase.ChatReply;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The JSON of chat replies and stored conversations. A tool call is {@code {tool, arguments,
 * result}} and its result {@code {is_error, content, message}}: {@code content} is the tool's data
 * (null for an error), {@code message} the error text (null on success).
 */
final class ChatJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ChatJson() {}

  static ObjectNode of(ChatReply reply) {
    ObjectNode json = Json.object();
    json.put("conversation_id", reply.conversationId());
    json.put("response", reply.response());
    json.set("tool_calls", toolCalls(reply.toolCalls()));
    return json;
  }

  static ObjectNode of(Conversation conversation) {
    ObjectNode json = Json.object();
    json.put("id", conversation.id());
    json.put("title", conversation.title());
    json.put("created_at", ApiTime.format(conversation.createdAt()));
    json.put("updated_at", ApiTime.format(conversation.updatedAt()));
    json.put("time_zone", conversation.zone().getId());
    ArrayNode messages = json.putArray("messages");
    for (ChatMessage message : conversation.messages()) {
      ObjectNode m = messages.addObject();
      m.put("role", message.role());
      m.put("content", message.content());
      m.set("tool_calls", toolCalls(message.toolCalls()));
      m.put("created_at", ApiTime.format(message.at()));
    }
    return json;
  }

  static ArrayNode summaries(List<ConversationSummary> conversations) {
    ArrayNode array = Json.array();
    for (ConversationSummary c : conversations) {
      ObjectNode json = array.addObject();
      json.put("id", c.id());
      json.put("title", c.title());
      json.put("created_at", ApiTime.format(c.createdAt()));
      json.put("updated_at", ApiTime.format(c.updatedAt()));
    }
    return array;
  }

  static ArrayNode toolCalls(List<ToolCallRecord> calls) {
    ArrayNode array = Json.array();
    for (ToolCallRecord call : calls) {
      ObjectNode json = array.addObject();
      json.put("tool", call.tool());
      json.set("arguments", value(call.arguments() == null ? Map.of() : call.arguments()));
      ObjectNode result = json.putObject("result");
      ToolResult r = call.result();
      result.put("is_error", r != null && r.isError());
      result.set("content", value(r == null ? null : r.content()));
      result.put("message", r == null ? null : r.message());
    }
    return array;
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
      ObjectNode json = Json.object();
      map.forEach((k, v) -> json.set(String.valueOf(k), value(v)));
      return json;
    }
    if (value instanceof Collection<?> items) {
      ArrayNode json = Json.array();
      items.forEach(item -> json.add(value(item)));
      return json;
    }
    return NODES.textNode(value.toString());
  }
}
