package dev.todoai.domain.task;

import dev.todoai.domain.shared.InvalidValueException;
import java.util.Locale;

/** What the next occurrence of a recurring task is computed from: its due or its completion. */
public enum RecurrenceAnchor {
  DUE,
  COMPLETION;

  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RecurrenceAnchor fromApiName(String field, String text) {
    for (RecurrenceAnchor a : values()) {
      if (a.apiName().equals(text)) {
        return a;
      }
    }
    throw new InvalidValueException(field, "must be one of due, completion");
  }
}
