package dev.todoai.application.service;

import dev.todoai.application.port.in.NotificationNotFoundException;
import dev.todoai.application.port.in.ReadNotificationsUseCase;
import dev.todoai.application.port.out.ClockPort;
import dev.todoai.application.port.out.NotificationStorePort;
import dev.todoai.domain.shared.UserId;

/** Marks notifications read. */
public final class ReadNotificationsService implements ReadNotificationsUseCase {
  private final ClockPort clock;
  private final NotificationStorePort store;

  public ReadNotificationsService(ClockPort clock, NotificationStorePort store) {
    this.clock = clock;
    this.store = store;
  }

  @Override
  public void markRead(UserId owner, long notificationId) {
    if (!store.markRead(owner, notificationId, clock.now())) {
      throw new NotificationNotFoundException("no notification with id " + notificationId);
    }
  }

  @Override
  public int markAllRead(UserId owner) {
    return store.markAllRead(owner, clock.now());
  }
}
