package dev.todoai.application.event;

import java.util.Objects;

/** An event as a transport delivered it: the topic and the JSON payload (the CloudEvent data). */
public record InboundEvent(String topic, String payload) {
  public InboundEvent {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(payload, "payload");
  }
}
