package dev.todoai.domain.task;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Something that happened to a task. {@code task} is the snapshot after the change (for {@code
 * deleted}, the last one); {@code changedFields} names the edited fields of an {@code updated}.
 */
public record TaskEvent(
    UUID eventId, TaskEventType type, Instant occurredAt, Task task, Set<String> changedFields) {

  public TaskEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(task, "task");
    changedFields = changedFields == null ? Set.of() : Set.copyOf(changedFields);
  }

  static TaskEvent of(TaskEventType type, Instant at, Task task, Set<String> changedFields) {
    return new TaskEvent(UUID.randomUUID(), type, at, task, changedFields);
  }
}
