package dev.todoai.domain.shared;

/** A value that breaks a domain rule; {@code field} is the API name of the offending field. */
public final class InvalidValueException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidValueException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
