package dev.todoai.domain.task;

import java.util.List;
import java.util.Objects;

/** The result of a command on a task: its new state and the events the command caused. */
public record TaskChange(Task task, List<TaskEvent> events) {
  public TaskChange {
    Objects.requireNonNull(task, "task");
    events = List.copyOf(events);
  }

  public boolean changed() {
    return !events.isEmpty();
  }

  static TaskChange none(Task task) {
    return new TaskChange(task, List.of());
  }
}
