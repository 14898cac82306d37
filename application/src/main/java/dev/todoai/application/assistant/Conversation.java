package dev.todoai.application.assistant;

import dev.todoai.domain.shared.UserId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A stored conversation of one user with the assistant.
 *
 * @param zone the time zone its messages are read in (the last one the user gave, else UTC)
 * @param messages oldest first
 */
public record Conversation(
    long id,
    UserId owner,
    String title,
    ZoneId zone,
    Instant createdAt,
    Instant updatedAt,
    List<ChatMessage> messages) {
  public Conversation {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(zone, "zone");
    messages = messages == null ? List.of() : List.copyOf(messages);
  }
}
