package dev.todoai.application.port.in;

import dev.todoai.domain.reminder.Reminder;
import dev.todoai.domain.reminder.ReminderSpec;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.TaskId;

/** Adds a reminder to one of the user's tasks (at most ten per task). */
public interface SetReminderUseCase {

  /**
   * @throws TaskNotFoundException when the user has no such task
   */
  Reminder set(SetReminderCommand command);

  record SetReminderCommand(UserId owner, TaskId taskId, ReminderSpec spec) {}
}
