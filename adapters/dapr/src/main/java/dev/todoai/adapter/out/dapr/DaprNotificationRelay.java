package dev.todoai.adapter.out.dapr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.todoai.application.event.OutboundEvent;
import dev.todoai.application.event.TaskUpdateMessage;
import dev.todoai.application.event.Topics;
import dev.todoai.application.port.out.LiveUpdatesPort;
import dev.todoai.domain.notification.Notification;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * Live pushes from a process without live connections (the notification role): a new notification
 * travels to every backend replica on {@code task-updates} as a CloudEvent of type {@value #TYPE},
 * where the live-updates subscription hands it to that replica's streams. Task updates need no
 * relay here (the backend publishes them itself).
 */
@Singleton
@Replaces(LiveUpdatesPort.class)
@Requires(property = "todo.transport", value = "dapr")
@Requires(property = "todo.rest.enabled", value = "false")
final class DaprNotificationRelay implements LiveUpdatesPort {
  /** The CloudEvent type of a relayed notification (read by the live-updates subscription). */
  static final String TYPE = "todo.live-notification.v1";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DaprEventPublisher publisher;

  DaprNotificationRelay(DaprEventPublisher publisher) {
    this.publisher = publisher;
  }

  @Override
  public void push(TaskUpdateMessage update) {
    // no live connections in this process
  }

  @Override
  public void pushNotification(Notification n) {
    ObjectNode json = JSON.createObjectNode();
    json.put("id", n.id());
    json.put("user_id", n.userId().value());
    json.put("kind", n.kind().name());
    json.put("title", n.title());
    json.put("body", n.body());
    json.put("reminder_id", n.reminderId());
    json.put("task_id", n.taskId());
    json.put("created_at", n.createdAt().toString());
    json.put("read_at", n.readAt() == null ? null : n.readAt().toString());
    UUID id =
        UUID.nameUUIDFromBytes(
            ("notification-" + n.id()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    publisher.publish(
        new OutboundEvent(id, Topics.TASK_UPDATES, TYPE, n.userId().value(), json.toString()));
  }
}
