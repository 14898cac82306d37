package dev.todoai.adapter.in.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.todoai.adapter.contract.ApiTime;
import dev.todoai.domain.notification.Notification;
import java.util.List;

/**
 * The JSON representation of a notification, in responses and in live {@code notification} events.
 */
final class NotificationJson {
  private NotificationJson() {}

  static ObjectNode of(Notification notification) {
    ObjectNode json = Json.object();
    json.put("id", notification.id());
    json.put("kind", notification.kind().apiName());
    json.put("title", notification.title());
    json.put("body", notification.body());
    json.put("reminder_id", notification.reminderId());
    json.put("task_id", notification.taskId());
    json.put("created_at", ApiTime.format(notification.createdAt()));
    json.put("read_at", ApiTime.format(notification.readAt()));
    return json;
  }

  static ArrayNode of(List<Notification> notifications) {
    ArrayNode array = Json.array();
    notifications.forEach(notification -> array.add(of(notification)));
    return array;
  }
}
