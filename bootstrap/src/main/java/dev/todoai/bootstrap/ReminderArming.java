package dev.todoai.bootstrap;

import dev.todoai.application.port.in.ArmRemindersUseCase;
import dev.todoai.application.port.in.ArmRemindersUseCase.ArmReport;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Arms the reminder timers due within the arming horizon ({@code todo.reminders.arm-horizon},
 * default 1h) when the backend starts, then moves the horizon forward every {@code
 * todo.reminders.advance-every} (default 5m): one sweep for all reminders, no loop per reminder.
 */
@Singleton
@Requires(property = "todo.reminders.arm-on-startup", value = "true")
final class ReminderArming {
  private static final Logger LOG = LoggerFactory.getLogger(ReminderArming.class);

  private final ArmRemindersUseCase arm;
  private final io.micrometer.core.instrument.MeterRegistry metrics;

  ReminderArming(
      ArmRemindersUseCase arm,
      io.micrometer.core.instrument.MeterRegistry metrics,
      @Value("${todo.reminders.arm-horizon:1h}") Duration armHorizon,
      @Value("${todo.reminders.advance-every:5m}") Duration advanceEvery) {
    if (advanceEvery.isNegative()
        || advanceEvery.isZero()
        || advanceEvery.compareTo(armHorizon) >= 0) {
      throw new ConfigurationException(
          "todo.reminders.advance-every ("
              + advanceEvery
              + ") must be positive and shorter than todo.reminders.arm-horizon ("
              + armHorizon
              + ")");
    }
    this.arm = arm;
    this.metrics = metrics;
  }

  @Scheduled(
      fixedDelay = "${todo.reminders.advance-every:5m}",
      initialDelay = "${todo.reminders.advance-every:5m}")
  void advance() {
    ArmReport report = arm.advance();
    metrics.counter("todo.reminders.late.fired").increment(report.firedLate());
    metrics.counter("todo.reminders.missed").increment(report.missed());
    if (report.scheduled() + report.firedLate() + report.missed() > 0) {
      LOG.debug(
          "Reminder horizon moved: {} armed, {} fired late, {} reported missed",
          report.scheduled(),
          report.firedLate(),
          report.missed());
    }
  }

  @EventListener
  void onStartup(StartupEvent event) {
    ArmReport report = arm.armAll();
    metrics.counter("todo.reminders.late.fired").increment(report.firedLate());
    metrics.counter("todo.reminders.missed").increment(report.missed());
    LOG.info(
        "Reminders armed: {} scheduled, {} fired late, {} reported missed",
        report.scheduled(),
        report.firedLate(),
        report.missed());
  }
}
