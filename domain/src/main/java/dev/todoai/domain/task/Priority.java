package dev.todoai.domain.task;

import dev.todoai.domain.shared.InvalidValueException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Priority of a task; {@link #rank()} orders urgent > high > medium > low > none. */
public enum Priority {
  NONE(0),
  LOW(1),
  MEDIUM(2),
  HIGH(3),
  URGENT(4);

  private final int rank;

  Priority(int rank) {
    this.rank = rank;
  }

  public int rank() {
    return rank;
  }

  /** The API name, e.g. {@code "urgent"}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Priority fromApiName(String field, String text) {
    if (text != null) {
      for (Priority p : values()) {
        if (p.apiName().equals(text)) {
          return p;
        }
      }
    }
    throw new InvalidValueException(field, "must be one of " + allowed());
  }

  public static Priority fromRank(int rank) {
    for (Priority p : values()) {
      if (p.rank == rank) {
        return p;
      }
    }
    throw new IllegalArgumentException("no priority with rank " + rank);
  }

  public static String allowed() {
    return Arrays.stream(values()).map(Priority::apiName).collect(Collectors.joining(", "));
  }
}
