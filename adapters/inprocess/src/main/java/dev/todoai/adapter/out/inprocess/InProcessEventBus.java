package dev.todoai.adapter.out.inprocess;

import dev.todoai.application.event.DeliveryOutcome;
import dev.todoai.application.event.InboundEvent;
import dev.todoai.application.event.OutboundEvent;
import dev.todoai.application.port.in.HandleEventUseCase;
import dev.todoai.application.port.out.PublishEventPort;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded transport: delivers each published event to every in-process consumer of its topic,
 * on one thread per consumer (so each consumer sees its events in order, and consumers do not wait
 * for each other). Semantics match Dapr pub/sub: RETRY or an exception is redelivered with backoff,
 * DROP is logged and never redelivered, and {@link #publish} only returns once every consumer has
 * settled the event — otherwise it throws and the outbox relay publishes the same event (same id)
 * again later, so nothing is lost when the process stops mid-way.
 */
@Singleton
@Requires(property = "todo.transport", value = "inprocess", defaultValue = "inprocess")
final class InProcessEventBus implements PublishEventPort {
  private static final Logger LOG = LoggerFactory.getLogger(InProcessEventBus.class);

  private final Map<String, List<Subscriber>> byTopic = new LinkedHashMap<>();
  private final List<Subscriber> subscribers = new ArrayList<>();
  private final int attempts;
  private final Duration firstBackoff;
  private final Duration deliveryTimeout;

  private record Subscriber(HandleEventUseCase consumer, ExecutorService thread) {}

  InProcessEventBus(
      List<HandleEventUseCase> consumers,
      @Value("${todo.inprocess.delivery-attempts:5}") int attempts,
      @Value("${todo.inprocess.first-backoff:50ms}") Duration firstBackoff,
      @Value("${todo.inprocess.delivery-timeout:30s}") Duration deliveryTimeout) {
    this.attempts = attempts;
    this.firstBackoff = firstBackoff;
    this.deliveryTimeout = deliveryTimeout;
    for (HandleEventUseCase consumer : consumers) {
      Subscriber s =
          new Subscriber(
              consumer,
              Executors.newSingleThreadExecutor(
                  r -> {
                    Thread t = new Thread(r, "inprocess-" + consumer.consumer());
                    t.setDaemon(true);
                    return t;
                  }));
      subscribers.add(s);
      byTopic.computeIfAbsent(consumer.topic(), k -> new ArrayList<>()).add(s);
      LOG.info("In-process subscription: {} <- {}", consumer.consumer(), consumer.topic());
    }
  }

  @Override
  public void publish(OutboundEvent event) {
    List<Subscriber> targets = byTopic.getOrDefault(event.topic(), List.of());
    List<Future<Boolean>> pending = new ArrayList<>(targets.size());
    for (Subscriber s : targets) {
      pending.add(s.thread().submit(() -> deliver(s.consumer(), event)));
    }
    List<String> unsettled = new ArrayList<>();
    for (int i = 0; i < pending.size(); i++) {
      String name = targets.get(i).consumer().consumer();
      try {
        if (!pending.get(i).get(deliveryTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
          unsettled.add(name);
        }
      } catch (ExecutionException | TimeoutException e) {
        unsettled.add(name);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while delivering " + event.eventId(), e);
      }
    }
    if (!unsettled.isEmpty()) {
      throw new IllegalStateException(
          "event " + event.eventId() + " not yet settled by " + String.join(", ", unsettled));
    }
  }

  /** True when the consumer settled the event (SUCCESS or DROP); false after the last retry. */
  private boolean deliver(HandleEventUseCase consumer, OutboundEvent event) {
    InboundEvent inbound = new InboundEvent(event.topic(), event.payload());
    long backoff = firstBackoff.toMillis();
    for (int attempt = 1; attempt <= attempts; attempt++) {
      DeliveryOutcome outcome;
      try {
        outcome = consumer.handle(inbound);
      } catch (RuntimeException e) {
        LOG.warn(
            "{} failed on event {} (attempt {})", consumer.consumer(), event.eventId(), attempt, e);
        outcome = DeliveryOutcome.RETRY;
      }
      if (outcome == DeliveryOutcome.SUCCESS) {
        return true;
      }
      if (outcome == DeliveryOutcome.DROP) {
        LOG.warn("{} dropped event {} ({})", consumer.consumer(), event.eventId(), event.type());
        return true;
      }
      if (attempt < attempts) {
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
        backoff = Math.min(backoff * 2, 5_000);
      }
    }
    return false;
  }

  @PreDestroy
  void stop() {
    for (Subscriber s : subscribers) {
      s.thread().shutdown();
    }
    for (Subscriber s : subscribers) {
      try {
        if (!s.thread().awaitTermination(10, TimeUnit.SECONDS)) {
          s.thread().shutdownNow();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
