package dev.todoai.adapter.in.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.todoai.domain.reminder.Reminder;
import java.util.List;

/**
 * The JSON representation of a reminder: {@code before_due} as an ISO-8601 duration and {@code
 * time_of_day} as {@code HH:MM} (both null for a reminder at a fixed instant).
 */
final class ReminderJson {
  private ReminderJson() {}

  static ObjectNode of(Reminder reminder) {
    ObjectNode json = Json.object();
    json.put("id", reminder.id().value());
    json.put("task_id", reminder.taskId().value());
    json.put("remind_at", TaskJson.instant(reminder.remindAt()));
    json.put("before_due", ReminderRequestParser.duration(reminder.beforeDue()));
    json.put("time_of_day", ReminderRequestParser.timeOfDay(reminder.timeOfDay()));
    json.put("status", reminder.status().apiName());
    json.put("sent_at", TaskJson.instant(reminder.sentAt()));
    json.put("created_at", TaskJson.instant(reminder.createdAt()));
    return json;
  }

  static ArrayNode of(List<Reminder> reminders) {
    ArrayNode array = Json.array();
    reminders.forEach(reminder -> array.add(of(reminder)));
    return array;
  }
}
