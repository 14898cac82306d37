package dev.todoai.adapter.in.rest;

import dev.todoai.application.port.in.ListNotificationsQuery;
import dev.todoai.application.port.in.NotificationNotFoundException;
import dev.todoai.application.port.in.ReadNotificationsUseCase;
import dev.todoai.domain.notification.Notification;
import dev.todoai.domain.shared.UserId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * In-memory stand-in for the notification use cases: newest first; remembers the last listing it
 * was asked for per user.
 */
@Singleton
final class FakeNotifications implements ListNotificationsQuery, ReadNotificationsUseCase {
  private final Map<Long, Notification> notifications = new LinkedHashMap<>();
  private final Map<UserId, Object[]> lastListings = new LinkedHashMap<>();

  synchronized void add(Notification notification) {
    notifications.put(notification.id(), notification);
  }

  synchronized Notification get(long id) {
    return notifications.get(id);
  }

  synchronized boolean lastUnreadOnly(UserId owner) {
    return (Boolean) lastListings.get(owner)[0];
  }

  synchronized int lastLimit(UserId owner) {
    return (Integer) lastListings.get(owner)[1];
  }

  @Override
  public synchronized List<Notification> list(UserId owner, boolean unreadOnly, int limit) {
    lastListings.put(owner, new Object[] {unreadOnly, limit});
    return notifications.values().stream()
        .filter(n -> n.userId().equals(owner) && (!unreadOnly || n.unread()))
        .sorted(
            Comparator.comparing(Notification::createdAt)
                .thenComparingLong(Notification::id)
                .reversed())
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized void markRead(UserId owner, long notificationId) {
    Notification notification = notifications.get(notificationId);
    if (notification == null || !notification.userId().equals(owner)) {
      throw new NotificationNotFoundException("no notification with id " + notificationId);
    }
    if (notification.unread()) {
      notifications.put(notificationId, read(notification));
    }
  }

  @Override
  public synchronized int markAllRead(UserId owner) {
    int marked = 0;
    for (Notification notification : List.copyOf(notifications.values())) {
      if (notification.userId().equals(owner) && notification.unread()) {
        notifications.put(notification.id(), read(notification));
        marked++;
      }
    }
    return marked;
  }

  private static Notification read(Notification n) {
    return new Notification(
        n.id(),
        n.userId(),
        n.reminderId(),
        n.taskId(),
        n.kind(),
        n.title(),
        n.body(),
        n.createdAt(),
        Instant.now());
  }
}
