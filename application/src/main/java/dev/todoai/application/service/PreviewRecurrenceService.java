package dev.todoai.application.service;

import dev.todoai.application.port.in.PreviewRecurrenceQuery;
import dev.todoai.application.port.out.RecurrencePort;
import dev.todoai.application.port.out.RecurrencePort.Occurrence;
import dev.todoai.domain.task.Due;
import dev.todoai.domain.task.RecurrenceRule;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Expands a rule from a start through the recurrence adapter, as completing would. */
public final class PreviewRecurrenceService implements PreviewRecurrenceQuery {
  private final RecurrencePort recurrence;

  public PreviewRecurrenceService(RecurrencePort recurrence) {
    this.recurrence = recurrence;
  }

  @Override
  public RecurrencePreview preview(RecurrenceRule rule, Due start, ZoneId zone, int count) {
    if (count < 1 || count > MAX_COUNT) {
      throw new IllegalArgumentException("count must be 1 to " + MAX_COUNT);
    }
    recurrence.validate(rule, start, zone);
    List<Due> next = new ArrayList<>();
    Due after = start;
    for (int i = 0; i < count; i++) {
      Optional<Occurrence> occurrence = recurrence.firstAfter(rule, start, zone, after);
      if (occurrence.isEmpty()) {
        break;
      }
      after = occurrence.get().due();
      next.add(after);
    }
    return new RecurrencePreview(recurrence.describe(rule, start, zone), List.copyOf(next));
  }
}
