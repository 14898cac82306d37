package dev.todoai.adapter.out.persistence;

import dev.todoai.application.port.out.ReminderStorePort;
import dev.todoai.domain.reminder.Reminder;
import dev.todoai.domain.reminder.ReminderId;
import dev.todoai.domain.reminder.ReminderStatus;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.TaskId;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reminders in the {@code reminders} table; they go with their task ({@code ON DELETE CASCADE}).
 * Reads by owner are scoped to the owner's rows; the locking reads serve the reminder's own
 * workflows (firing, following a task change) and take any owner.
 */
@Singleton
final class ReminderPersistenceAdapter implements ReminderStorePort {
  private static final String SELECT = "SELECT " + ReminderRow.COLUMNS + " FROM reminders";
  private static final String INSERT =
      "INSERT INTO reminders (" + ReminderRow.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String UPDATE =
      "UPDATE reminders SET remind_at = ?, status = ?, sent_at = ?, time_of_day = ?"
          + " WHERE id = ? AND user_id = ?";

  private final Jdbc jdbc;

  ReminderPersistenceAdapter(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public ReminderId nextReminderId() {
    return jdbc.write(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT nextval('reminder_id_seq')");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new ReminderId(rs.getLong(1));
          }
        });
  }

  @Override
  public void insert(Reminder reminder) {
    execute(INSERT, ReminderRow.values(reminder));
  }

  @Override
  public void update(Reminder reminder) {
    List<Object> params = new ArrayList<>(ReminderRow.mutableValues(reminder));
    params.add(reminder.id().value());
    params.add(reminder.userId().value());
    execute(UPDATE, params);
  }

  @Override
  public void delete(ReminderId id) {
    execute("DELETE FROM reminders WHERE id = ?", List.of(id.value()));
  }

  @Override
  public Optional<Reminder> loadForUpdate(ReminderId id) {
    List<Reminder> found =
        jdbc.write(c -> select(c, SELECT + " WHERE id = ? FOR UPDATE", List.of(id.value())));
    return found.stream().findFirst();
  }

  @Override
  public List<Reminder> forTask(UserId owner, TaskId task) {
    return jdbc.read(
        c ->
            select(
                c,
                SELECT + " WHERE task_id = ? AND user_id = ? ORDER BY id",
                List.of(task.value(), owner.value())));
  }

  @Override
  public List<Reminder> forTaskForUpdate(TaskId task) {
    return jdbc.write(
        c ->
            select(c, SELECT + " WHERE task_id = ? ORDER BY id FOR UPDATE", List.of(task.value())));
  }

  @Override
  public List<Reminder> byStatus(UserId owner, ReminderStatus status, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative");
    }
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder(SELECT).append(" WHERE user_id = ?");
    params.add(owner.value());
    if (status != null) {
      sql.append(" AND status = ?");
      params.add(StoredNames.of(status));
    }
    sql.append(" ORDER BY remind_at, id LIMIT ?");
    params.add(limit);
    return jdbc.read(c -> select(c, sql.toString(), params));
  }

  @Override
  public List<Reminder> scheduledAfter(
      Instant afterAt, ReminderId afterId, Instant until, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
    // The status is a literal so that every plan can use the partial index on scheduled rows.
    StringBuilder sql = new StringBuilder(SELECT).append(" WHERE status = 'scheduled'");
    List<Object> params = new ArrayList<>();
    if (afterAt != null) {
      sql.append(" AND (remind_at, id) > (?, ?)");
      params.add(afterAt);
      params.add(afterId.value());
    }
    if (until != null) {
      sql.append(" AND remind_at <= ?");
      params.add(until);
    }
    sql.append(" ORDER BY remind_at, id LIMIT ?");
    params.add(limit);
    return jdbc.read(c -> select(c, sql.toString(), params));
  }

  private void execute(String sql, List<?> params) {
    jdbc.write(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            Jdbc.bind(ps, params);
            return ps.executeUpdate();
          }
        });
  }

  private static List<Reminder> select(Connection c, String sql, List<?> params)
      throws SQLException {
    List<Reminder> reminders = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Jdbc.bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          reminders.add(ReminderRow.read(rs));
        }
      }
    }
    return reminders;
  }
}
