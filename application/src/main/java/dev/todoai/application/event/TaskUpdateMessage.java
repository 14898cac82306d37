package dev.todoai.application.event;

import dev.todoai.domain.shared.UserId;
import java.time.Instant;
import java.util.UUID;

/** A decoded {@code TaskUpdateEvent} (topic {@code task-updates}); {@code json} as it was sent. */
public record TaskUpdateMessage(
    UUID eventId, String eventType, UserId userId, long taskId, Instant occurredAt, String json) {}
