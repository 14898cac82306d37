package dev.todoai.domain.audit;

import dev.todoai.domain.shared.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One recorded task event. {@code snapshot} is the task document exactly as the event carried it
 * (JSON text), so the trail shows what the task looked like then, whatever the schema is now.
 */
public record AuditEntry(
    UUID eventId,
    String eventType,
    UserId userId,
    long taskId,
    Instant occurredAt,
    String snapshot,
    List<String> changedFields) {

  public AuditEntry {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(snapshot, "snapshot");
    changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
  }
}
