package dev.todoai.application.tools;

import dev.todoai.domain.shared.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects the bad arguments of one tool call, so that a caller learns about all of them at once.
 */
final class ToolErrors {
  private final List<String> messages = new ArrayList<>();
  private final List<String> fields = new ArrayList<>();

  void add(String field, String message) {
    fields.add(field);
    messages.add(field + ": " + message);
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

  boolean isEmpty() {
    return messages.isEmpty();
  }

  int size() {
    return messages.size();
  }

  boolean has(String field) {
    return fields.contains(field);
  }

  void throwIfAny() {
    if (!messages.isEmpty()) {
      throw new BadToolArguments(String.join("; ", messages));
    }
  }

  /** The arguments of a tool call are unusable; the message names every bad one. */
  static final class BadToolArguments extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadToolArguments(String message) {
      super(message);
    }

    static BadToolArguments of(String field, String message) {
      return new BadToolArguments(field + ": " + message);
    }
  }
}
