package dev.todoai.application.port.in;

import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskDetails;
import dev.todoai.domain.task.TaskId;
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
   */
  record UpdateTaskCommand(
      UserId owner, TaskId id, TaskDetails details, Boolean completed, Long expectedVersion) {
    public UpdateTaskCommand {
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(details, "details");
    }
  }
}
