package dev.todoai.adapter.out.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * PostgreSQL keeps microseconds and rounds finer instants; truncating (not rounding) before writing
 * or comparing keeps Java and SQL comparisons alike.
 */
final class Micros {
  private Micros() {}

  static Instant of(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
  }
}
