package dev.todoai.application.fakes;

import dev.todoai.application.port.out.RecurrencePort;
import dev.todoai.domain.shared.InvalidValueException;
import dev.todoai.domain.task.Due;
import dev.todoai.domain.task.RecurrenceRule;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A small stand-in for the lib-recur adapter in use-case tests: FREQ=DAILY or WEEKLY with INTERVAL
 * and COUNT, expanded in wall-clock time. Rules with BYMONTH=2;BYMONTHDAY=30 have no occurrence.
 */
public final class SimpleRecurrence implements RecurrencePort {

  @Override
  public void validate(RecurrenceRule rule, Due start, ZoneId zone) {
    if ("30".equals(rule.part("BYMONTHDAY")) && "2".equals(rule.part("BYMONTH"))) {
      throw new InvalidValueException("recurrence_rule", "has no occurrence after the start");
    }
  }

  @Override
  public Optional<Occurrence> firstAfter(RecurrenceRule rule, Due start, ZoneId zone, Due after) {
    int interval = rule.part("INTERVAL") == null ? 1 : Integer.parseInt(rule.part("INTERVAL"));
    Period step =
        "WEEKLY".equals(rule.part("FREQ")) ? Period.ofWeeks(interval) : Period.ofDays(interval);
    Integer count = rule.part("COUNT") == null ? null : Integer.parseInt(rule.part("COUNT"));
    for (int index = 1; index < 100_000; index++) {
      if (count != null && index > count) {
        return Optional.empty();
      }
      Period offset = step.multipliedBy(index - 1);
      Due instance;
      boolean isAfter;
      if (start.dueAt() != null) {
        ZonedDateTime local = start.dueAt().atZone(zone);
        instance =
            new Due.At(
                ZonedDateTime.ofLocal(local.toLocalDateTime().plus(offset), zone, null)
                    .toInstant());
        isAfter = instance.dueAt().isAfter(after.dueAt());
      } else {
        instance = new Due.OnDate(start.dueDate().plus(offset));
        isAfter = instance.dueDate().isAfter(after.dueDate());
      }
      if (isAfter) {
        return Optional.of(new Occurrence(instance, index));
      }
    }
    throw new IllegalStateException("too many instances");
  }

  @Override
  public String describe(RecurrenceRule rule, Due start, ZoneId zone) {
    return "Every " + rule.part("FREQ").toLowerCase(java.util.Locale.ROOT);
  }
}
