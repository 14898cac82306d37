package dev.todoai.adapter.in.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskDetails;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The JSON representation of a task (snake_case; instants in UTC with {@code Z}). */
final class TaskJson {
  private TaskJson() {}

  /** The representation with its human-readable {@code recurrence_text} (null if not recurring). */
  static ObjectNode of(Task task, String recurrenceText) {
    ObjectNode json = of(task);
    json.put("recurrence_text", recurrenceText);
    return json;
  }

  static ObjectNode of(Task task) {
    TaskDetails details = task.details();
    ObjectNode json = Json.object();
    json.put("id", task.id().value());
    json.put("user_id", task.userId().value());
    json.put("title", details.title().value());
    json.put("description", details.description().value());
    json.put("completed", task.completed());
    json.put("completed_at", instant(task.completedAt()));
    json.put("priority", details.priority().apiName());
    ArrayNode tags = json.putArray("tags");
    details.tags().texts().forEach(tags::add);
    json.put("due_at", instant(details.due().dueAt()));
    json.put("due_date", date(details.due().dueDate()));
    json.put("time_zone", details.timeZone().id());
    json.put(
        "recurrence_rule",
        details.recurrenceRule() == null ? null : details.recurrenceRule().text());
    json.put("recurrence_anchor", details.recurrenceAnchor().apiName());
    json.put("is_recurring", task.isRecurring());
    json.put("series_id", task.seriesId() == null ? null : task.seriesId().toString());
    json.put("created_at", instant(task.createdAt()));
    json.put("updated_at", instant(task.updatedAt()));
    json.put("version", task.version());
    return json;
  }

  static ArrayNode of(List<Task> tasks, java.util.function.Function<Task, String> recurrenceText) {
    ArrayNode array = Json.array();
    tasks.forEach(task -> array.add(of(task, recurrenceText.apply(task))));
    return array;
  }

  /** Just the editable fields, as a PUT body would carry them: the target of a merge patch. */
  static ObjectNode editable(Task task) {
    ObjectNode full = of(task);
    ObjectNode editable = Json.object();
    for (String field : TaskRequestParser.EDITABLE) {
      editable.set(field, full.get(field));
    }
    return editable;
  }

  static String etag(Task task) {
    return "\"" + task.version() + "\"";
  }

  static String instant(Instant instant) {
    return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  private static String date(LocalDate date) {
    return date == null ? null : date.toString();
  }
}
