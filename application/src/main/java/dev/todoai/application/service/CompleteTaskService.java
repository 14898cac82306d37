package dev.todoai.application.service;

import dev.todoai.application.port.in.CompleteTaskUseCase;
import dev.todoai.application.port.out.ClockPort;
import dev.todoai.application.port.out.LoadTaskPort;
import dev.todoai.application.port.out.SaveTaskPort;
import dev.todoai.application.port.out.TransactionPort;
import dev.todoai.domain.task.Task;

/** Completes, re-opens or toggles a task. */
public final class CompleteTaskService implements CompleteTaskUseCase {
  private final TaskMutations mutations;

  public CompleteTaskService(
      ClockPort clock,
      TransactionPort transactions,
      LoadTaskPort loadTask,
      SaveTaskPort saveTask,
      TaskEventRecorder events,
      ReminderSync reminders) {
    this.mutations = new TaskMutations(clock, transactions, loadTask, saveTask, events, reminders);
  }

  @Override
  public Task complete(CompleteTaskCommand command) {
    return mutations.mutate(
        command.owner(),
        command.id(),
        command.expectedVersion(),
        null,
        (task, now) ->
            command.completed() == null
                ? task.toggleCompleted(now)
                : task.setCompleted(command.completed(), now));
  }
}
