package dev.todoai.application.service;

import dev.todoai.application.port.in.DeleteReminderUseCase;
import dev.todoai.application.port.in.ReminderNotFoundException;
import dev.todoai.application.port.out.ReminderStorePort;
import dev.todoai.application.port.out.ScheduleReminderPort;
import dev.todoai.application.port.out.TransactionPort;
import dev.todoai.domain.reminder.Reminder;
import dev.todoai.domain.reminder.ReminderId;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.TaskId;

/** Deletes a reminder; a pending one's timer is cancelled after the commit. */
public final class DeleteReminderService implements DeleteReminderUseCase {
  private final TransactionPort transactions;
  private final ReminderStorePort store;
  private final ScheduleReminderPort scheduler;

  public DeleteReminderService(
      TransactionPort transactions, ReminderStorePort store, ScheduleReminderPort scheduler) {
    this.transactions = transactions;
    this.store = store;
    this.scheduler = scheduler;
  }

  @Override
  public void delete(UserId owner, TaskId taskId, ReminderId reminderId) {
    Reminder deleted =
        transactions.inTransaction(
            () -> {
              Reminder reminder =
                  store
                      .loadForUpdate(reminderId)
                      .filter(r -> r.userId().equals(owner) && r.taskId().equals(taskId))
                      .orElseThrow(
                          () ->
                              new ReminderNotFoundException(
                                  "task " + taskId + " has no reminder " + reminderId));
              store.delete(reminder.id());
              return reminder;
            });
    if (deleted.isPending()) {
      scheduler.cancel(deleted.id());
    }
  }
}
