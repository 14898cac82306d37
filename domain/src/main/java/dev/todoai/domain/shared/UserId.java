package dev.todoai.domain.shared;

import java.util.regex.Pattern;

/** Opaque identifier of a user: the JWT subject. 1-64 chars of letters, digits, '-', '_', '.'. */
public record UserId(String value) {
  private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public UserId {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new InvalidValueException(
          "user_id", "must be 1-64 characters of letters, digits, '.', '-' or '_'");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
