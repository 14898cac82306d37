package dev.todoai.application.port.in;

import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskId;
import java.util.Optional;

/**
 * The backend's internal use case behind the recurring role: creates the next occurrence of a
 * series exactly once per predecessor (a repeat returns the one created before). The caller names
 * only the predecessor: whether a successor is due, and when, is decided here from the stored task,
 * never taken from the caller. Empty when the series has ended.
 */
public interface CreateNextOccurrenceUseCase {

  /**
   * @throws OccurrenceRefusedException when {@code predecessor} is not a completed recurring task
   *     of {@code owner}
   */
  Optional<Task> createNext(UserId owner, TaskId predecessor);
}
