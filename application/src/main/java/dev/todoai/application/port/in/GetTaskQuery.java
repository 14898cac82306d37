package dev.todoai.application.port.in;

import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskId;

/** Reads one of the user's tasks. */
public interface GetTaskQuery {
  /**
   * @throws TaskNotFoundException when the user has no such task
   */
  Task get(UserId owner, TaskId id);
}
