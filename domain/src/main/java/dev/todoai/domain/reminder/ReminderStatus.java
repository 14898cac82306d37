package dev.todoai.domain.reminder;

import dev.todoai.domain.shared.InvalidValueException;
import java.util.Locale;

/**
 * Lifecycle of a reminder: scheduled until it is sent, cancelled, or found missed after downtime.
 */
public enum ReminderStatus {
  SCHEDULED,
  SENT,
  CANCELLED,
  MISSED;

  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ReminderStatus fromApiName(String field, String text) {
    for (ReminderStatus s : values()) {
      if (s.apiName().equals(text)) {
        return s;
      }
    }
    throw new InvalidValueException(field, "must be one of scheduled, sent, cancelled, missed");
  }
}
