package dev.todoai.adapter.out.dapr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.todoai.application.event.OutboundEvent;
import dev.todoai.application.port.out.PublishEventPort;
import io.dapr.client.DaprClient;
import io.dapr.client.domain.PublishEventRequest;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

/**
 * Publishes outbox events to Dapr pub/sub as CloudEvents whose {@code id} is the event id, so that
 * a retried publication (same id) is recognisable downstream; the user id is the partition key, so
 * one user's events stay in order. Returns only once the sidecar has accepted the event (the broker
 * acknowledged it); throws otherwise, and the outbox relay publishes the event again.
 */
@Singleton
@Requires(property = "todo.transport", value = "dapr")
final class DaprEventPublisher implements PublishEventPort {
  static final String CLOUDEVENTS_JSON = "application/cloudevents+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DaprClient dapr;
  private final String pubsub;
  private final String source;
  private final Duration timeout;

  DaprEventPublisher(
      DaprClient dapr,
      @Value("${todo.dapr.pubsub:pubsub}") String pubsub,
      @Value("${todo.dapr.event-source:todo-ai}") String source,
      @Value("${todo.dapr.publish-timeout:10s}") Duration timeout) {
    this.dapr = dapr;
    this.pubsub = pubsub;
    this.source = source;
    this.timeout = timeout;
  }

  @Override
  public void publish(OutboundEvent event) {
    PublishEventRequest request =
        new PublishEventRequest(pubsub, event.topic(), envelope(event))
            .setContentType(CLOUDEVENTS_JSON)
            .setMetadata(Map.of("partitionKey", event.partitionKey(), "rawPayload", "false"));
    dapr.publishEvent(request).block(timeout);
  }

  /** The CloudEvent 1.0 envelope: our JSON document as {@code data}, our event id as {@code id}. */
  byte[] envelope(OutboundEvent event) {
    try {
      ObjectNode ce = JSON.createObjectNode();
      ce.put("specversion", "1.0");
      ce.put("id", event.eventId().toString());
      ce.put("source", source);
      ce.put("type", event.type());
      ce.put("datacontenttype", "application/json");
      ce.put("partitionkey", event.partitionKey());
      JsonNode data = JSON.readTree(event.payload());
      ce.set("data", data);
      return JSON.writeValueAsBytes(ce);
    } catch (IOException e) {
      throw new UncheckedIOException("event " + event.eventId() + " has no JSON payload", e);
    }
  }
}
