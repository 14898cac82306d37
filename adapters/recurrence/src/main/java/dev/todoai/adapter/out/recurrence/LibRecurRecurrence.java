package dev.todoai.adapter.out.recurrence;

import dev.todoai.application.port.out.RecurrencePort;
import dev.todoai.domain.task.Due;
import dev.todoai.domain.task.RecurrenceRule;
import jakarta.inject.Singleton;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Expands RFC 5545 rules with lib-recur as floating local time, then converts to instants in the
 * task's zone (earlier offset for a repeated wall time, forward by the gap for a missing one).
 *
 * <p>The start is always instance 1 and counts towards COUNT, matching the rule or not. Every later
 * instance has the start's wall time including its fraction of a second (lib-recur works in whole
 * seconds). UNTIL is inclusive: a date compares local dates; a UTC date-time compares instants, or,
 * for an all-day series, ends the series on the day on which it falls in the zone; a floating
 * date-time (not RFC 5545 for a zoned start) compares wall times. Rules that RFC 5545 forbids
 * (BYMONTHDAY in WEEKLY, BYWEEKNO outside YEARLY, ...) are rejected, as lib-recur's strict mode
 * does.
 */
@Singleton
final class LibRecurRecurrence implements RecurrencePort {

  /** How many instances {@link #firstAfter} walks at most before it gives up. */
  static final int MAX_INSTANCES = 200_000;

  @Override
  public void validate(RecurrenceRule rule, Due start, ZoneId zone) {
    Series.Cursor cursor = Series.of(rule, start, zone).cursor();
    cursor.next();
    cursor.next();
    if (cursor.steps() > MAX_ITERATIONS) {
      throw RecurrenceRule.invalid(
          "has no instance after the start within " + MAX_ITERATIONS + " steps");
    }
  }

  @Override
  public Optional<Occurrence> firstAfter(RecurrenceRule rule, Due start, ZoneId zone, Due after) {
    Series series = Series.of(rule, start, zone);
    if (after == null || (series.allDay() ? after.dueDate() == null : after.dueAt() == null)) {
      throw new IllegalArgumentException(
          "after must be a " + (series.allDay() ? "date" : "instant") + " like the start");
    }
    Series.Cursor cursor = series.cursor();
    for (int walked = 0; walked < MAX_INSTANCES; walked++) {
      Occurrence next = cursor.next();
      if (next == null) {
        return Optional.empty();
      }
      if (isAfter(next.due(), after)) {
        return Optional.of(next);
      }
    }
    throw new IllegalStateException(
        "no instance after " + after + " within the first " + MAX_INSTANCES + " instances");
  }

  @Override
  public String describe(RecurrenceRule rule, Due start, ZoneId zone) {
    return RuleDescription.of(rule, start, zone);
  }

  private static boolean isAfter(Due instance, Due after) {
    return instance instanceof Due.OnDate on
        ? on.date().isAfter(after.dueDate())
        : instance.dueAt().isAfter(after.dueAt());
  }
}
