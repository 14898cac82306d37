package dev.todoai.application.service;

import dev.todoai.application.port.in.ListRemindersQuery;
import dev.todoai.application.port.out.LoadTaskPort;
import dev.todoai.application.port.out.ReminderStorePort;
import dev.todoai.domain.reminder.Reminder;
import dev.todoai.domain.reminder.ReminderStatus;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.TaskId;
import java.util.List;

/** Reads a task's reminders, or a user's reminders by status. */
public final class ListRemindersService implements ListRemindersQuery {
  private final LoadTaskPort loadTask;
  private final ReminderStorePort store;

  public ListRemindersService(LoadTaskPort loadTask, ReminderStorePort store) {
    this.loadTask = loadTask;
    this.store = store;
  }

  @Override
  public List<Reminder> forTask(UserId owner, TaskId taskId) {
    loadTask.load(owner, taskId).orElseThrow(() -> TaskMutations.notFound(taskId));
    return store.forTask(owner, taskId);
  }

  @Override
  public List<Reminder> byStatus(UserId owner, ReminderStatus status, int limit) {
    return store.byStatus(owner, status, limit);
  }
}
