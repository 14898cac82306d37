package dev.todoai.bootstrap;

import dev.todoai.application.port.in.ArmRemindersUseCase;
import dev.todoai.application.port.in.ArmRemindersUseCase.ArmReport;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Arms the reminder timers from the database when the backend starts. */
@Singleton
@Requires(property = "todo.reminders.arm-on-startup", value = "true")
final class ReminderArming {
  private static final Logger LOG = LoggerFactory.getLogger(ReminderArming.class);

  private final ArmRemindersUseCase arm;
  private final io.micrometer.core.instrument.MeterRegistry metrics;

  ReminderArming(ArmRemindersUseCase arm, io.micrometer.core.instrument.MeterRegistry metrics) {
    this.arm = arm;
    this.metrics = metrics;
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
