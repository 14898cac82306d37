package dev.todoai.adapter.in.rest;

import dev.todoai.application.port.in.DescribeRecurrenceQuery;
import dev.todoai.domain.task.Task;
import jakarta.inject.Singleton;

/** Describes a rule by echoing it, so tests can see that recurrence_text is filled in. */
@Singleton
final class FakeRecurrenceText implements DescribeRecurrenceQuery {
  @Override
  public String describe(Task task) {
    return task.isRecurring() ? "Repeats " + task.details().recurrenceRule().text() : null;
  }
}
