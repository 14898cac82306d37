package dev.todoai.adapter.out.inprocess;

import dev.todoai.application.port.in.FireReminderUseCase;
import dev.todoai.application.port.out.ClockPort;
import dev.todoai.application.port.out.ScheduleReminderPort;
import dev.todoai.domain.reminder.ReminderId;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default's reminder timers: one timer per scheduled reminder (no scanning of the
 * table), armed from the database at start-up by the arming use case. A timer never fires early: if
 * it wakes before the reminder's instant (clock adjustments), it sleeps again. Firing runs on
 * worker threads so that one slow database call does not delay other timers; a failed firing is
 * retried with backoff, so a reminder is never lost to a transient error.
 */
@Singleton
@Requires(property = "todo.transport", value = "inprocess", defaultValue = "inprocess")
final class InProcessReminderScheduler implements ScheduleReminderPort {
  private static final Logger LOG = LoggerFactory.getLogger(InProcessReminderScheduler.class);
  private static final Duration MAX_RETRY_DELAY = Duration.ofMinutes(1);

  private final ClockPort clock;
  private final BeanProvider<FireReminderUseCase> fire;
  private final ScheduledThreadPoolExecutor timers;
  private final ExecutorService workers;
  private final Map<Long, ScheduledFuture<?>> armed = new ConcurrentHashMap<>();
  private final ReminderMetrics metrics;

  InProcessReminderScheduler(
      ClockPort clock, BeanProvider<FireReminderUseCase> fire, ReminderMetrics metrics) {
    this.clock = clock;
    this.fire = fire;
    this.metrics = metrics;
    metrics.armedGauge(armed::size);
    this.timers =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "reminder-timers");
              t.setDaemon(true);
              return t;
            });
    this.timers.setRemoveOnCancelPolicy(true);
    this.workers =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "reminder-fire");
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public void schedule(ReminderId id, Instant at) {
    arm(id.value(), at, Duration.ofSeconds(1));
    metrics.scheduled();
  }

  @Override
  public void cancel(ReminderId id) {
    ScheduledFuture<?> previous = armed.remove(id.value());
    if (previous != null) {
      previous.cancel(false);
    }
    metrics.cancelled();
  }

  /** How many timers are armed (for health and tests). */
  int armedCount() {
    return armed.size();
  }

  private void arm(long id, Instant at, Duration nextRetry) {
    long delayMillis = Math.max(0, Duration.between(clock.now(), at).toMillis());
    ScheduledFuture<?> future =
        timers.schedule(() -> due(id, at, nextRetry), delayMillis, TimeUnit.MILLISECONDS);
    ScheduledFuture<?> previous = armed.put(id, future);
    if (previous != null && previous != future) {
      previous.cancel(false);
    }
  }

  private void due(long id, Instant at, Duration nextRetry) {
    if (clock.now().isBefore(at)) {
      arm(id, at, nextRetry);
      return;
    }
    workers.execute(
        () -> {
          try {
            Duration lateness = Duration.between(at, clock.now());
            FireReminderUseCase.FireOutcome outcome = fire.get().fire(new ReminderId(id));
            armed.remove(id);
            metrics.fired(outcome.name(), lateness);
            LOG.debug("reminder {} fired: {}", id, outcome);
          } catch (RuntimeException e) {
            Duration retry = nextRetry.compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : nextRetry;
            LOG.warn("reminder {} could not fire; retrying in {}", id, retry, e);
            arm(id, clock.now().plus(retry), retry.multipliedBy(2));
          }
        });
  }

  @PreDestroy
  void stop() {
    timers.shutdownNow();
    workers.shutdown();
    try {
      if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
