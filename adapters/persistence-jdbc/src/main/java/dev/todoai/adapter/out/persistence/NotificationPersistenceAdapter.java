package dev.todoai.adapter.out.persistence;

import dev.todoai.adapter.out.persistence.NotificationRows.NotificationRow;
import dev.todoai.application.port.out.NotificationStorePort;
import dev.todoai.domain.notification.Notification;
import dev.todoai.domain.shared.UserId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Notifications in the {@code notifications} table, unique per reminder. Every statement but the
 * insert is scoped to the owner's rows.
 */
@Singleton
final class NotificationPersistenceAdapter implements NotificationStorePort {
  private final NotificationRows rows;

  NotificationPersistenceAdapter(NotificationRows rows) {
    this.rows = rows;
  }

  @Override
  public Optional<Notification> insert(Notification n) {
    int inserted =
        rows.insertUnlessNotified(
            n.userId().value(),
            n.reminderId(),
            n.taskId(),
            StoredNames.of(n.kind()),
            n.title(),
            n.body(),
            Micros.of(n.createdAt()),
            Micros.of(n.readAt()));
    if (inserted == 0) {
      return Optional.empty();
    }
    return rows.findByReminderId(n.reminderId()).map(NotificationPersistenceAdapter::notification);
  }

  @Override
  public List<Notification> list(UserId owner, boolean unreadOnly, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative");
    }
    List<NotificationRow> found =
        unreadOnly ? rows.newestUnread(owner.value(), limit) : rows.newest(owner.value(), limit);
    return found.stream().map(NotificationPersistenceAdapter::notification).toList();
  }

  @Override
  public boolean markRead(UserId owner, long id, Instant at) {
    return rows.markRead(id, owner.value(), Micros.of(at)) == 1;
  }

  @Override
  public int markAllRead(UserId owner, Instant at) {
    return rows.markAllRead(owner.value(), Micros.of(at));
  }

  private static Notification notification(NotificationRow row) {
    return new Notification(
        row.id(),
        new UserId(row.userId()),
        row.reminderId(),
        row.taskId(),
        StoredNames.parse(Notification.Kind.class, row.kind()),
        row.title(),
        row.body(),
        row.createdAt(),
        row.readAt());
  }
}
