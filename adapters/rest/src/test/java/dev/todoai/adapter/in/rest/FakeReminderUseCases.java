package dev.todoai.adapter.in.rest;

import dev.todoai.application.port.in.DeleteReminderUseCase;
import dev.todoai.application.port.in.ListRemindersQuery;
import dev.todoai.application.port.in.ReminderNotFoundException;
import dev.todoai.application.port.in.SetReminderUseCase;
import dev.todoai.domain.reminder.Reminder;
import dev.todoai.domain.reminder.ReminderId;
import dev.todoai.domain.reminder.ReminderSpec;
import dev.todoai.domain.reminder.ReminderStatus;
import dev.todoai.domain.shared.InvalidValueException;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * In-memory stand-in for the reminder use cases, on the tasks of {@link FakeTaskUseCases}: the
 * domain factories decide validity; at most {@link Reminder#MAX_PER_TASK} live reminders per task.
 * Remembers the last status and limit it was asked to list.
 */
@Singleton
final class FakeReminderUseCases
    implements SetReminderUseCase, ListRemindersQuery, DeleteReminderUseCase {
  private final FakeTaskUseCases tasks;
  private final Map<Long, Reminder> reminders = new LinkedHashMap<>();
  private final Map<UserId, Object[]> lastListings = new LinkedHashMap<>();
  private long lastId;

  FakeReminderUseCases(FakeTaskUseCases tasks) {
    this.tasks = tasks;
  }

  /** Stores a reminder as it is, e.g. one already sent. */
  synchronized void put(Reminder reminder) {
    reminders.put(reminder.id().value(), reminder);
  }

  synchronized ReminderId nextId() {
    return new ReminderId(++lastId + 1_000_000);
  }

  synchronized ReminderStatus lastStatus(UserId owner) {
    return (ReminderStatus) lastListings.get(owner)[0];
  }

  synchronized int lastLimit(UserId owner) {
    return (Integer) lastListings.get(owner)[1];
  }

  @Override
  public synchronized Reminder set(SetReminderCommand command) {
    Task task = tasks.get(command.owner(), command.taskId());
    long live =
        reminders.values().stream()
            .filter(r -> r.taskId().equals(task.id()) && r.status() != ReminderStatus.CANCELLED)
            .count();
    if (live >= Reminder.MAX_PER_TASK) {
      throw new InvalidValueException(
          "reminders", "a task has at most " + Reminder.MAX_PER_TASK + " reminders");
    }
    ReminderSpec spec = command.spec();
    ReminderId id = new ReminderId(++lastId);
    Instant now = Instant.now();
    Reminder reminder =
        spec.isRelative()
            ? Reminder.beforeDue(id, task, spec.beforeDue(), spec.timeOfDay(), now)
            : Reminder.at(id, task, spec.remindAt(), now);
    reminders.put(id.value(), reminder);
    return reminder;
  }

  @Override
  public synchronized List<Reminder> forTask(UserId owner, TaskId taskId) {
    tasks.get(owner, taskId);
    return reminders.values().stream()
        .filter(r -> r.taskId().equals(taskId))
        .sorted(Comparator.comparing(Reminder::remindAt))
        .toList();
  }

  @Override
  public synchronized List<Reminder> byStatus(UserId owner, ReminderStatus status, int limit) {
    lastListings.put(owner, new Object[] {status, limit});
    return reminders.values().stream()
        .filter(r -> r.userId().equals(owner) && (status == null || r.status() == status))
        .sorted(Comparator.comparing(Reminder::remindAt))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized void delete(UserId owner, TaskId taskId, ReminderId reminderId) {
    Reminder reminder = reminders.get(reminderId.value());
    if (reminder == null || !reminder.userId().equals(owner) || !reminder.taskId().equals(taskId)) {
      throw new ReminderNotFoundException("no reminder with id " + reminderId);
    }
    reminders.remove(reminderId.value());
  }
}
