package dev.todoai.application.service;

import dev.todoai.application.port.out.RecurrencePort;
import dev.todoai.domain.task.TaskDetails;

/** Rejects a rule that cannot be expanded from the task's due (no occurrence, too sparse). */
final class RecurrenceValidation {
  private RecurrenceValidation() {}

  static void check(RecurrencePort recurrence, TaskDetails details) {
    if (details.isRecurring()) {
      recurrence.validate(details.recurrenceRule(), details.due(), details.timeZone().zone());
    }
  }
}
