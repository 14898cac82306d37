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

/** The {@code notifications} table (Micronaut Data JDBC); at most one row per reminder. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface NotificationRows extends GenericRepository<NotificationRows.NotificationRow, Long> {

  /** A row of {@code notifications}; {@code kind} is stored as reminder or missed_reminder. */
  @MappedEntity("notifications")
  record NotificationRow(
      @Id @GeneratedValue @Nullable Long id,
      String userId,
      long reminderId,
      long taskId,
      String kind,
      String title,
      String body,
      Instant createdAt,
      @Nullable Instant readAt) {}

  /**
   * Inserts unless the reminder has a notification already; 1 when inserted. Of two concurrent
   * inserts for one reminder the second waits for the first's transaction, then inserts nothing.
   */
  @Query(
      "INSERT INTO notifications (user_id, reminder_id, task_id, kind, title, body, created_at,"
          + " read_at) VALUES (:userId, :reminderId, :taskId, :kind, :title, :body, :createdAt,"
          + " :readAt) ON CONFLICT (reminder_id) DO NOTHING")
  int insertUnlessNotified(
      String userId,
      long reminderId,
      long taskId,
      String kind,
      String title,
      String body,
      Instant createdAt,
      @Nullable Instant readAt);

  Optional<NotificationRow> findByReminderId(long reminderId);

  @Query("SELECT * FROM notifications WHERE user_id = :userId ORDER BY id DESC LIMIT :limit")
  List<NotificationRow> newest(String userId, int limit);

  @Query(
      "SELECT * FROM notifications WHERE user_id = :userId AND read_at IS NULL"
          + " ORDER BY id DESC LIMIT :limit")
  List<NotificationRow> newestUnread(String userId, int limit);

  /** An already-read notification keeps its first read_at but still counts as found. */
  @Query(
      "UPDATE notifications SET read_at = coalesce(read_at, :at)"
          + " WHERE id = :id AND user_id = :userId")
  int markRead(long id, String userId, Instant at);

  @Query("UPDATE notifications SET read_at = :at WHERE user_id = :userId AND read_at IS NULL")
  int markAllRead(String userId, Instant at);
}
