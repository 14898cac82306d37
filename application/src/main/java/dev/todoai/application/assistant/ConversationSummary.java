package dev.todoai.application.assistant;

import java.time.Instant;

/** One conversation in a listing: its title is the start of its first user message. */
public record ConversationSummary(long id, String title, Instant createdAt, Instant updatedAt) {}
