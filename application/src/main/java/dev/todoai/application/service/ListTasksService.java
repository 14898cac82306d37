package dev.todoai.application.service;

import dev.todoai.application.port.in.ListTasksQuery;
import dev.todoai.application.port.out.ClockPort;
import dev.todoai.application.port.out.QueryTasksPort;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.TaskFilter;
import dev.todoai.domain.task.TaskPage;
import dev.todoai.domain.task.TaskPageRequest;
import dev.todoai.domain.task.TaskSort;

/** Lists tasks; "overdue" is judged against the current time. */
public final class ListTasksService implements ListTasksQuery {
  private final QueryTasksPort queryTasks;
  private final ClockPort clock;

  public ListTasksService(QueryTasksPort queryTasks, ClockPort clock) {
    this.queryTasks = queryTasks;
    this.clock = clock;
  }

  @Override
  public TaskPage list(UserId owner, TaskFilter filter, TaskSort sort, TaskPageRequest page) {
    return queryTasks.query(owner, filter, sort, page, clock.now());
  }
}
