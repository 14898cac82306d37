package dev.todoai.application.port.in;

import dev.todoai.domain.reminder.ReminderSpec;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskDetails;
import dev.todoai.domain.task.TaskId;
import java.util.List;
import java.util.Objects;

/** Replaces the editable fields of a task (and optionally its completion). */
public interface UpdateTaskUseCase {

  /**
   * @throws TaskNotFoundException when the user has no such task
   * @throws VersionMismatchException when {@code expectedVersion} is stale
   */
  Task update(UpdateTaskCommand command);

  /**
   * @param completed null leaves the completion as it is
   * @param expectedVersion null skips the optimistic check (If-Match absent)
   * @param reminders null leaves the reminders as they are; a list replaces the pending ones
   */
  record UpdateTaskCommand(
      UserId owner,
      TaskId id,
      TaskDetails details,
      Boolean completed,
      Long expectedVersion,
      List<ReminderSpec> reminders) {
    public UpdateTaskCommand {
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(details, "details");
      reminders = reminders == null ? null : List.copyOf(reminders);
    }

    public UpdateTaskCommand(
        UserId owner, TaskId id, TaskDetails details, Boolean completed, Long expectedVersion) {
      this(owner, id, details, completed, expectedVersion, null);
    }
  }
}
