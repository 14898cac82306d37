package dev.todoai.domain.task;

import dev.todoai.domain.shared.InvalidValueException;
import dev.todoai.domain.shared.PlainText;

/**
 * Free text of a task, at most 4000 characters; empty when absent. Tabs and line breaks are kept
 * (CR LF becomes LF); other control characters are refused.
 */
public record Description(String value) {
  public static final int MAX_LENGTH = 4000;
  public static final Description EMPTY = new Description("");

  public Description {
    if (value == null) {
      value = "";
    }
    value = PlainText.multiLine("description", value);
    if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
      throw new InvalidValueException(
          "description", "must be at most " + MAX_LENGTH + " characters");
    }
  }
}
