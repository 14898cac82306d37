package dev.todoai.application.event;

import dev.todoai.domain.shared.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A {@code ReminderEvent} (topic {@code reminders}): a reminder came due, or — {@code missed} — its
 * time passed while the service was down for longer than the catch-up window.
 */
public record ReminderMessage(
    UUID eventId,
    long reminderId,
    long taskId,
    UserId userId,
    String title,
    Instant dueAt,
    LocalDate dueDate,
    Instant remindAt,
    Instant firedAt,
    boolean missed) {}
