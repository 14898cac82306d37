package dev.todoai.adapter.out.inprocess;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Metrics of the in-process reminder timers: {@code todo.reminders.scheduled}, {@code
 * todo.reminders.cancelled}, {@code todo.reminders.armed}, {@code todo.reminders.fired{outcome}}
 * and the firing lateness ({@code todo.reminders.lateness}). A no-op without a meter registry.
 */
@Singleton
final class ReminderMetrics {
  private final BeanProvider<MeterRegistry> registry;

  ReminderMetrics(BeanProvider<MeterRegistry> registry) {
    this.registry = registry;
  }

  /** For tests: no registry at all. */
  static ReminderMetrics none() {
    return new ReminderMetrics(null);
  }

  void armedGauge(Supplier<Integer> armed) {
    if (registry != null && registry.isPresent()) {
      Gauge.builder("todo.reminders.armed", armed, s -> s.get())
          .description("Reminder timers armed in this process")
          .register(registry.get());
    }
  }

  void scheduled() {
    if (registry != null && registry.isPresent()) {
      registry.get().counter("todo.reminders.scheduled").increment();
    }
  }

  void cancelled() {
    if (registry != null && registry.isPresent()) {
      registry.get().counter("todo.reminders.cancelled").increment();
    }
  }

  void fired(String outcome, Duration lateness) {
    if (registry != null && registry.isPresent()) {
      MeterRegistry r = registry.get();
      r.counter("todo.reminders.fired", "outcome", outcome.toLowerCase(Locale.ROOT)).increment();
      Timer.builder("todo.reminders.lateness")
          .description("How long after its time a reminder fired")
          .publishPercentiles(0.5, 0.99)
          .register(r)
          .record(lateness.isNegative() ? Duration.ZERO : lateness);
    }
  }
}
