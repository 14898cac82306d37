package dev.todoai.application.port.in;

import dev.todoai.domain.notification.Notification;
import dev.todoai.domain.shared.UserId;
import java.util.List;

/** The user's notifications, newest first. */
public interface ListNotificationsQuery {
  List<Notification> list(UserId owner, boolean unreadOnly, int limit);
}
