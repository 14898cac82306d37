package dev.todoai.adapter.out.persistence;

import dev.todoai.adapter.out.persistence.Jdbc.Null;
import dev.todoai.domain.reminder.Reminder;
import dev.todoai.domain.reminder.ReminderId;
import dev.todoai.domain.reminder.ReminderStatus;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.TaskId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/** The {@code reminders} row of a reminder: column list, write parameters and the mapping back. */
final class ReminderRow {
  static final String COLUMNS =
      "id, task_id, user_id, before_due_seconds, time_of_day, remind_at, status, sent_at,"
          + " created_at";

  private ReminderRow() {}

  /** Parameter values for {@link #COLUMNS}, in that order. */
  static List<Object> values(Reminder r) {
    return Arrays.asList(
        r.id().value(),
        r.taskId().value(),
        r.userId().value(),
        Jdbc.orNull(seconds(r.beforeDue()), Null.BIGINT),
        Jdbc.orNull(time(r.timeOfDay()), Null.TIME),
        r.remindAt(),
        StoredNames.of(r.status()),
        Jdbc.orNull(r.sentAt(), Null.TIMESTAMP),
        r.createdAt());
  }

  /** Parameter values for what an update changes: remind_at, status, sent_at, time_of_day. */
  static List<Object> mutableValues(Reminder r) {
    return Arrays.asList(
        r.remindAt(),
        StoredNames.of(r.status()),
        Jdbc.orNull(r.sentAt(), Null.TIMESTAMP),
        Jdbc.orNull(time(r.timeOfDay()), Null.TIME));
  }

  static Reminder read(ResultSet rs) throws SQLException {
    long seconds = rs.getLong("before_due_seconds");
    Duration beforeDue = rs.wasNull() ? null : Duration.ofSeconds(seconds);
    return Reminder.rehydrate(
        new ReminderId(rs.getLong("id")),
        new TaskId(rs.getLong("task_id")),
        new UserId(rs.getString("user_id")),
        beforeDue,
        rs.getObject("time_of_day", LocalTime.class),
        Jdbc.instant(rs, "remind_at"),
        StoredNames.parse(ReminderStatus.class, rs.getString("status")),
        Jdbc.instant(rs, "sent_at"),
        Jdbc.instant(rs, "created_at"));
  }

  /** Offsets are kept in whole seconds; a fraction would not survive the round trip. */
  private static Long seconds(Duration beforeDue) {
    if (beforeDue == null) {
      return null;
    }
    if (beforeDue.getNano() != 0) {
      throw new IllegalArgumentException(
          "before_due must be a whole number of seconds, got " + beforeDue);
    }
    return beforeDue.getSeconds();
  }

  /** PostgreSQL's {@code time} keeps microseconds, like its timestamps. */
  private static LocalTime time(LocalTime value) {
    return value == null ? null : value.truncatedTo(ChronoUnit.MICROS);
  }
}
