package dev.todoai.application.port.in;

import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskId;
import java.util.Objects;

/**
 * Changes some fields of a task (a JSON merge patch, an update_task tool call): the change is
 * merged into the task as it is under the row lock, so a concurrent edit of other fields is never
 * lost and never needs a retry.
 */
public interface PatchTaskUseCase {

  /**
   * @throws TaskNotFoundException when the user has no such task
   * @throws VersionMismatchException when {@code expectedVersion} is given and stale
   * @throws dev.todoai.domain.shared.InvalidValueException when the merged task breaks a rule
   */
  Task patch(PatchTaskCommand command);

  /**
   * @param expectedVersion null applies the change to whatever version is current
   */
  record PatchTaskCommand(UserId owner, TaskId id, TaskPatch patch, Long expectedVersion) {
    public PatchTaskCommand {
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(patch, "patch");
    }
  }
}
