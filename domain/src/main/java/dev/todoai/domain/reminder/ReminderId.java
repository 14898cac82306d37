package dev.todoai.domain.reminder;

import dev.todoai.domain.shared.InvalidValueException;

/** Identifier of a reminder, assigned from a database sequence. */
public record ReminderId(long value) {
  public ReminderId {
    if (value <= 0) {
      throw new InvalidValueException("reminder_id", "must be a positive number");
    }
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
