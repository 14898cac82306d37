package dev.todoai.application.port.in;

import dev.todoai.domain.reminder.ReminderId;

/**
 * Called by the scheduling transport when a reminder's time has come — at least once, never early.
 * Publishes one {@code ReminderEvent} for a pending reminder of an open task; anything else is a
 * harmless no-op, so duplicate firings change nothing.
 */
public interface FireReminderUseCase {

  /** What a firing did. */
  enum FireOutcome {
    SENT,
    ALREADY_SETTLED,
    CANCELLED_TASK_CLOSED,
    NOT_FOUND
  }

  FireOutcome fire(ReminderId id);
}
