package dev.todoai.application.port.out;

import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskId;

/** Stores tasks. Ids come from {@link #nextId()} so that a new task's events can carry its id. */
public interface SaveTaskPort {
  TaskId nextId();

  void insert(Task task);

  /**
   * Inserts the next occurrence of a series; false (and nothing written) when its predecessor has a
   * successor already — the store keeps at most one per predecessor.
   */
  boolean insertOccurrence(Task task);

  /**
   * Writes the new state of a task whose stored version is {@code previousVersion}; false when the
   * stored version differs (a concurrent change) and nothing was written.
   */
  boolean update(Task task, long previousVersion);

  void delete(Task task);
}
