package dev.todoai.domain.task;

import dev.todoai.domain.shared.InvalidValueException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * When a task is due: nothing, an exact instant ({@code due_at}) or a whole day ({@code due_date}).
 */
public sealed interface Due permits Due.None, Due.At, Due.OnDate {

  None NONE = new None();

  static Due of(Instant dueAt, LocalDate dueDate) {
    if (dueAt != null && dueDate != null) {
      throw new InvalidValueException("due_date", "a task has either due_at or due_date, not both");
    }
    if (dueAt != null) {
      return new At(dueAt);
    }
    if (dueDate != null) {
      return new OnDate(dueDate);
    }
    return NONE;
  }

  /** The instant used to sort and to compare with instants: the start of the day for a date. */
  Instant sortInstant(ZoneId zone);

  /** The instant from which an open task with this due is overdue. */
  Instant overdueFrom(ZoneId zone);

  /** The calendar day of the due in the task's zone. */
  LocalDate localDate(ZoneId zone);

  default boolean isPresent() {
    return !(this instanceof None);
  }

  default Instant dueAt() {
    return this instanceof At at ? at.instant() : null;
  }

  default LocalDate dueDate() {
    return this instanceof OnDate on ? on.date() : null;
  }

  /** No due. */
  record None() implements Due {
    @Override
    public Instant sortInstant(ZoneId zone) {
      return null;
    }

    @Override
    public Instant overdueFrom(ZoneId zone) {
      return null;
    }

    @Override
    public LocalDate localDate(ZoneId zone) {
      return null;
    }
  }

  /** Due at an exact instant. */
  record At(Instant instant) implements Due {
    public At {
      Objects.requireNonNull(instant, "instant");
      instant = instant.truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public Instant sortInstant(ZoneId zone) {
      return instant;
    }

    @Override
    public Instant overdueFrom(ZoneId zone) {
      return instant;
    }

    @Override
    public LocalDate localDate(ZoneId zone) {
      return instant.atZone(zone).toLocalDate();
    }
  }

  /** Due some time on a calendar day, in the task's time zone. */
  record OnDate(LocalDate date) implements Due {
    public OnDate {
      Objects.requireNonNull(date, "date");
    }

    @Override
    public Instant sortInstant(ZoneId zone) {
      return date.atStartOfDay(zone).toInstant();
    }

    @Override
    public Instant overdueFrom(ZoneId zone) {
      return date.plusDays(1).atStartOfDay(zone).toInstant();
    }

    @Override
    public LocalDate localDate(ZoneId zone) {
      return date;
    }
  }
}
