package dev.todoai.application.service;

import dev.todoai.application.event.ReminderMessage;
import dev.todoai.application.port.in.FireReminderUseCase;
import dev.todoai.application.port.out.ClockPort;
import dev.todoai.application.port.out.EventCodecPort;
import dev.todoai.application.port.out.LoadTaskPort;
import dev.todoai.application.port.out.OutboxPort;
import dev.todoai.application.port.out.ReminderStorePort;
import dev.todoai.application.port.out.TransactionPort;
import dev.todoai.domain.reminder.Reminder;
import dev.todoai.domain.reminder.ReminderId;
import dev.todoai.domain.task.Task;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Fires a reminder: in one transaction, re-reads it under a row lock, and only when it is still
 * scheduled and its task is open marks it sent and appends its {@code ReminderEvent} to the outbox.
 * A second firing finds it sent and does nothing.
 */
public final class FireReminderService implements FireReminderUseCase {
  private final ClockPort clock;
  private final TransactionPort transactions;
  private final ReminderStorePort store;
  private final LoadTaskPort loadTask;
  private final EventCodecPort codec;
  private final OutboxPort outbox;

  public FireReminderService(
      ClockPort clock,
      TransactionPort transactions,
      ReminderStorePort store,
      LoadTaskPort loadTask,
      EventCodecPort codec,
      OutboxPort outbox) {
    this.clock = clock;
    this.transactions = transactions;
    this.store = store;
    this.loadTask = loadTask;
    this.codec = codec;
    this.outbox = outbox;
  }

  @Override
  public FireOutcome fire(ReminderId id) {
    return transactions.inTransaction(() -> fireInTransaction(id, false));
  }

  /** Marks a reminder that is too late to send as missed and tells the user so. */
  FireOutcome miss(ReminderId id) {
    return transactions.inTransaction(() -> fireInTransaction(id, true));
  }

  private FireOutcome fireInTransaction(ReminderId id, boolean missed) {
    Optional<Reminder> found = store.loadForUpdate(id);
    if (found.isEmpty()) {
      return FireOutcome.NOT_FOUND;
    }
    Reminder reminder = found.get();
    if (!reminder.isPending()) {
      return FireOutcome.ALREADY_SETTLED;
    }
    Optional<Task> task = loadTask.load(reminder.userId(), reminder.taskId());
    if (task.isEmpty() || task.get().completed()) {
      store.update(reminder.cancel());
      return FireOutcome.CANCELLED_TASK_CLOSED;
    }
    Instant now = clock.now();
    store.update(missed ? reminder.markMissed(now) : reminder.markFired(now));
    outbox.append(List.of(codec.encodeReminder(message(reminder, task.get(), now, missed))));
    return FireOutcome.SENT;
  }

  private static ReminderMessage message(Reminder r, Task task, Instant firedAt, boolean missed) {
    return new ReminderMessage(
        UUID.randomUUID(),
        r.id().value(),
        r.taskId().value(),
        r.userId(),
        task.details().title().value(),
        task.details().due().dueAt(),
        task.details().due().dueDate(),
        r.remindAt(),
        firedAt,
        missed);
  }
}
