package dev.todoai.adapter.out.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.todoai.adapter.out.persistence.ConversationRows.ConversationRow;
import dev.todoai.application.assistant.ChatMessage;
import dev.todoai.application.assistant.Conversation;
import dev.todoai.application.assistant.ConversationSummary;
import dev.todoai.application.assistant.ToolCallRecord;
import dev.todoai.application.assistant.ToolResult;
import dev.todoai.application.port.out.ConversationStorePort;
import dev.todoai.domain.shared.UserId;
import jakarta.inject.Singleton;
import java.lang.reflect.Array;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Conversations in {@code conversations} and their messages in {@code chat_messages}; the tool
 * calls of a message are one JSON array: {@code [{tool, arguments, result: {is_error, content,
 * message}}]}. Every statement is scoped to the owner's conversations.
 */
@Singleton
final class ConversationPersistenceAdapter implements ConversationStorePort {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ConversationRows conversations;
  private final ChatMessageRows messages;

  ConversationPersistenceAdapter(ConversationRows conversations, ChatMessageRows messages) {
    this.conversations = conversations;
    this.messages = messages;
  }

  @Override
  public long create(
      UserId owner, ZoneId zone, String title, Instant at, List<ChatMessage> messages) {
    Instant created = Micros.of(at);
    ConversationRow row =
        conversations.save(
            new ConversationRow(null, owner.value(), title, zone.getId(), created, created));
    insertMessages(row.id(), messages);
    return row.id();
  }

  @Override
  public boolean append(
      UserId owner, long conversationId, ZoneId zone, Instant at, List<ChatMessage> messages) {
    if (conversations.touch(conversationId, owner.value(), zone.getId(), Micros.of(at)) == 0) {
      return false;
    }
    insertMessages(conversationId, messages);
    return true;
  }

  @Override
  public Optional<Conversation> load(UserId owner, long conversationId) {
    return conversations
        .findByIdAndUserId(conversationId, owner.value())
        .map(
            row ->
                new Conversation(
                    row.id(),
                    new UserId(row.userId()),
                    row.title(),
                    ZoneId.of(row.timeZone()),
                    row.createdAt(),
                    row.updatedAt(),
                    messages.ofConversation(conversationId).stream()
                        .map(
                            m ->
                                new ChatMessage(
                                    m.role(),
                                    m.content(),
                                    readToolCalls(m.toolCalls()),
                                    m.createdAt()))
                        .toList()));
  }

  @Override
  public List<ConversationSummary> list(UserId owner, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative");
    }
    return conversations.recent(owner.value(), limit).stream()
        .map(
            row -> new ConversationSummary(row.id(), row.title(), row.createdAt(), row.updatedAt()))
        .toList();
  }

  private void insertMessages(long conversationId, List<ChatMessage> turn) {
    for (ChatMessage m : turn) {
      messages.insert(
          conversationId,
          m.role(),
          m.content() == null ? "" : m.content(),
          writeToolCalls(m.toolCalls()),
          Micros.of(m.at()));
    }
  }

  static String writeToolCalls(List<ToolCallRecord> calls) {
    List<Object> json = new ArrayList<>();
    for (ToolCallRecord call : calls) {
      Map<String, Object> result = new LinkedHashMap<>();
      ToolResult r = call.result();
      result.put("is_error", r != null && r.isError());
      result.put("content", r == null ? null : jsonLike(r.content()));
      result.put("message", r == null ? null : r.message());
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("tool", call.tool());
      item.put("arguments", jsonLike(call.arguments() == null ? Map.of() : call.arguments()));
      item.put("result", result);
      json.add(item);
    }
    try {
      return JSON.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("tool calls cannot be written as JSON", e);
    }
  }

  @SuppressWarnings("unchecked")
  static List<ToolCallRecord> readToolCalls(String text) {
    List<Object> items;
    try {
      items = JSON.readValue(text, List.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored tool calls are not JSON: " + e.getMessage(), e);
    }
    List<ToolCallRecord> calls = new ArrayList<>();
    for (Object o : items) {
      Map<String, Object> item = (Map<String, Object>) o;
      Map<String, Object> result = (Map<String, Object>) item.getOrDefault("result", Map.of());
      Object arguments = item.get("arguments");
      calls.add(
          new ToolCallRecord(
              (String) item.get("tool"),
              arguments instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>(),
              new ToolResult(
                  Boolean.TRUE.equals(result.get("is_error")),
                  result.get("content"),
                  (String) result.get("message"))));
    }
    return calls;
  }

  /** Maps, lists, strings, finite numbers, booleans and null as they are; anything else as text. */
  private static Object jsonLike(Object value) {
    if (value instanceof Double d && !Double.isFinite(d)
        || value instanceof Float f && !Float.isFinite(f)) {
      return value.toString();
    }
    if (value == null
        || value instanceof String
        || value instanceof Number
        || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), jsonLike(v)));
      return copy;
    }
    if (value instanceof Collection<?> items) {
      return items.stream().map(ConversationPersistenceAdapter::jsonLike).toList();
    }
    if (value.getClass().isArray()) {
      List<Object> copy = new ArrayList<>();
      for (int i = 0; i < Array.getLength(value); i++) {
        copy.add(jsonLike(Array.get(value, i)));
      }
      return copy;
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    return value.toString();
  }
}
