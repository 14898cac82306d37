package dev.todoai.adapter.out.persistence;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Optional;

/** The {@code idempotency_keys} table (Micronaut Data JDBC): one row per (user, key). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface IdempotencyKeyRows
    extends GenericRepository<IdempotencyKeyRows.IdempotencyKeyRow, IdempotencyKeyRows.Key> {

  /** The primary key of {@code idempotency_keys}. */
  @Embeddable
  record Key(@MappedProperty("user_id") String userId, @MappedProperty("key") String key) {}

  /** A row of {@code idempotency_keys}. */
  @MappedEntity("idempotency_keys")
  record IdempotencyKeyRow(
      @EmbeddedId Key id, String requestHash, long taskId, Instant createdAt) {}

  /** What a used key recorded. */
  @Introspected
  record Recorded(String requestHash, long taskId, Instant createdAt) {}

  @Query(
      "SELECT request_hash, task_id, created_at FROM idempotency_keys"
          + " WHERE user_id = :userId AND key = :key AND created_at >= :notBefore")
  Optional<Recorded> find(String userId, String key, Instant notBefore);

  /**
   * Records the key unless it is in use since {@code notBefore}; 1 when recorded. A concurrent
   * insert of the same key waits for the other transaction; if that one commits, the WHERE sees its
   * fresh row and nothing is written: the caller lost the race.
   */
  @Query(
      "INSERT INTO idempotency_keys (user_id, key, request_hash, task_id, created_at)"
          + " VALUES (:userId, :key, :requestHash, :taskId, :createdAt)"
          + " ON CONFLICT (user_id, key) DO UPDATE SET request_hash = EXCLUDED.request_hash,"
          + " task_id = EXCLUDED.task_id, created_at = EXCLUDED.created_at"
          + " WHERE idempotency_keys.created_at < :notBefore")
  int record(
      String userId,
      String key,
      String requestHash,
      long taskId,
      Instant createdAt,
      Instant notBefore);
}
