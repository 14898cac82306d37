package dev.todoai.adapter.in.dapr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todoai.application.event.DeliveryOutcome;
import dev.todoai.application.port.out.LiveUpdatesPort;
import dev.todoai.domain.notification.Notification;
import dev.todoai.domain.shared.UserId;
import io.micronaut.context.BeanProvider;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A notification created in another process (relayed on {@code task-updates}), handed to this
 * replica's live streams. The notification is already stored: this is only the live push.
 */
final class LiveNotifications {
  private static final Logger LOG = LoggerFactory.getLogger(LiveNotifications.class);

  private LiveNotifications() {}

  static DeliveryOutcome push(String payload, BeanProvider<LiveUpdatesPort> liveUpdates) {
    Notification notification;
    try {
      JsonNode n = Json.MAPPER.readTree(payload);
      String readAt = n.path("read_at").asText(null);
      notification =
          new Notification(
              n.path("id").asLong(),
              new UserId(n.path("user_id").asText(null)),
              n.path("reminder_id").asLong(),
              n.path("task_id").asLong(),
              Notification.Kind.valueOf(n.path("kind").asText()),
              n.path("title").asText(),
              n.path("body").asText(),
              Instant.parse(n.path("created_at").asText()),
              readAt == null ? null : Instant.parse(readAt));
    } catch (Exception e) {
      LOG.warn("dropping a malformed live notification: {}", e.getMessage());
      return DeliveryOutcome.DROP;
    }
    if (liveUpdates.isPresent()) {
      liveUpdates.get().pushNotification(notification);
    }
    return DeliveryOutcome.SUCCESS;
  }
}
