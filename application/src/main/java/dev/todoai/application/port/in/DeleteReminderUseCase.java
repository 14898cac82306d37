package dev.todoai.application.port.in;

import dev.todoai.domain.reminder.ReminderId;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.TaskId;

/** Removes a reminder and cancels its scheduled firing. */
public interface DeleteReminderUseCase {
  /**
   * @throws ReminderNotFoundException when the task has no such reminder of the user
   */
  void delete(UserId owner, TaskId taskId, ReminderId reminderId);
}
