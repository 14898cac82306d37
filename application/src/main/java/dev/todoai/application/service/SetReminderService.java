package dev.todoai.application.service;

import dev.todoai.application.port.in.SetReminderUseCase;
import dev.todoai.application.port.out.ClockPort;
import dev.todoai.application.port.out.LoadTaskPort;
import dev.todoai.application.port.out.TransactionPort;
import dev.todoai.domain.reminder.Reminder;
import dev.todoai.domain.task.Task;
import java.util.List;

/** Adds a reminder to a task; its timer is armed once the reminder is committed. */
public final class SetReminderService implements SetReminderUseCase {
  private final ClockPort clock;
  private final TransactionPort transactions;
  private final LoadTaskPort loadTask;
  private final ReminderSync reminders;

  public SetReminderService(
      ClockPort clock,
      TransactionPort transactions,
      LoadTaskPort loadTask,
      ReminderSync reminders) {
    this.clock = clock;
    this.transactions = transactions;
    this.loadTask = loadTask;
    this.reminders = reminders;
  }

  @Override
  public Reminder set(SetReminderCommand command) {
    ReminderSync.Changes changes =
        transactions.inTransaction(
            () -> {
              Task task =
                  loadTask
                      .loadForUpdate(command.owner(), command.taskId())
                      .orElseThrow(() -> TaskMutations.notFound(command.taskId()));
              return reminders.add(task, List.of(command.spec()), clock.now());
            });
    changes.afterCommit();
    return changes.created().get(0);
  }
}
