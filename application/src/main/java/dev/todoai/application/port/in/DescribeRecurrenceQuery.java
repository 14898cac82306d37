package dev.todoai.application.port.in;

import dev.todoai.domain.task.Task;

/** A short English summary of a task's recurrence ("Every 2 weeks on Monday"), or null. */
public interface DescribeRecurrenceQuery {
  String describe(Task task);
}
