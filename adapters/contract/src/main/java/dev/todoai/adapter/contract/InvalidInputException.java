package dev.todoai.adapter.contract;

import java.util.List;

/** Input that cannot be turned into a command; it names every bad field. */
public final class InvalidInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<FieldError> errors;

  public InvalidInputException(List<FieldError> errors) {
    super(summary(errors), null, false, false);
    this.errors = List.copyOf(errors);
  }

  public static InvalidInputException of(String field, String message) {
    return new InvalidInputException(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }

  private static String summary(List<FieldError> errors) {
    StringBuilder text = new StringBuilder();
    for (FieldError error : errors) {
      if (text.length() > 0) {
        text.append("; ");
      }
      text.append(error.field()).append(": ").append(error.message());
    }
    return text.toString();
  }
}
