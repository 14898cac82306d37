package dev.todoai.application.service;

import dev.todoai.application.port.in.DescribeRecurrenceQuery;
import dev.todoai.application.port.out.RecurrencePort;
import dev.todoai.domain.task.Task;

/** Describes a task's recurrence in English through the recurrence adapter. */
public final class DescribeRecurrenceService implements DescribeRecurrenceQuery {
  private final RecurrencePort recurrence;

  public DescribeRecurrenceService(RecurrencePort recurrence) {
    this.recurrence = recurrence;
  }

  @Override
  public String describe(Task task) {
    if (!task.isRecurring()) {
      return null;
    }
    return recurrence.describe(
        task.details().recurrenceRule(),
        task.occurrence() == null ? task.details().due() : task.occurrence().seriesStart(),
        task.details().timeZone().zone());
  }
}
