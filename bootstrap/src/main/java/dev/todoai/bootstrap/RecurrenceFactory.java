package dev.todoai.bootstrap;

import dev.todoai.application.port.in.CreateNextOccurrenceUseCase;
import dev.todoai.application.port.in.DescribeRecurrenceQuery;
import dev.todoai.application.port.in.HandleEventUseCase;
import dev.todoai.application.port.in.PreviewRecurrenceQuery;
import dev.todoai.application.port.out.ClockPort;
import dev.todoai.application.port.out.EventCodecPort;
import dev.todoai.application.port.out.LoadTaskPort;
import dev.todoai.application.port.out.OccurrenceCreationPort;
import dev.todoai.application.port.out.RecurrencePort;
import dev.todoai.application.port.out.ReminderStorePort;
import dev.todoai.application.port.out.SaveTaskPort;
import dev.todoai.application.port.out.TransactionPort;
import dev.todoai.application.service.CreateNextOccurrenceService;
import dev.todoai.application.service.DescribeRecurrenceService;
import dev.todoai.application.service.NextOccurrences;
import dev.todoai.application.service.PreviewRecurrenceService;
import dev.todoai.application.service.ReminderSync;
import dev.todoai.application.service.ScheduleNextOccurrenceService;
import dev.todoai.application.service.TaskEventRecorder;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** Recurring tasks: the recurring role's consumer and the backend's occurrence creation. */
@Factory
class RecurrenceFactory {

  @Singleton
  NextOccurrences nextOccurrences(RecurrencePort recurrence) {
    return new NextOccurrences(recurrence);
  }

  @Singleton
  @Named(ScheduleNextOccurrenceService.CONSUMER)
  @Requires(property = "todo.consumers.recurring.enabled", value = "true")
  HandleEventUseCase recurringConsumer(
      EventCodecPort codec, NextOccurrences next, OccurrenceCreationPort backend) {
    return new ScheduleNextOccurrenceService(codec, next, backend);
  }

  @Singleton
  CreateNextOccurrenceUseCase createNextOccurrence(
      ClockPort clock,
      TransactionPort transactions,
      LoadTaskPort loadTask,
      SaveTaskPort saveTask,
      TaskEventRecorder events,
      ReminderStorePort reminderStore,
      ReminderSync reminders,
      NextOccurrences next) {
    return new CreateNextOccurrenceService(
        clock, transactions, loadTask, saveTask, events, reminderStore, reminders, next);
  }

  @Singleton
  DescribeRecurrenceQuery describeRecurrence(RecurrencePort recurrence) {
    return new DescribeRecurrenceService(recurrence);
  }

  @Singleton
  PreviewRecurrenceQuery previewRecurrence(RecurrencePort recurrence) {
    return new PreviewRecurrenceService(recurrence);
  }
}
