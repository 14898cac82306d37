package dev.todoai.application.port.in;

import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskId;
import java.util.Objects;

/** Completes, re-opens or toggles a task. */
public interface CompleteTaskUseCase {

  /**
   * @throws TaskNotFoundException when the user has no such task
   * @throws VersionMismatchException when {@code expectedVersion} is stale
   */
  Task complete(CompleteTaskCommand command);

  /**
   * @param completed the wanted state; null toggles
   */
  record CompleteTaskCommand(UserId owner, TaskId id, Boolean completed, Long expectedVersion) {
    public CompleteTaskCommand {
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(id, "id");
    }
  }
}
