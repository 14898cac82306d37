package dev.todoai.application.port.in;

import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.TaskFilter;
import dev.todoai.domain.task.TaskPage;
import dev.todoai.domain.task.TaskPageRequest;
import dev.todoai.domain.task.TaskSort;

/** Lists the user's tasks: filtered, sorted and keyset-paged. */
public interface ListTasksQuery {
  TaskPage list(UserId owner, TaskFilter filter, TaskSort sort, TaskPageRequest page);
}
