package dev.todoai.domain.task;

import dev.todoai.domain.shared.InvalidValueException;
import dev.todoai.domain.shared.PlainText;

/** A task title: trimmed, 1-200 characters, one line without control characters. */
public record Title(String value) {
  public static final int MAX_LENGTH = 200;

  public Title {
    if (value == null) {
      throw new InvalidValueException("title", "is required");
    }
    value = PlainText.singleLine("title", value.strip());
    if (value.isEmpty()) {
      throw new InvalidValueException("title", "must not be blank");
    }
    if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
      throw new InvalidValueException("title", "must be at most " + MAX_LENGTH + " characters");
    }
  }
}
