package dev.todoai.adapter.out.persistence;

import dev.todoai.adapter.out.persistence.Jdbc.Null;
import dev.todoai.application.port.out.NotificationStorePort;
import dev.todoai.domain.notification.Notification;
import dev.todoai.domain.shared.UserId;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Notifications in the {@code notifications} table, unique per reminder: of two concurrent inserts
 * for one reminder the second waits for the first's transaction and then inserts nothing. Every
 * statement but the insert is scoped to the owner's rows.
 */
@Singleton
final class NotificationPersistenceAdapter implements NotificationStorePort {
  private static final String COLUMNS =
      "id, user_id, reminder_id, task_id, kind, title, body, created_at, read_at";
  private static final String INSERT =
      "INSERT INTO notifications (user_id, reminder_id, task_id, kind, title, body, created_at,"
          + " read_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (reminder_id) DO NOTHING"
          + " RETURNING "
          + COLUMNS;

  private final Jdbc jdbc;

  NotificationPersistenceAdapter(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Notification> insert(Notification n) {
    List<Object> params =
        Arrays.asList(
            n.userId().value(),
            n.reminderId(),
            n.taskId(),
            n.kind().apiName(),
            n.title(),
            n.body(),
            n.createdAt(),
            Jdbc.orNull(n.readAt(), Null.TIMESTAMP));
    return jdbc.write(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            Jdbc.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public List<Notification> list(UserId owner, boolean unreadOnly, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative");
    }
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM notifications WHERE user_id = ?"
            + (unreadOnly ? " AND read_at IS NULL" : "")
            + " ORDER BY id DESC LIMIT ?";
    return jdbc.read(
        c -> {
          List<Notification> found = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, owner.value());
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                found.add(read(rs));
              }
            }
          }
          return found;
        });
  }

  @Override
  public boolean markRead(UserId owner, long id, Instant at) {
    // An already-read notification keeps its first read_at but still counts as found.
    return jdbc.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE notifications SET read_at = coalesce(read_at, ?)"
                      + " WHERE id = ? AND user_id = ?")) {
            Jdbc.bind(ps, List.of(at, id, owner.value()));
            return ps.executeUpdate() == 1;
          }
        });
  }

  @Override
  public int markAllRead(UserId owner, Instant at) {
    return jdbc.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL")) {
            Jdbc.bind(ps, List.of(at, owner.value()));
            return ps.executeUpdate();
          }
        });
  }

  private static Notification read(ResultSet rs) throws SQLException {
    return new Notification(
        rs.getLong("id"),
        new UserId(rs.getString("user_id")),
        rs.getLong("reminder_id"),
        rs.getLong("task_id"),
        kind(rs.getString("kind")),
        rs.getString("title"),
        rs.getString("body"),
        Jdbc.instant(rs, "created_at"),
        Jdbc.instant(rs, "read_at"));
  }

  private static Notification.Kind kind(String apiName) {
    for (Notification.Kind k : Notification.Kind.values()) {
      if (k.apiName().equals(apiName)) {
        return k;
      }
    }
    throw new IllegalStateException("unknown notification kind in the database: " + apiName);
  }
}
