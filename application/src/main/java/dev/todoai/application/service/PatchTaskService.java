package dev.todoai.application.service;

import dev.todoai.application.port.in.PatchTaskUseCase;
import dev.todoai.application.port.out.ClockPort;
import dev.todoai.application.port.out.LoadTaskPort;
import dev.todoai.application.port.out.RecurrencePort;
import dev.todoai.application.port.out.SaveTaskPort;
import dev.todoai.application.port.out.TransactionPort;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskDetails;

/** Merges a partial change into a task under its row lock, in one transaction. */
public final class PatchTaskService implements PatchTaskUseCase {
  private final TaskMutations mutations;
  private final RecurrencePort recurrence;

  public PatchTaskService(
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
  public Task patch(PatchTaskCommand command) {
    return mutations.mutate(
        command.owner(),
        command.id(),
        command.expectedVersion(),
        command.patch().newReminders(),
        (task, now) -> {
          TaskDetails details = command.patch().applyTo(task.details());
          RecurrenceValidation.check(recurrence, details);
          return TaskMutations.edit(task, details, command.patch().completion(), now);
        });
  }
}
