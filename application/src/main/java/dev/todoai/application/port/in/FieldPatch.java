package dev.todoai.application.port.in;

import java.util.Objects;

/**
 * One field of a partial change: left as it is ({@link Absent}), cleared to its default ({@link
 * Cleared}) or set to a value ({@link Set}).
 */
public sealed interface FieldPatch<T>
    permits FieldPatch.Absent, FieldPatch.Cleared, FieldPatch.Set {

  @SuppressWarnings("unchecked")
  static <T> FieldPatch<T> absent() {
    return (FieldPatch<T>) Absent.INSTANCE;
  }

  @SuppressWarnings("unchecked")
  static <T> FieldPatch<T> cleared() {
    return (FieldPatch<T>) Cleared.INSTANCE;
  }

  static <T> FieldPatch<T> set(T value) {
    return new Set<>(value);
  }

  /** Cleared for null, else set. */
  static <T> FieldPatch<T> of(T valueOrNull) {
    return valueOrNull == null ? cleared() : set(valueOrNull);
  }

  /** Whether the change names this field (to clear or to set it). */
  default boolean isNamed() {
    return !(this instanceof Absent);
  }

  /** The field after the change: {@code current} when absent, null when cleared. */
  default T applyTo(T current) {
    if (this instanceof Set<T> set) {
      return set.value();
    }
    return this instanceof Cleared ? null : current;
  }

  /** The field is not part of the change. */
  @SuppressWarnings("rawtypes")
  final class Absent implements FieldPatch {
    private static final Absent INSTANCE = new Absent();

    private Absent() {}

    @Override
    public String toString() {
      return "absent";
    }
  }

  /** The field goes back to its default (no value). */
  @SuppressWarnings("rawtypes")
  final class Cleared implements FieldPatch {
    private static final Cleared INSTANCE = new Cleared();

    private Cleared() {}

    @Override
    public String toString() {
      return "cleared";
    }
  }

  /** The field takes {@code value}. */
  record Set<T>(T value) implements FieldPatch<T> {
    public Set {
      Objects.requireNonNull(value, "value");
    }
  }
}
