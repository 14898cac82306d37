package dev.todoai.application.event;

import java.util.Objects;
import java.util.UUID;

/**
 * An encoded event ready for the outbox and the transport. {@code partitionKey} (the user id) keeps
 * one user's events in order on a partitioned broker; {@code payload} is the JSON document.
 */
public record OutboundEvent(
    UUID eventId, String topic, String type, String partitionKey, String payload) {
  public OutboundEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(partitionKey, "partitionKey");
    Objects.requireNonNull(payload, "payload");
  }
}
