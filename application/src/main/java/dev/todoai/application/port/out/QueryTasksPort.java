package dev.todoai.application.port.out;

import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.TaskFilter;
import dev.todoai.domain.task.TaskPage;
import dev.todoai.domain.task.TaskPageRequest;
import dev.todoai.domain.task.TaskSort;
import java.time.Instant;

/**
 * Filtered, sorted, keyset-paged reads of a user's tasks. The cursor is opaque to callers; a cursor
 * that the adapter cannot read raises {@code InvalidValueException("cursor", ...)}.
 */
public interface QueryTasksPort {
  TaskPage query(UserId owner, TaskFilter filter, TaskSort sort, TaskPageRequest page, Instant now);
}
