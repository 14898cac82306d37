package dev.todoai.adapter.out.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

/**
 * The {@code chat_messages} table (Micronaut Data JDBC). {@code tool_calls} is a {@code json}
 * column, read and written as its text.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ChatMessageRows extends GenericRepository<ChatMessageRows.ChatMessageRow, Long> {

  /** A row of {@code chat_messages}. */
  @MappedEntity("chat_messages")
  record ChatMessageRow(
      @Id long id,
      long conversationId,
      String role,
      String content,
      String toolCalls,
      Instant createdAt) {}

  @Query(
      "INSERT INTO chat_messages (conversation_id, role, content, tool_calls, created_at)"
          + " VALUES (:conversationId, :role, :content, CAST(:toolCalls AS json), :createdAt)")
  int insert(long conversationId, String role, String content, String toolCalls, Instant createdAt);

  @Query(
      "SELECT id, conversation_id, role, content, tool_calls::text AS tool_calls, created_at"
          + " FROM chat_messages WHERE conversation_id = :conversationId ORDER BY id")
  List<ChatMessageRow> ofConversation(long conversationId);
}
