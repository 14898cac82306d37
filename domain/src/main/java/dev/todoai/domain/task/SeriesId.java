package dev.todoai.domain.task;

import java.util.Objects;
import java.util.UUID;

/** Identifies the series that the occurrences of one recurring task belong to. */
public record SeriesId(UUID value) {
  public SeriesId {
    Objects.requireNonNull(value, "value");
  }

  public static SeriesId random() {
    return new SeriesId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
