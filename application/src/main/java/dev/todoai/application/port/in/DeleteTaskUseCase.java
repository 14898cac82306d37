package dev.todoai.application.port.in;

import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.TaskId;
import java.util.Objects;

/** Deletes a task. */
public interface DeleteTaskUseCase {

  /**
   * @throws TaskNotFoundException when the user has no such task
   * @throws VersionMismatchException when {@code expectedVersion} is stale
   */
  void delete(DeleteTaskCommand command);

  record DeleteTaskCommand(UserId owner, TaskId id, Long expectedVersion) {
    public DeleteTaskCommand {
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(id, "id");
    }
  }
}
