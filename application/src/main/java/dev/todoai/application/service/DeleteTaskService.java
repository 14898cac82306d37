package dev.todoai.application.service;

import dev.todoai.application.port.in.DeleteTaskUseCase;
import dev.todoai.application.port.out.ClockPort;
import dev.todoai.application.port.out.LoadTaskPort;
import dev.todoai.application.port.out.SaveTaskPort;
import dev.todoai.application.port.out.TransactionPort;

/** Deletes a task. */
public final class DeleteTaskService implements DeleteTaskUseCase {
  private final TaskMutations mutations;

  public DeleteTaskService(
      ClockPort clock,
      TransactionPort transactions,
      LoadTaskPort loadTask,
      SaveTaskPort saveTask,
      TaskEventRecorder events,
      ReminderSync reminders) {
    this.mutations = new TaskMutations(clock, transactions, loadTask, saveTask, events, reminders);
  }

  @Override
  public void delete(DeleteTaskCommand command) {
    mutations.delete(command.owner(), command.id(), command.expectedVersion());
  }
}
