package dev.todoai.bootstrap;

import dev.todoai.application.port.in.ArmRemindersUseCase;
import dev.todoai.application.port.in.DeleteReminderUseCase;
import dev.todoai.application.port.in.HandleEventUseCase;
import dev.todoai.application.port.in.ListNotificationsQuery;
import dev.todoai.application.port.in.ListRemindersQuery;
import dev.todoai.application.port.in.ReadNotificationsUseCase;
import dev.todoai.application.port.in.SetReminderUseCase;
import dev.todoai.application.port.out.ClockPort;
import dev.todoai.application.port.out.EventCodecPort;
import dev.todoai.application.port.out.LiveUpdatesPort;
import dev.todoai.application.port.out.LoadTaskPort;
import dev.todoai.application.port.out.NotificationStorePort;
import dev.todoai.application.port.out.OutboxPort;
import dev.todoai.application.port.out.ProcessedEventsPort;
import dev.todoai.application.port.out.ReminderStorePort;
import dev.todoai.application.port.out.ScheduleReminderPort;
import dev.todoai.application.port.out.TransactionPort;
import dev.todoai.application.service.ArmRemindersService;
import dev.todoai.application.service.CreateNotificationService;
import dev.todoai.application.service.DeleteReminderService;
import dev.todoai.application.service.FireReminderService;
import dev.todoai.application.service.ListNotificationsService;
import dev.todoai.application.service.ListRemindersService;
import dev.todoai.application.service.ReadNotificationsService;
import dev.todoai.application.service.ReminderHorizon;
import dev.todoai.application.service.ReminderSync;
import dev.todoai.application.service.SetReminderService;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;

/** Reminders and notifications: use cases bound to their adapters. */
@Factory
class ReminderFactory {

  /** Shared by the arming use case (which moves it) and the sync (which arms within it). */
  @Singleton
  ReminderHorizon reminderHorizon() {
    return new ReminderHorizon();
  }

  @Singleton
  ReminderSync reminderSync(
      ReminderStorePort store, ScheduleReminderPort scheduler, ReminderHorizon horizon) {
    return new ReminderSync(store, scheduler, horizon);
  }

  @Singleton
  SetReminderUseCase setReminder(
      ClockPort clock, TransactionPort transactions, LoadTaskPort loadTask, ReminderSync sync) {
    return new SetReminderService(clock, transactions, loadTask, sync);
  }

  @Singleton
  ListRemindersQuery listReminders(LoadTaskPort loadTask, ReminderStorePort store) {
    return new ListRemindersService(loadTask, store);
  }

  @Singleton
  DeleteReminderUseCase deleteReminder(
      TransactionPort transactions, ReminderStorePort store, ScheduleReminderPort scheduler) {
    return new DeleteReminderService(transactions, store, scheduler);
  }

  @Singleton
  FireReminderService fireReminder(
      ClockPort clock,
      TransactionPort transactions,
      ReminderStorePort store,
      LoadTaskPort loadTask,
      EventCodecPort codec,
      OutboxPort outbox) {
    return new FireReminderService(clock, transactions, store, loadTask, codec, outbox);
  }

  @Singleton
  ArmRemindersUseCase armReminders(
      ClockPort clock,
      ReminderStorePort store,
      ScheduleReminderPort scheduler,
      FireReminderService fire,
      ReminderHorizon horizon,
      @Value("${todo.reminders.catch-up-window:24h}") Duration catchUpWindow,
      @Value("${todo.reminders.arm-horizon:1h}") Duration armHorizon) {
    return new ArmRemindersService(
        clock, store, scheduler, fire, catchUpWindow, armHorizon, horizon);
  }

  @Singleton
  @Named(CreateNotificationService.CONSUMER)
  @Requires(property = "todo.consumers.notification.enabled", value = "true")
  HandleEventUseCase notificationConsumer(
      ClockPort clock,
      TransactionPort transactions,
      EventCodecPort codec,
      ProcessedEventsPort processed,
      NotificationStorePort notifications,
      ReminderStorePort reminders,
      LiveUpdatesPort liveUpdates) {
    return new CreateNotificationService(
        clock, transactions, codec, processed, notifications, reminders, liveUpdates);
  }

  @Singleton
  ListNotificationsQuery listNotifications(NotificationStorePort store) {
    return new ListNotificationsService(store);
  }

  @Singleton
  ReadNotificationsUseCase readNotifications(ClockPort clock, NotificationStorePort store) {
    return new ReadNotificationsService(clock, store);
  }
}
