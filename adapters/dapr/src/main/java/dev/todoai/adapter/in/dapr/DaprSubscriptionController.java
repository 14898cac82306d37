package dev.todoai.adapter.in.dapr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.todoai.application.event.DeliveryOutcome;
import dev.todoai.application.event.InboundEvent;
import dev.todoai.application.port.in.HandleEventUseCase;
import dev.todoai.application.port.out.LiveUpdatesPort;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's Dapr subscriptions: one per {@link HandleEventUseCase} bean, listed on {@code GET
 * /dapr/subscribe} and delivered to {@code POST /dapr/events/{consumer}}. A delivery is a
 * CloudEvent whose {@code data} is our JSON document; the consumer's outcome becomes Dapr's {@code
 * SUCCESS} / {@code RETRY} / {@code DROP}. A malformed envelope is dropped (to the dead-letter
 * topic {@code <topic>-dlq}). Broadcast consumers (every replica sees every event, e.g. live
 * updates) subscribe through a component whose consumer group is unique per sidecar, and carry a
 * per-process {@code consumerID}.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = "todo.transport", value = "dapr")
final class DaprSubscriptionController {
  static final String ROUTE_PREFIX = "/dapr/events/";
  static final String DLQ_SUFFIX = "-dlq";
  static final String LIVE_NOTIFICATION_TYPE = "todo.live-notification.v1";
  private static final Logger LOG = LoggerFactory.getLogger(DaprSubscriptionController.class);

  private final Map<String, HandleEventUseCase> consumers = new LinkedHashMap<>();
  private final String pubsub;
  private final String broadcastPubsub;
  private final Set<String> broadcastConsumers;
  private final String replicaId;
  private final BeanProvider<LiveUpdatesPort> liveUpdates;

  DaprSubscriptionController(
      List<HandleEventUseCase> consumers,
      @Value("${todo.dapr.pubsub:pubsub}") String pubsub,
      @Value("${todo.dapr.broadcast-pubsub:pubsub-broadcast}") String broadcastPubsub,
      @Value("${todo.dapr.broadcast-consumers:live-updates}") List<String> broadcastConsumers,
      BeanProvider<LiveUpdatesPort> liveUpdates) {
    this.liveUpdates = liveUpdates;
    for (HandleEventUseCase consumer : consumers) {
      this.consumers.put(consumer.consumer(), consumer);
    }
    this.pubsub = pubsub;
    this.broadcastPubsub = broadcastPubsub;
    this.broadcastConsumers = Set.copyOf(broadcastConsumers);
    this.replicaId = hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
    LOG.info("Dapr subscriptions: {}", this.consumers.keySet());
  }

  @Get("/dapr/subscribe")
  @Produces(MediaType.APPLICATION_JSON)
  String subscriptions() {
    ArrayNode list = Json.MAPPER.createArrayNode();
    for (HandleEventUseCase consumer : consumers.values()) {
      boolean broadcast = broadcastConsumers.contains(consumer.consumer());
      ObjectNode s = list.addObject();
      s.put("pubsubname", broadcast ? broadcastPubsub : pubsub);
      s.put("topic", consumer.topic());
      s.put("route", ROUTE_PREFIX + consumer.consumer());
      s.put("deadLetterTopic", consumer.topic() + DLQ_SUFFIX);
      ObjectNode metadata = s.putObject("metadata");
      if (broadcast) {
        metadata.put("consumerID", consumer.consumer() + "-" + replicaId);
      }
    }
    return list.toString();
  }

  @Post("/dapr/events/{consumer}")
  @Consumes({"application/cloudevents+json", MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
  @Produces(MediaType.APPLICATION_JSON)
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<String> deliver(@PathVariable String consumer, @Body byte[] body) {
    HandleEventUseCase target = consumers.get(consumer);
    if (target == null) {
      LOG.warn("delivery for unknown consumer '{}' dropped", consumer);
      return status(DeliveryOutcome.DROP);
    }
    String payload;
    String eventId;
    String type;
    try {
      JsonNode envelope = Json.MAPPER.readTree(body == null ? new byte[0] : body);
      eventId = envelope == null ? null : envelope.path("id").asText(null);
      type = envelope == null ? null : envelope.path("type").asText("");
      payload = data(envelope);
    } catch (IOException | IllegalArgumentException e) {
      LOG.warn("{}: dropping a malformed CloudEvent: {}", consumer, e.getMessage());
      return status(DeliveryOutcome.DROP);
    }
    if (payload == null) {
      LOG.warn("{}: dropping CloudEvent {} without data", consumer, eventId);
      return status(DeliveryOutcome.DROP);
    }
    if (LIVE_NOTIFICATION_TYPE.equals(type) && broadcastConsumers.contains(consumer)) {
      return status(LiveNotifications.push(payload, liveUpdates));
    }
    DeliveryOutcome outcome;
    try {
      outcome = target.handle(new InboundEvent(target.topic(), payload));
    } catch (RuntimeException e) {
      LOG.warn("{} failed on event {}; asking for redelivery", consumer, eventId, e);
      outcome = DeliveryOutcome.RETRY;
    }
    if (outcome == DeliveryOutcome.DROP) {
      LOG.warn("{} dropped event {} (to {}{})", consumer, eventId, target.topic(), DLQ_SUFFIX);
    }
    return status(outcome);
  }

  /** The CloudEvent's data as JSON text: an embedded object, a JSON string, or data_base64. */
  @Nullable
  static String data(@Nullable JsonNode envelope) {
    if (envelope == null || !envelope.isObject()) {
      throw new IllegalArgumentException("not a CloudEvent object");
    }
    JsonNode data = envelope.get("data");
    if (data != null && !data.isNull()) {
      return data.isTextual() ? data.asText() : data.toString();
    }
    JsonNode base64 = envelope.get("data_base64");
    if (base64 != null && base64.isTextual()) {
      return new String(Base64.getDecoder().decode(base64.asText()), StandardCharsets.UTF_8);
    }
    return null;
  }

  private static HttpResponse<String> status(DeliveryOutcome outcome) {
    return HttpResponse.ok("{\"status\":\"" + outcome.name() + "\"}")
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  private static String hostName() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "replica";
    }
  }
}
