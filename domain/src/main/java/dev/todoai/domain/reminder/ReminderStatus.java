package dev.todoai.domain.reminder;

/**
 * Lifecycle of a reminder: scheduled until it fires (then {@code fired} until its notification
 * exists, and {@code sent} from then on), is cancelled, or is found missed after downtime.
 */
public enum ReminderStatus {
  SCHEDULED,
  FIRED,
  SENT,
  CANCELLED,
  MISSED
}
