package dev.todoai.application.service;

import dev.todoai.application.port.in.GetTaskQuery;
import dev.todoai.application.port.out.LoadTaskPort;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskId;

/** Reads one task of a user. */
public final class GetTaskService implements GetTaskQuery {
  private final LoadTaskPort loadTask;

  public GetTaskService(LoadTaskPort loadTask) {
    this.loadTask = loadTask;
  }

  @Override
  public Task get(UserId owner, TaskId id) {
    return loadTask.load(owner, id).orElseThrow(() -> TaskMutations.notFound(id));
  }
}
