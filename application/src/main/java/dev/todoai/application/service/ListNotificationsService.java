package dev.todoai.application.service;

import dev.todoai.application.port.in.ListNotificationsQuery;
import dev.todoai.application.port.out.NotificationStorePort;
import dev.todoai.domain.notification.Notification;
import dev.todoai.domain.shared.UserId;
import java.util.List;

/** Lists notifications. */
public final class ListNotificationsService implements ListNotificationsQuery {
  private final NotificationStorePort store;

  public ListNotificationsService(NotificationStorePort store) {
    this.store = store;
  }

  @Override
  public List<Notification> list(UserId owner, boolean unreadOnly, int limit) {
    return store.list(owner, unreadOnly, limit);
  }
}
