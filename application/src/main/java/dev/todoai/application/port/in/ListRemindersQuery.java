package dev.todoai.application.port.in;

import dev.todoai.domain.reminder.Reminder;
import dev.todoai.domain.reminder.ReminderStatus;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.TaskId;
import java.util.List;

/** Reads reminders. */
public interface ListRemindersQuery {
  /**
   * @throws TaskNotFoundException when the user has no such task
   */
  List<Reminder> forTask(UserId owner, TaskId taskId);

  /** The user's reminders in a status (every status when null), soonest first. */
  List<Reminder> byStatus(UserId owner, ReminderStatus status, int limit);
}
