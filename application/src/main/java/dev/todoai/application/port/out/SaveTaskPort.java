package dev.todoai.application.port.out;

import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskId;

/** Stores tasks. Ids come from {@link #nextId()} so that a new task's events can carry its id. */
public interface SaveTaskPort {
  TaskId nextId();

  void insert(Task task);

  /**
   * Writes the new state of a task whose stored version is {@code previousVersion}; false when the
   * stored version differs (a concurrent change) and nothing was written.
   */
  boolean update(Task task, long previousVersion);

  void delete(Task task);
}
