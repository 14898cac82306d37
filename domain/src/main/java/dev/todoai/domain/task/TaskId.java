package dev.todoai.domain.task;

import dev.todoai.domain.shared.InvalidValueException;

/** Identifier of a task, assigned from a database sequence before the task is created. */
public record TaskId(long value) {
  public TaskId {
    if (value <= 0) {
      throw new InvalidValueException("id", "must be a positive number");
    }
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
