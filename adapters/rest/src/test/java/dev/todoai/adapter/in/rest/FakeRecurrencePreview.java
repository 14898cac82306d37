package dev.todoai.adapter.in.rest;

import dev.todoai.application.port.in.PreviewRecurrenceQuery;
import dev.todoai.domain.task.Due;
import dev.todoai.domain.task.RecurrenceRule;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Daily steps from the start (one day per instance) and the rule echoed as text; a rule with
 * BYMONTHDAY=31;BYMONTH=2 has no instance, like the real adapter would say.
 */
@Singleton
final class FakeRecurrencePreview implements PreviewRecurrenceQuery {
  ZoneId lastZone;

  @Override
  public RecurrencePreview preview(RecurrenceRule rule, Due start, ZoneId zone, int count) {
    if ("31".equals(rule.part("BYMONTHDAY")) && "2".equals(rule.part("BYMONTH"))) {
      throw RecurrenceRule.invalid("has no occurrence after the start");
    }
    lastZone = zone;
    List<Due> next = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      next.add(
          start.dueAt() != null
              ? new Due.At(start.dueAt().plus(Duration.ofDays(i)))
              : new Due.OnDate(start.dueDate().plusDays(i)));
    }
    return new RecurrencePreview("Repeats " + rule.text(), next);
  }
}
