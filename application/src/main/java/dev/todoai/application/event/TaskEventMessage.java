package dev.todoai.application.event;

import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskEventType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A decoded {@code TaskEvent} (topic {@code task-events}). {@code task} is the snapshot as a domain
 * object; {@code snapshotJson} the same snapshot exactly as it was sent.
 */
public record TaskEventMessage(
    UUID eventId,
    String eventType,
    Instant occurredAt,
    UserId userId,
    long taskId,
    Task task,
    String snapshotJson,
    List<String> changedFields) {

  public TaskEventMessage {
    changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
  }

  /** Whether this is an event of {@code type} (the codec spells types in lower case). */
  public boolean is(TaskEventType type) {
    return type.name().equalsIgnoreCase(eventType);
  }
}
