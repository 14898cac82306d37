package dev.todoai.adapter.out.persistence;

import dev.todoai.application.port.out.IdempotencyKeysPort;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.TaskId;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Idempotency keys in {@code idempotency_keys}, one row per (user, key). */
@Singleton
final class IdempotencyKeysPersistenceAdapter implements IdempotencyKeysPort {
  private static final String FIND =
      "SELECT request_hash, task_id, created_at FROM idempotency_keys"
          + " WHERE user_id = ? AND key = ? AND created_at >= ?";
  // A concurrent insert of the same key waits for the other transaction; if that one commits, the
  // WHERE sees its fresh row and nothing is written (0 rows): the caller lost the race.
  private static final String RECORD =
      "INSERT INTO idempotency_keys (user_id, key, request_hash, task_id, created_at)"
          + " VALUES (?, ?, ?, ?, ?)"
          + " ON CONFLICT (user_id, key) DO UPDATE SET request_hash = EXCLUDED.request_hash,"
          + " task_id = EXCLUDED.task_id, created_at = EXCLUDED.created_at"
          + " WHERE idempotency_keys.created_at < ?";

  private final Jdbc jdbc;

  IdempotencyKeysPersistenceAdapter(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<IdempotencyRecord> find(UserId owner, String key, Instant notBefore) {
    return jdbc.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(FIND)) {
            Jdbc.bind(ps, List.of(owner.value(), key, notBefore));
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              return Optional.of(
                  new IdempotencyRecord(
                      rs.getString("request_hash"),
                      new TaskId(rs.getLong("task_id")),
                      Jdbc.instant(rs, "created_at")));
            }
          }
        });
  }

  @Override
  public boolean record(
      UserId owner, String key, String requestHash, TaskId taskId, Instant now, Instant notBefore) {
    return jdbc.write(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(RECORD)) {
            Jdbc.bind(ps, List.of(owner.value(), key, requestHash, taskId.value(), now, notBefore));
            return ps.executeUpdate() == 1;
          }
        });
  }
}
