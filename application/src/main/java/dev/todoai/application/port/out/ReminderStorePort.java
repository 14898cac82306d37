package dev.todoai.application.port.out;

import dev.todoai.domain.reminder.Reminder;
import dev.todoai.domain.reminder.ReminderId;
import dev.todoai.domain.reminder.ReminderStatus;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.TaskId;
import java.util.List;
import java.util.Optional;

/** Stores reminders. Reads by owner never reveal another user's reminders. */
public interface ReminderStorePort {
  ReminderId nextReminderId();

  void insert(Reminder reminder);

  void update(Reminder reminder);

  void delete(ReminderId id);

  /** Locks the reminder until the transaction ends; any owner (used when a reminder fires). */
  Optional<Reminder> loadForUpdate(ReminderId id);

  /** The task's reminders, oldest first. */
  List<Reminder> forTask(UserId owner, TaskId task);

  /** The task's reminders, locked until the transaction ends. */
  List<Reminder> forTaskForUpdate(TaskId task);

  /** The user's reminders in a status (all statuses when null), soonest first. */
  List<Reminder> byStatus(UserId owner, ReminderStatus status, int limit);

  /** Every scheduled reminder of every user, soonest first (to arm timers at start-up). */
  List<Reminder> allScheduled();
}
