package dev.todoai.adapter.out.persistence;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Adapter-internal housekeeping: deletes idempotency keys, failed log-ins and sign-up attempts
 * (counted with the log-ins) that no use case can look at any more, the processed-event records of
 * consumers once a redelivery of that event can no longer come ({@code
 * todo.maintenance.processed-event-retention}, default 30 days) and notifications read longer ago
 * than {@code todo.maintenance.read-notification-retention} (default 30 days; unread ones are
 * kept). Runs outside any transaction in chunks, so that each chunk commits on its own and no long
 * lock is held.
 */
@Singleton
final class ExpiredRowsCleaner {
  private static final int CHUNK = 5_000;

  private final Jdbc jdbc;
  private final Duration idempotencyKeyRetention;
  private final Duration loginFailureRetention;
  private final Duration processedEventRetention;
  private final Duration readNotificationRetention;

  ExpiredRowsCleaner(
      Jdbc jdbc,
      @Value("${todo.maintenance.idempotency-key-retention:24h}") Duration idempotencyKeyRetention,
      @Value("${todo.maintenance.login-failure-retention:1d}") Duration loginFailureRetention,
      @Value("${todo.maintenance.processed-event-retention:30d}") Duration processedEventRetention,
      @Value("${todo.maintenance.read-notification-retention:30d}")
          Duration readNotificationRetention) {
    this.jdbc = jdbc;
    this.idempotencyKeyRetention = positive("idempotency-key-retention", idempotencyKeyRetention);
    this.loginFailureRetention = positive("login-failure-retention", loginFailureRetention);
    this.processedEventRetention = positive("processed-event-retention", processedEventRetention);
    this.readNotificationRetention =
        positive("read-notification-retention", readNotificationRetention);
  }

  private static Duration positive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("todo.maintenance." + name + " must be positive");
    }
    return value;
  }

  /** What one clean-up deleted. */
  record Deleted(
      int idempotencyKeys, int loginFailures, int processedEvents, int readNotifications) {
    int total() {
      return idempotencyKeys + loginFailures + processedEvents + readNotifications;
    }
  }

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
    failures +=
        deleteInChunks(
            "DELETE FROM sign_up_attempts WHERE id IN (SELECT id FROM sign_up_attempts"
                + " WHERE attempted_at < ? LIMIT ?)",
            now.minus(loginFailureRetention));
    int processed =
        deleteInChunks(
            "DELETE FROM processed_events WHERE ctid = ANY (ARRAY(SELECT ctid FROM"
                + " processed_events WHERE processed_at < ? LIMIT ?))",
            now.minus(processedEventRetention));
    int read =
        deleteInChunks(
            "DELETE FROM notifications WHERE id IN (SELECT id FROM notifications"
                + " WHERE read_at IS NOT NULL AND read_at < ? LIMIT ?)",
            now.minus(readNotificationRetention));
    return new Deleted(keys, failures, processed, read);
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
