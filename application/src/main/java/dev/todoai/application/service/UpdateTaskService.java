package dev.todoai.application.service;

import dev.todoai.application.port.in.UpdateTaskUseCase;
import dev.todoai.application.port.out.ClockPort;
import dev.todoai.application.port.out.LoadTaskPort;
import dev.todoai.application.port.out.RecurrencePort;
import dev.todoai.application.port.out.SaveTaskPort;
import dev.todoai.application.port.out.TransactionPort;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskChange;
import dev.todoai.domain.task.TaskEvent;
import java.util.ArrayList;
import java.util.List;

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
        (task, now) -> {
          TaskChange edited = task.edit(command.details(), now);
          if (command.completed() == null) {
            return edited;
          }
          TaskChange completion = edited.task().setCompleted(command.completed(), now);
          List<TaskEvent> events = new ArrayList<>(edited.events());
          events.addAll(completion.events());
          return new TaskChange(completion.task(), events);
        });
  }
}
