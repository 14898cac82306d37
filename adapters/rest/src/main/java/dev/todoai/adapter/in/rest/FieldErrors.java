package dev.todoai.adapter.in.rest;

import dev.todoai.domain.shared.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Collects the errors of one request so that a client learns about every bad field at once. */
final class FieldErrors {
  private final List<FieldError> errors = new ArrayList<>();

  void add(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  /** Runs a value-object constructor; on {@link InvalidValueException} records it, returns null. */
  <T> T attempt(Supplier<T> construction) {
    try {
      return construction.get();
    } catch (InvalidValueException e) {
      add(e.field(), e.getMessage());
      return null;
    }
  }

  int size() {
    return errors.size();
  }

  boolean isEmpty() {
    return errors.isEmpty();
  }

  boolean has(String field) {
    return errors.stream().anyMatch(e -> e.field().equals(field));
  }

  void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new RequestValidationException(errors);
    }
  }
}
