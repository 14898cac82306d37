package dev.todoai.application.service;

import dev.todoai.application.port.in.UpdateTaskUseCase;
import dev.todoai.application.port.out.ClockPort;
import dev.todoai.application.port.out.LoadTaskPort;
import dev.todoai.application.port.out.RecurrencePort;
import dev.todoai.application.port.out.SaveTaskPort;
import dev.todoai.application.port.out.TransactionPort;
import dev.todoai.domain.task.Task;

/** Replaces a task's editable fields and, when asked, its completion — in one transaction. */
public final class UpdateTaskService implements UpdateTaskUseCase {
  private final TaskMutations mutations;
  private final RecurrencePort recurrence;

  public UpdateTaskService(
      ClockPort clock,
      TransactionPort transactions,
      LoadTaskPort loadTask,
      SaveTaskPort saveTask,
      TaskEventRecorder events,
      ReminderSync reminders,
      RecurrencePort recurrence) {
    this.mutations = new TaskMutations(clock, transactions, loadTask, saveTask, events, reminders);
    this.recurrence = recurrence;
  }

  @Override
  public Task update(UpdateTaskCommand command) {
    RecurrenceValidation.check(recurrence, command.details());
    return mutations.mutate(
        command.owner(),
        command.id(),
        command.expectedVersion(),
        command.reminders(),
        (task, now) -> TaskMutations.edit(task, command.details(), command.completed(), now));
  }
}
