package dev.todoai.application.port.out;

import dev.todoai.domain.notification.Notification;
import dev.todoai.domain.shared.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores notifications; there is at most one per reminder. */
public interface NotificationStorePort {
  /** Inserts the notification; empty when the reminder has one already. Returns the stored one. */
  Optional<Notification> insert(Notification notification);

  /** The user's notifications, newest first. */
  List<Notification> list(UserId owner, boolean unreadOnly, int limit);

  /** Marks one notification read; false when the user has no such notification. */
  boolean markRead(UserId owner, long id, Instant at);

  /** Marks every unread notification of the user read; returns how many. */
  int markAllRead(UserId owner, Instant at);
}
