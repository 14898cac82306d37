package dev.todoai.domain.user;

import dev.todoai.domain.shared.InvalidValueException;
import dev.todoai.domain.shared.PlainText;
import java.util.Locale;
import java.util.regex.Pattern;

/** An e-mail address, trimmed and lower-cased so that one mailbox is one account. */
public record Email(String value) {
  private static final Pattern FORMAT = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

  public Email {
    if (value == null) {
      throw new InvalidValueException("email", "is required");
    }
    value = value.strip().toLowerCase(Locale.ROOT);
    if (!PlainText.isPlain(value, false)) {
      throw new InvalidValueException("email", "must not contain control characters");
    }
    if (value.length() > 254 || !FORMAT.matcher(value).matches()) {
      throw new InvalidValueException("email", "must be an e-mail address");
    }
  }
}
