package dev.todoai.adapter.out.inprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todoai.application.event.DeliveryOutcome;
import dev.todoai.application.event.InboundEvent;
import dev.todoai.application.event.OutboundEvent;
import dev.todoai.application.port.in.HandleEventUseCase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InProcessEventBusTest {
  private final List<InProcessEventBus> buses = new ArrayList<>();

  private static final class Consumer implements HandleEventUseCase {
    final String name;
    final String topic;
    final Function<InboundEvent, DeliveryOutcome> behaviour;
    final List<String> seen = Collections.synchronizedList(new ArrayList<>());

    Consumer(String name, String topic, Function<InboundEvent, DeliveryOutcome> behaviour) {
      this.name = name;
      this.topic = topic;
      this.behaviour = behaviour;
    }

    @Override
    public String consumer() {
      return name;
    }

    @Override
    public String topic() {
      return topic;
    }

    @Override
    public DeliveryOutcome handle(InboundEvent event) {
      seen.add(event.payload());
      return behaviour.apply(event);
    }
  }

  private InProcessEventBus bus(HandleEventUseCase... consumers) {
    InProcessEventBus bus =
        new InProcessEventBus(List.of(consumers), 3, Duration.ofMillis(1), Duration.ofSeconds(5));
    buses.add(bus);
    return bus;
  }

  private static OutboundEvent event(String topic, String payload) {
    return new OutboundEvent(UUID.randomUUID(), topic, "created", "alice", payload);
  }

  @AfterEach
  void stopBuses() {
    buses.forEach(InProcessEventBus::stop);
  }

  @Test
  void everyConsumerOfTheTopicGetsEachEventInOrder() {
    Consumer audit = new Consumer("audit", "task-events", e -> DeliveryOutcome.SUCCESS);
    Consumer recurring = new Consumer("recurring", "task-events", e -> DeliveryOutcome.SUCCESS);
    Consumer other = new Consumer("live", "task-updates", e -> DeliveryOutcome.SUCCESS);
    InProcessEventBus bus = bus(audit, recurring, other);

    for (int i = 0; i < 20; i++) {
      bus.publish(event("task-events", "e" + i));
    }

    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      expected.add("e" + i);
    }
    assertThat(audit.seen).containsExactlyElementsOf(expected);
    assertThat(recurring.seen).containsExactlyElementsOf(expected);
    assertThat(other.seen).isEmpty();
  }

  @Test
  void aRetryIsRedeliveredUntilItSucceeds() {
    AtomicInteger calls = new AtomicInteger();
    Consumer flaky =
        new Consumer(
            "audit",
            "task-events",
            e -> calls.incrementAndGet() < 3 ? DeliveryOutcome.RETRY : DeliveryOutcome.SUCCESS);

    bus(flaky).publish(event("task-events", "x"));

    assertThat(flaky.seen).containsExactly("x", "x", "x");
  }

  @Test
  void anExceptionCountsAsRetry() {
    AtomicInteger calls = new AtomicInteger();
    Consumer throwing =
        new Consumer(
            "audit",
            "task-events",
            e -> {
              if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database restarting");
              }
              return DeliveryOutcome.SUCCESS;
            });

    bus(throwing).publish(event("task-events", "x"));

    assertThat(throwing.seen).hasSize(2);
  }

  @Test
  void aDroppedEventIsSettledAndNeverRedelivered() {
    Consumer dropping = new Consumer("audit", "task-events", e -> DeliveryOutcome.DROP);

    bus(dropping).publish(event("task-events", "poison"));

    assertThat(dropping.seen).containsExactly("poison");
  }

  @Test
  void anEventAConsumerCannotSettleMakesPublishFailSoTheRelayKeepsIt() {
    Consumer fine = new Consumer("audit", "task-events", e -> DeliveryOutcome.SUCCESS);
    Consumer broken = new Consumer("recurring", "task-events", e -> DeliveryOutcome.RETRY);
    InProcessEventBus bus = bus(fine, broken);

    assertThatThrownBy(() -> bus.publish(event("task-events", "x")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("recurring")
        .hasMessageNotContaining("audit");
    assertThat(broken.seen).hasSize(3);
  }

  @Test
  void aTopicWithoutConsumersIsAcceptedAtOnce() {
    assertThatCode(() -> bus().publish(event("reminders", "x"))).doesNotThrowAnyException();
  }
}
