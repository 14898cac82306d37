package dev.todoai.application.port.out;

import dev.todoai.domain.shared.InvalidValueException;
import dev.todoai.domain.task.Due;
import dev.todoai.domain.task.RecurrenceRule;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Expands RFC 5545 recurrence rules. A series starts at {@code start} (its DTSTART): a timed due
 * expands as wall-clock time in {@code zone} (09:00 stays 09:00 across daylight-saving changes; a
 * wall time that does not exist that day moves forward by the gap; a repeated wall time takes the
 * earlier instant), an all-day due expands as dates. The start itself is the first instance, as RFC
 * 5545 says, even when it does not match the rule's BY parts.
 */
public interface RecurrencePort {

  /** An instance of a series and its 1-based position in it (what COUNT counts). */
  record Occurrence(Due due, int index) {}

  /**
   * Checks that the rule can be expanded from {@code start}: it must have an instance after the
   * start, found within {@link #MAX_ITERATIONS} steps, unless COUNT=1 or UNTIL ends the series at
   * the start.
   *
   * @throws InvalidValueException with field {@code recurrence_rule} otherwise
   */
  void validate(RecurrenceRule rule, Due start, ZoneId zone);

  /**
   * The first instance of the series strictly after {@code after} — an instant for a timed series,
   * a date for an all-day series ({@code after} must be of the same kind as {@code start}). Empty
   * when COUNT or UNTIL has ended the series before that.
   */
  Optional<Occurrence> firstAfter(RecurrenceRule rule, Due start, ZoneId zone, Due after);

  /** A short English summary, e.g. "Every 2 weeks on Monday and Wednesday, 5 times". */
  String describe(RecurrenceRule rule, Due start, ZoneId zone);

  int MAX_ITERATIONS = 1000;
}
