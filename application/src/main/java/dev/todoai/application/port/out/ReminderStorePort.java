package dev.todoai.application.port.out;

import dev.todoai.domain.reminder.Reminder;
import dev.todoai.domain.reminder.ReminderId;
import dev.todoai.domain.reminder.ReminderStatus;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.TaskId;
import java.time.Instant;
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

  /**
   * Scheduled reminders of every user, soonest first (to arm timers): at most {@code limit} of
   * those after ({@code afterAt}, {@code afterId}) in (remind_at, id) order — from the first when
   * {@code afterAt} is null — and due at or before {@code until} (no bound when null).
   */
  List<Reminder> scheduledAfter(Instant afterAt, ReminderId afterId, Instant until, int limit);
}
