package dev.todoai.adapter.out.persistence;

import dev.todoai.adapter.out.persistence.Jdbc.Null;
import dev.todoai.adapter.out.persistence.Jdbc.TextArray;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Description;
import dev.todoai.domain.task.Due;
import dev.todoai.domain.task.Priority;
import dev.todoai.domain.task.RecurrenceAnchor;
import dev.todoai.domain.task.RecurrenceRule;
import dev.todoai.domain.task.SeriesId;
import dev.todoai.domain.task.Tags;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskDetails;
import dev.todoai.domain.task.TaskId;
import dev.todoai.domain.task.TaskTimeZone;
import dev.todoai.domain.task.Title;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The {@code tasks} row of a task: column list, write parameters and the mapping back. */
final class TaskRow {
  static final String COLUMNS =
      "id, user_id, title, description, completed, completed_at, priority, tags, due_at, due_date,"
          + " time_zone, recurrence_rule, recurrence_anchor, series_id, created_at, updated_at,"
          + " version, series_start_at, series_start_date, occurrence_index, predecessor_id";

  /** Columns written by {@link #values}, in that order: everything but id and user_id. */
  static final List<String> WRITTEN =
      List.of(
          "title",
          "description",
          "completed",
          "completed_at",
          "priority",
          "tags",
          "due_at",
          "due_date",
          "time_zone",
          "recurrence_rule",
          "recurrence_anchor",
          "series_id",
          "created_at",
          "updated_at",
          "version",
          "due_sort",
          "overdue_from",
          "due_local_date",
          "series_start_at",
          "series_start_date",
          "occurrence_index",
          "predecessor_id");

  private TaskRow() {}

  /** Parameter values for {@link #WRITTEN}, including the columns derived from the due. */
  static List<Object> values(Task task) {
    TaskDetails d = task.details();
    ZoneId zone = d.timeZone().zone();
    Due due = d.due();
    Task.Occurrence place = task.occurrence();
    return Arrays.asList(
        d.title().value(),
        d.description().value(),
        task.completed(),
        Jdbc.orNull(task.completedAt(), Null.TIMESTAMP),
        (short) d.priority().rank(),
        new TextArray(d.tags().texts()),
        Jdbc.orNull(due.dueAt(), Null.TIMESTAMP),
        Jdbc.orNull(due.dueDate(), Null.DATE),
        d.timeZone().id(),
        Jdbc.orNull(d.recurrenceRule() == null ? null : d.recurrenceRule().text(), Null.TEXT),
        StoredNames.of(d.recurrenceAnchor()),
        Jdbc.orNull(task.seriesId() == null ? null : task.seriesId().value(), Null.UUID),
        task.createdAt(),
        task.updatedAt(),
        task.version(),
        Jdbc.orNull(due.sortInstant(zone), Null.TIMESTAMP),
        Jdbc.orNull(due.overdueFrom(zone), Null.TIMESTAMP),
        Jdbc.orNull(due.localDate(zone), Null.DATE),
        Jdbc.orNull(place == null ? null : place.seriesStart().dueAt(), Null.TIMESTAMP),
        Jdbc.orNull(place == null ? null : place.seriesStart().dueDate(), Null.DATE),
        Jdbc.orNull(place == null ? null : place.index(), Null.BIGINT),
        Jdbc.orNull(
            place == null || place.predecessorId() == null ? null : place.predecessorId().value(),
            Null.BIGINT));
  }

  static Task read(ResultSet rs) throws SQLException {
    String rule = rs.getString("recurrence_rule");
    TaskDetails details =
        new TaskDetails(
            new Title(rs.getString("title")),
            new Description(rs.getString("description")),
            Priority.fromRank(rs.getInt("priority")),
            Tags.of(texts(rs.getArray("tags"))),
            Due.of(Jdbc.instant(rs, "due_at"), rs.getObject("due_date", LocalDate.class)),
            new TaskTimeZone(ZoneId.of(rs.getString("time_zone"))),
            rule == null ? null : new RecurrenceRule(rule),
            StoredNames.parse(RecurrenceAnchor.class, rs.getString("recurrence_anchor")));
    UUID series = rs.getObject("series_id", UUID.class);
    return Task.rehydrate(
        new TaskId(rs.getLong("id")),
        new UserId(rs.getString("user_id")),
        details,
        rs.getBoolean("completed"),
        Jdbc.instant(rs, "completed_at"),
        series == null ? null : new SeriesId(series),
        Jdbc.instant(rs, "created_at"),
        Jdbc.instant(rs, "updated_at"),
        rs.getLong("version"),
        occurrence(rs, details));
  }

  private static Task.Occurrence occurrence(ResultSet rs, TaskDetails details) throws SQLException {
    if (!details.isRecurring()) {
      return null;
    }
    Due start =
        Due.of(
            Jdbc.instant(rs, "series_start_at"),
            rs.getObject("series_start_date", LocalDate.class));
    if (!start.isPresent()) {
      return null;
    }
    int index = rs.getInt("occurrence_index");
    long predecessor = rs.getLong("predecessor_id");
    return new Task.Occurrence(
        start, index < 1 ? 1 : index, rs.wasNull() ? null : new TaskId(predecessor));
  }

  private static List<String> texts(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    try {
      return Arrays.asList((String[]) array.getArray());
    } finally {
      array.free();
    }
  }
}
