package dev.todoai.application.service;

import dev.todoai.application.event.NextOccurrenceRequest;
import dev.todoai.application.port.out.RecurrencePort;
import dev.todoai.application.port.out.RecurrencePort.Occurrence;
import dev.todoai.domain.task.Due;
import dev.todoai.domain.task.RecurrenceAnchor;
import dev.todoai.domain.task.RecurrenceRule;
import dev.todoai.domain.task.Task;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When a completed occurrence's successor is due.
 *
 * <ul>
 *   <li>anchor {@code due}: the first instance of the rule, expanded from the series start,
 *       strictly after max(this occurrence's due, the completion) — missed instances are skipped
 *       but still count towards COUNT;
 *   <li>anchor {@code completion}: the first instance strictly after a new start — the completion
 *       date at the original due's local time of day (for all-day dues, the date); COUNT limits the
 *       occurrences of the series and UNTIL bounds the due.
 * </ul>
 *
 * All-day series compare dates: the completion instant first becomes its date in the task's zone.
 */
public final class NextOccurrences {
  private final RecurrencePort recurrence;

  public NextOccurrences(RecurrencePort recurrence) {
    this.recurrence = recurrence;
  }

  public Optional<NextOccurrenceRequest> after(Task task, Instant completedAt) {
    if (!task.isRecurring() || task.occurrence() == null) {
      return Optional.empty();
    }
    RecurrenceRule rule = task.details().recurrenceRule();
    ZoneId zone = task.details().timeZone().zone();
    Due due = task.details().due();
    Task.Occurrence place = task.occurrence();
    if (task.details().recurrenceAnchor() == RecurrenceAnchor.DUE) {
      Due after = later(due, completedAt, zone);
      return recurrence
          .firstAfter(rule, place.seriesStart(), zone, after)
          .map(o -> request(task, o.due(), o.index(), place.seriesStart()));
    }
    Due newStart = startOnCompletionDay(due, completedAt, zone);
    Optional<Occurrence> next = recurrence.firstAfter(rule, newStart, zone, newStart);
    int index = place.index() + 1;
    String count = rule.part("COUNT");
    if (next.isEmpty() || (count != null && index > Integer.parseInt(count))) {
      return Optional.empty();
    }
    return Optional.of(request(task, next.get().due(), index, newStart));
  }

  private static NextOccurrenceRequest request(Task task, Due next, int index, Due start) {
    return new NextOccurrenceRequest(task.userId(), task.id(), next, index, start);
  }

  /** max(due, completion), as an instant for a timed series and a date for an all-day one. */
  private static Due later(Due due, Instant completedAt, ZoneId zone) {
    if (due.dueAt() != null) {
      return new Due.At(due.dueAt().isAfter(completedAt) ? due.dueAt() : completedAt);
    }
    LocalDate completedOn = completedAt.atZone(zone).toLocalDate();
    LocalDate dueOn = due.dueDate();
    return new Due.OnDate(dueOn.isAfter(completedOn) ? dueOn : completedOn);
  }

  private static Due startOnCompletionDay(Due due, Instant completedAt, ZoneId zone) {
    LocalDate completedOn = completedAt.atZone(zone).toLocalDate();
    if (due.dueAt() == null) {
      return new Due.OnDate(completedOn);
    }
    ZonedDateTime original = due.dueAt().atZone(zone);
    return new Due.At(
        ZonedDateTime.ofLocal(completedOn.atTime(original.toLocalTime()), zone, null).toInstant());
  }
}
