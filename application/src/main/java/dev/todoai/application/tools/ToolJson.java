package dev.todoai.application.tools;

import dev.todoai.domain.reminder.Reminder;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskDetails;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tasks and reminders as JSON-like maps with the REST API's field names (snake_case; instants in
 * UTC with {@code Z}; durations ISO-8601; times of day {@code HH:MM}).
 */
final class ToolJson {
  private static final long SECONDS_PER_DAY = 86_400;

  private ToolJson() {}

  static Map<String, Object> task(Task task, String recurrenceText) {
    TaskDetails details = task.details();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", task.id().value());
    json.put("user_id", task.userId().value());
    json.put("title", details.title().value());
    json.put("description", details.description().value());
    json.put("completed", task.completed());
    json.put("completed_at", instant(task.completedAt()));
    json.put("priority", details.priority().apiName());
    json.put("tags", List.copyOf(details.tags().texts()));
    json.put("due_at", instant(details.due().dueAt()));
    json.put("due_date", date(details.due().dueDate()));
    json.put("time_zone", details.timeZone().id());
    json.put(
        "recurrence_rule",
        details.recurrenceRule() == null ? null : details.recurrenceRule().text());
    json.put("recurrence_text", recurrenceText);
    json.put("recurrence_anchor", details.recurrenceAnchor().apiName());
    json.put("is_recurring", task.isRecurring());
    json.put("series_id", task.seriesId() == null ? null : task.seriesId().toString());
    json.put("created_at", instant(task.createdAt()));
    json.put("updated_at", instant(task.updatedAt()));
    json.put("version", task.version());
    return json;
  }

  /** The editable fields as an update would carry them: the target of a merge. */
  static Map<String, Object> editable(Task task) {
    Map<String, Object> full = task(task, null);
    Map<String, Object> editable = new LinkedHashMap<>();
    for (String field : TaskArgumentParser.EDITABLE) {
      editable.put(field, full.get(field));
    }
    return editable;
  }

  static Map<String, Object> reminder(Reminder reminder) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", reminder.id().value());
    json.put("task_id", reminder.taskId().value());
    json.put("remind_at", instant(reminder.remindAt()));
    json.put("before_due", duration(reminder.beforeDue()));
    json.put("time_of_day", timeOfDay(reminder.timeOfDay()));
    json.put("status", reminder.status().apiName());
    json.put("sent_at", instant(reminder.sentAt()));
    json.put("created_at", instant(reminder.createdAt()));
    return json;
  }

  static String instant(Instant instant) {
    return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  private static String date(LocalDate date) {
    return date == null ? null : date.toString();
  }

  /** Whole days as days ({@code P1D}, {@code P1DT2H}, {@code PT15M}); a day is 24 hours. */
  static String duration(Duration duration) {
    if (duration == null) {
      return null;
    }
    long days = duration.getSeconds() / SECONDS_PER_DAY;
    if (days <= 0 || duration.isNegative()) {
      return duration.toString();
    }
    Duration rest = duration.minusDays(days);
    return "P" + days + "D" + (rest.isZero() ? "" : rest.toString().substring(1));
  }

  private static String timeOfDay(LocalTime time) {
    return time == null ? null : String.format("%02d:%02d", time.getHour(), time.getMinute());
  }
}
