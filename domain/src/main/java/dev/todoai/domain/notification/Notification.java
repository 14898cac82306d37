package dev.todoai.domain.notification;

import dev.todoai.domain.shared.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * Something the user is told about: a reminder that fired, or one that was missed while the service
 * was down. One per reminder.
 */
public record Notification(
    long id,
    UserId userId,
    long reminderId,
    long taskId,
    Kind kind,
    String title,
    String body,
    Instant createdAt,
    Instant readAt) {

  /** Why the user is notified. */
  public enum Kind {
    REMINDER,
    MISSED_REMINDER
  }

  public Notification {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public boolean unread() {
    return readAt == null;
  }
}
