package dev.todoai.adapter.contract;

import dev.todoai.domain.shared.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Collects the errors of one request so that a client learns about every bad field at once. */
public final class FieldErrors {
  private final List<FieldError> errors = new ArrayList<>();

  public void add(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  /** Runs a value-object constructor; on {@link InvalidValueException} records it, returns null. */
  public <T> T attempt(Supplier<T> construction) {
    return attempt("", construction);
  }

  /** Like {@link #attempt(Supplier)}, with {@code prefix} before the field the error names. */
  public <T> T attempt(String prefix, Supplier<T> construction) {
    try {
      return construction.get();
    } catch (InvalidValueException e) {
      add(prefix + e.field(), e.getMessage());
      return null;
    }
  }

  public int size() {
    return errors.size();
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  public boolean has(String field) {
    return errors.stream().anyMatch(e -> e.field().equals(field));
  }

  /** Whether any error names {@code prefix} or a field below it ({@code reminders[0].}). */
  public boolean hasUnder(String prefix) {
    return errors.stream().anyMatch(e -> e.field().startsWith(prefix));
  }

  public List<FieldError> list() {
    return List.copyOf(errors);
  }

  /**
   * @throws InvalidInputException listing every error, when there is any
   */
  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }
}
