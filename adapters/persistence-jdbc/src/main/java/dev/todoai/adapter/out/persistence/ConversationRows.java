package dev.todoai.adapter.out.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code conversations} table (Micronaut Data JDBC); every query names the owner. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ConversationRows extends GenericRepository<ConversationRows.ConversationRow, Long> {

  /** A row of {@code conversations}; the id is generated. */
  @MappedEntity("conversations")
  record ConversationRow(
      @Id @GeneratedValue @Nullable Long id,
      String userId,
      String title,
      String timeZone,
      Instant createdAt,
      Instant updatedAt) {}

  ConversationRow save(ConversationRow row);

  Optional<ConversationRow> findByIdAndUserId(long id, String userId);

  /** The zone of later messages, and the time of the latest; 0 when the user has no such row. */
  @Query(
      "UPDATE conversations SET time_zone = :timeZone, updated_at = greatest(updated_at, :at)"
          + " WHERE id = :id AND user_id = :userId")
  int touch(long id, String userId, String timeZone, Instant at);

  @Query(
      "SELECT * FROM conversations WHERE user_id = :userId"
          + " ORDER BY updated_at DESC, id DESC LIMIT :limit")
  List<ConversationRow> recent(String userId, int limit);
}
