package dev.todoai.domain.user;

import dev.todoai.domain.shared.InvalidValueException;

/** A clear-text password as typed at registration: 8-128 characters. Never stored. */
public record Password(String value) {
  public static final int MIN_LENGTH = 8;
  public static final int MAX_LENGTH = 128;

  public Password {
    if (value == null) {
      throw new InvalidValueException("password", "is required");
    }
    int length = value.codePointCount(0, value.length());
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      throw new InvalidValueException(
          "password", "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
    }
  }

  @Override
  public String toString() {
    return "Password[***]";
  }
}
