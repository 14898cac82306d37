package dev.todoai.adapter.out.persistence;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Adapter-internal housekeeping: deletes idempotency keys and failed log-ins that no use case can
 * look at any more. Runs outside any transaction in chunks, so that each chunk commits on its own
 * and no long lock is held.
 */
@Singleton
final class ExpiredRowsCleaner {
  private static final int CHUNK = 5_000;

  private final Jdbc jdbc;
  private final Duration idempotencyKeyRetention;
  private final Duration loginFailureRetention;

  ExpiredRowsCleaner(
      Jdbc jdbc,
      @Value("${todo.maintenance.idempotency-key-retention:24h}") Duration idempotencyKeyRetention,
      @Value("${todo.maintenance.login-failure-retention:1d}") Duration loginFailureRetention) {
    this.jdbc = jdbc;
    this.idempotencyKeyRetention = idempotencyKeyRetention;
    this.loginFailureRetention = loginFailureRetention;
  }

  /** What one clean-up deleted. */
  record Deleted(int idempotencyKeys, int loginFailures) {}

  Deleted deleteExpired(Instant now) {
    int keys =
        deleteInChunks(
            "DELETE FROM idempotency_keys WHERE ctid = ANY (ARRAY(SELECT ctid FROM"
                + " idempotency_keys WHERE created_at < ? LIMIT ?))",
            now.minus(idempotencyKeyRetention));
    int failures =
        deleteInChunks(
            "DELETE FROM login_failures WHERE id IN (SELECT id FROM login_failures"
                + " WHERE failed_at < ? LIMIT ?)",
            now.minus(loginFailureRetention));
    return new Deleted(keys, failures);
  }

  private int deleteInChunks(String sql, Instant cutoff) {
    int total = 0;
    int deleted;
    do {
      deleted = jdbc.write(c -> deleteChunk(c, sql, cutoff));
      total += deleted;
    } while (deleted == CHUNK);
    return total;
  }

  private static int deleteChunk(Connection c, String sql, Instant cutoff) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, Jdbc.timestamp(cutoff));
      ps.setInt(2, CHUNK);
      return ps.executeUpdate();
    }
  }
}
