package dev.todoai.domain.task;

import dev.todoai.domain.shared.InvalidValueException;
import dev.todoai.domain.shared.PlainText;
import java.util.Locale;
import java.util.regex.Pattern;

/** A label on a task: 1-40 characters of letters, digits, '-', '_' or '/', stored lower-case. */
public record Tag(String value) implements Comparable<Tag> {
  public static final int MAX_LENGTH = 40;
  private static final Pattern FORMAT = Pattern.compile("[\\p{L}\\p{N}_/-]+");

  public Tag {
    if (value == null) {
      throw new InvalidValueException("tags", "must not contain null");
    }
    value = value.strip().toLowerCase(Locale.ROOT);
    if (!PlainText.isPlain(value, false)) {
      throw new InvalidValueException("tags", "a tag must not contain control characters");
    }
    if (value.isEmpty()) {
      throw new InvalidValueException("tags", "must not contain an empty tag");
    }
    if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
      throw new InvalidValueException(
          "tags", "tag '" + value + "' is longer than " + MAX_LENGTH + " characters");
    }
    if (!FORMAT.matcher(value).matches()) {
      throw new InvalidValueException(
          "tags", "tag '" + value + "' may only contain letters, digits, '-', '_' and '/'");
    }
  }

  @Override
  public int compareTo(Tag other) {
    return value.compareTo(other.value);
  }
}
