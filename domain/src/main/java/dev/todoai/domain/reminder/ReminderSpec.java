package dev.todoai.domain.reminder;

import dev.todoai.domain.shared.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;

/**
 * What a user asks for: a reminder at {@code remindAt}, or {@code beforeDue} ahead of the task's
 * due (for an all-day due, ahead of {@code timeOfDay}, 09:00 by default). Exactly one of the two.
 */
public record ReminderSpec(Instant remindAt, Duration beforeDue, LocalTime timeOfDay) {
  public ReminderSpec {
    if ((remindAt == null) == (beforeDue == null)) {
      throw new InvalidValueException(
          remindAt == null ? "before_due" : "remind_at",
          "give either remind_at or before_due (exactly one)");
    }
    if (remindAt != null && timeOfDay != null) {
      throw new InvalidValueException("time_of_day", "only applies together with before_due");
    }
    if (beforeDue != null) {
      Reminder.validateOffset(beforeDue);
    }
  }

  public static ReminderSpec at(Instant remindAt) {
    return new ReminderSpec(remindAt, null, null);
  }

  public static ReminderSpec before(Duration beforeDue) {
    return new ReminderSpec(null, beforeDue, null);
  }

  public boolean isRelative() {
    return beforeDue != null;
  }
}
