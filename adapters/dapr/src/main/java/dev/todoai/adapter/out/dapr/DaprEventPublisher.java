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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes outbox events to Dapr pub/sub as CloudEvents whose {@code id} is the event id, so that
 * a retried publication (same id) is recognisable downstream; the user id is the partition key, so
 * one user's events stay in order. Returns only once the sidecar has accepted the event (the broker
 * acknowledged it); throws otherwise, and the outbox relay publishes the event again.
 *
 * <p>Probes: a tiny message to one of {@code todo.dapr.probe-topics} topics ({@code
 * todo-ai-probe-0}, {@code -1}, ...), taken in turn. The sidecar's Kafka producer shuts a topic
 * partition for a fixed 10 s after failed attempts and re-shuts it on the first failure after that;
 * retrying real events through an outage would therefore keep their partitions shut for up to 10 s
 * after the broker's return. Probes rotate over enough topics that each is tried again only after
 * its 10 s have passed (topics × the relay's probe interval &gt; 10 s), so a probe after the
 * broker's return goes through at once. The topics are created by the first probes ({@link
 * #prepareProbes()}, needs topic auto-creation or topics made beforehand); no app subscribes to
 * them. See docs/adr/0015-recovery-after-a-broker-outage.md.
 */
@Singleton
@Requires(property = "todo.transport", value = "dapr")
final class DaprEventPublisher implements PublishEventPort {
  static final String CLOUDEVENTS_JSON = "application/cloudevents+json";
  static final String PROBE_TOPIC_PREFIX = "todo-ai-probe-";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(DaprEventPublisher.class);
  private static final byte[] PROBE = "{\"probe\":true}".getBytes(StandardCharsets.UTF_8);

  private final DaprClient dapr;
  private final String pubsub;
  private final String source;
  private final Duration timeout;
  private final Duration probeTimeout;
  private final List<String> probeTopics;
  private final AtomicInteger nextProbe = new AtomicInteger();

  DaprEventPublisher(
      DaprClient dapr,
      @Value("${todo.dapr.pubsub:pubsub}") String pubsub,
      @Value("${todo.dapr.event-source:todo-ai}") String source,
      @Value("${todo.dapr.publish-timeout:5s}") Duration timeout,
      @Value("${todo.dapr.probe-timeout:2s}") Duration probeTimeout,
      @Value("${todo.dapr.probe-topics:8}") int probeTopics) {
    if (probeTopics < 0) {
      throw new IllegalArgumentException("todo.dapr.probe-topics must not be negative");
    }
    this.dapr = dapr;
    this.pubsub = pubsub;
    this.source = source;
    this.timeout = timeout;
    this.probeTimeout = probeTimeout;
    this.probeTopics =
        IntStream.range(0, probeTopics).mapToObj(i -> PROBE_TOPIC_PREFIX + i).toList();
  }

  @Override
  public void publish(OutboundEvent event) {
    PublishEventRequest request =
        new PublishEventRequest(pubsub, event.topic(), envelope(event))
            .setContentType(CLOUDEVENTS_JSON)
            .setMetadata(Map.of("partitionKey", event.partitionKey(), "rawPayload", "false"));
    dapr.publishEvent(request).block(timeout);
  }

  @Override
  public boolean prepareProbes() {
    if (probeTopics.isEmpty()) {
      return false;
    }
    for (String topic : probeTopics) {
      if (!probe(topic)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean probe() {
    if (probeTopics.isEmpty()) {
      return true;
    }
    return probe(probeTopics.get(Math.floorMod(nextProbe.getAndIncrement(), probeTopics.size())));
  }

  private boolean probe(String topic) {
    try {
      dapr.publishEvent(
              new PublishEventRequest(pubsub, topic, PROBE)
                  .setContentType("application/json")
                  .setMetadata(Map.of("rawPayload", "true")))
          .block(probeTimeout);
      return true;
    } catch (RuntimeException e) {
      LOG.debug("Probe to {} failed: {}", topic, e.toString());
      return false;
    }
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
