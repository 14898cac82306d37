package dev.todoai.application.port.in;

import dev.todoai.domain.shared.UserId;

/** Marks notifications read. */
public interface ReadNotificationsUseCase {
  /**
   * @throws NotificationNotFoundException when the user has no such notification
   */
  void markRead(UserId owner, long notificationId);

  /** Returns how many notifications were unread. */
  int markAllRead(UserId owner);
}
