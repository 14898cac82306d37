package dev.todoai.adapter.in.rest;

import java.util.List;

/**
 * A request that cannot be turned into a command; rendered as a 400 problem listing every error.
 */
final class RequestValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<FieldError> errors;

  RequestValidationException(List<FieldError> errors) {
    super(summary(errors), null, false, false);
    this.errors = List.copyOf(errors);
  }

  static RequestValidationException of(String field, String message) {
    return new RequestValidationException(List.of(new FieldError(field, message)));
  }

  List<FieldError> errors() {
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
