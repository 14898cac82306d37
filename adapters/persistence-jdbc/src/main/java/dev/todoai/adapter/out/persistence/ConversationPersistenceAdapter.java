package dev.todoai.adapter.out.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.todoai.application.assistant.ChatMessage;
import dev.todoai.application.assistant.ToolCallRecord;
import dev.todoai.application.assistant.ToolResult;
import dev.todoai.application.chat.Conversation;
import dev.todoai.application.chat.ConversationSummary;
import dev.todoai.application.port.out.ConversationStorePort;
import dev.todoai.domain.shared.UserId;
import jakarta.inject.Singleton;
import java.lang.reflect.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
  private static final String INSERT_CONVERSATION =
      "INSERT INTO conversations (user_id, title, time_zone, created_at, updated_at)"
          + " VALUES (?, ?, ?, ?, ?) RETURNING id";
  private static final String TOUCH_CONVERSATION =
      "UPDATE conversations SET time_zone = ?, updated_at = greatest(updated_at, ?)"
          + " WHERE id = ? AND user_id = ?";
  private static final String INSERT_MESSAGE =
      "INSERT INTO chat_messages (conversation_id, role, content, tool_calls, created_at)"
          + " VALUES (?, ?, ?, ?::json, ?)";
  private static final String SELECT_CONVERSATION =
      "SELECT id, user_id, title, time_zone, created_at, updated_at FROM conversations"
          + " WHERE id = ? AND user_id = ?";
  private static final String SELECT_MESSAGES =
      "SELECT role, content, tool_calls, created_at FROM chat_messages"
          + " WHERE conversation_id = ? ORDER BY id";
  private static final String LIST =
      "SELECT id, title, created_at, updated_at FROM conversations WHERE user_id = ?"
          + " ORDER BY updated_at DESC, id DESC LIMIT ?";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Jdbc jdbc;

  ConversationPersistenceAdapter(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public long create(
      UserId owner, ZoneId zone, String title, Instant at, List<ChatMessage> messages) {
    return jdbc.write(
        c -> {
          long id;
          try (PreparedStatement ps = c.prepareStatement(INSERT_CONVERSATION)) {
            Jdbc.bind(ps, List.of(owner.value(), title, zone.getId(), at, at));
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              id = rs.getLong("id");
            }
          }
          insertMessages(c, id, messages);
          return id;
        });
  }

  @Override
  public boolean append(
      UserId owner, long conversationId, ZoneId zone, Instant at, List<ChatMessage> messages) {
    return jdbc.write(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(TOUCH_CONVERSATION)) {
            Jdbc.bind(ps, List.of(zone.getId(), at, conversationId, owner.value()));
            if (ps.executeUpdate() == 0) {
              return false;
            }
          }
          insertMessages(c, conversationId, messages);
          return true;
        });
  }

  @Override
  public Optional<Conversation> load(UserId owner, long conversationId) {
    return jdbc.read(
        c -> {
          Conversation found;
          try (PreparedStatement ps = c.prepareStatement(SELECT_CONVERSATION)) {
            Jdbc.bind(ps, List.of(conversationId, owner.value()));
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              found =
                  new Conversation(
                      rs.getLong("id"),
                      new UserId(rs.getString("user_id")),
                      rs.getString("title"),
                      ZoneId.of(rs.getString("time_zone")),
                      Jdbc.instant(rs, "created_at"),
                      Jdbc.instant(rs, "updated_at"),
                      List.of());
            }
          }
          List<ChatMessage> messages = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(SELECT_MESSAGES)) {
            ps.setLong(1, conversationId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                messages.add(
                    new ChatMessage(
                        rs.getString("role"),
                        rs.getString("content"),
                        readToolCalls(rs.getString("tool_calls")),
                        Jdbc.instant(rs, "created_at")));
              }
            }
          }
          return Optional.of(
              new Conversation(
                  found.id(),
                  found.owner(),
                  found.title(),
                  found.zone(),
                  found.createdAt(),
                  found.updatedAt(),
                  messages));
        });
  }

  @Override
  public List<ConversationSummary> list(UserId owner, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative");
    }
    return jdbc.read(
        c -> {
          List<ConversationSummary> found = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(LIST)) {
            ps.setString(1, owner.value());
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                found.add(
                    new ConversationSummary(
                        rs.getLong("id"),
                        rs.getString("title"),
                        Jdbc.instant(rs, "created_at"),
                        Jdbc.instant(rs, "updated_at")));
              }
            }
          }
          return found;
        });
  }

  private static void insertMessages(Connection c, long conversationId, List<ChatMessage> messages)
      throws SQLException {
    if (messages.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(INSERT_MESSAGE)) {
      for (ChatMessage m : messages) {
        Jdbc.bind(
            ps,
            List.of(
                conversationId,
                m.role(),
                m.content() == null ? "" : m.content(),
                writeToolCalls(m.toolCalls()),
                m.at()));
        ps.addBatch();
      }
      ps.executeBatch();
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
