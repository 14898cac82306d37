package dev.todoai.application.port.out;

import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskId;
import java.util.Optional;

/** Reads one task of a user; another user's task is as absent as a missing one. */
public interface LoadTaskPort {
  Optional<Task> load(UserId owner, TaskId id);

  /** Like {@link #load} but locks the row until the surrounding transaction ends. */
  Optional<Task> loadForUpdate(UserId owner, TaskId id);

  /** The occurrence created after {@code predecessor}, if any. */
  Optional<Task> loadSuccessor(UserId owner, TaskId predecessor);
}
