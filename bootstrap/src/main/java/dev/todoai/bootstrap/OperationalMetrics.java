package dev.todoai.bootstrap;

import dev.todoai.application.event.DeliveryOutcome;
import dev.todoai.application.event.InboundEvent;
import dev.todoai.application.port.in.HandleEventUseCase;
import dev.todoai.application.port.in.RelayOutboxUseCase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * Operator metrics that no adapter has to know about: every event consumer is wrapped as it is
 * created, and the outbox backlog is read at scrape time. (The reminder timers count themselves.)
 */
final class OperationalMetrics {
  private OperationalMetrics() {}

  /** {@code todo.events.consumed{consumer,topic,outcome}}: SUCCESS, RETRY (incl. errors), DROP. */
  @Singleton
  static final class ConsumerMetrics implements BeanCreatedEventListener<HandleEventUseCase> {
    private final BeanProvider<MeterRegistry> registry;

    ConsumerMetrics(BeanProvider<MeterRegistry> registry) {
      this.registry = registry;
    }

    @Override
    public HandleEventUseCase onCreated(BeanCreatedEvent<HandleEventUseCase> event) {
      HandleEventUseCase consumer = event.getBean();
      return new HandleEventUseCase() {
        @Override
        public String consumer() {
          return consumer.consumer();
        }

        @Override
        public String topic() {
          return consumer.topic();
        }

        @Override
        public DeliveryOutcome handle(InboundEvent inbound) {
          DeliveryOutcome outcome = DeliveryOutcome.RETRY;
          try {
            outcome = consumer.handle(inbound);
            return outcome;
          } finally {
            count(outcome);
          }
        }

        private void count(DeliveryOutcome outcome) {
          Counter.builder("todo.events.consumed")
              .description("Events handled per consumer and outcome")
              .tag("consumer", consumer.consumer())
              .tag("topic", consumer.topic())
              .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
              .register(registry.get())
              .increment();
        }
      };
    }
  }

  /**
   * {@code todo.outbox.unpublished} and {@code todo.outbox.oldest.age.seconds}, read at scrape
   * time. The relay is looked up lazily: binders are built with the meter registry, and the
   * registry is needed while the data source (which the relay needs) is being built.
   */
  @Singleton
  @Requires(property = "todo.relay.enabled", value = "true")
  static final class OutboxMetrics implements MeterBinder {
    private final BeanProvider<RelayOutboxUseCase> relay;

    OutboxMetrics(BeanProvider<RelayOutboxUseCase> relay) {
      this.relay = relay;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
      Gauge.builder("todo.outbox.unpublished", relay, r -> r.get().backlog().unpublished())
          .description("Events committed but not yet published")
          .register(registry);
      Gauge.builder(
              "todo.outbox.oldest.age.seconds",
              relay,
              r -> r.get().backlog().oldestAge().toSeconds())
          .description("Age of the oldest unpublished event")
          .register(registry);
    }
  }
}
