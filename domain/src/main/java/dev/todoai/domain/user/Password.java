package dev.todoai.domain.user;

import dev.todoai.domain.shared.InvalidValueException;

/**
 * A clear-text password as typed at registration: 10 to 128 characters. Never stored. How easily it
 * is guessed is judged outside the domain (a strength estimator with its word lists).
 */
public record Password(String value) {
  public static final int MIN_LENGTH = 10;
  public static final int MAX_LENGTH = 128;

  public Password {
    if (value == null) {
      throw new InvalidValueException("password", "is required");
    }
    int length = value.codePointCount(0, value.length());
    if (length < MIN_LENGTH) {
      throw new InvalidValueException(
          "password",
          "is too short: it has "
              + length
              + " characters, a password needs at least "
              + MIN_LENGTH);
    }
    if (length > MAX_LENGTH) {
      throw new InvalidValueException(
          "password", "is too long: at most " + MAX_LENGTH + " characters");
    }
  }

  @Override
  public String toString() {
    return "Password[***]";
  }
}
