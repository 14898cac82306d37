package dev.todoai.application.event;

/** The pub/sub topics of the product; their payloads are specified in contracts/events/. */
public final class Topics {
  /** Every task change, with a full snapshot ({@code TaskEvent}). */
  public static final String TASK_EVENTS = "task-events";

  /** Reminders that came due ({@code ReminderEvent}). */
  public static final String REMINDERS = "reminders";

  /** Small change notices for live user interfaces ({@code TaskUpdateEvent}). */
  public static final String TASK_UPDATES = "task-updates";

  private Topics() {}
}
