package dev.todoai.adapter.out.persistence.testsupport;

import static dev.todoai.adapter.out.persistence.testsupport.TaskTestData.T0;

import dev.todoai.domain.notification.Notification;
import dev.todoai.domain.shared.UserId;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds notifications to insert (id 0, unread): {@code NotificationTestData.aNotification()
 * .owner(u)}. Each builder names a reminder no other builder in this JVM names, unless told.
 */
public final class NotificationTestData {
  private static final AtomicLong REMINDERS = new AtomicLong(1_000_000);

  private UserId owner = new UserId("user-1");
  private long reminderId = REMINDERS.incrementAndGet();
  private long taskId = 1;
  private Notification.Kind kind = Notification.Kind.REMINDER;
  private String title = "Pay rent";
  private String body = "Due at 09:00";
  private Instant createdAt = T0;
  private Instant readAt;

  private NotificationTestData() {}

  public static NotificationTestData aNotification() {
    return new NotificationTestData();
  }

  public NotificationTestData owner(UserId value) {
    owner = value;
    return this;
  }

  public NotificationTestData reminderId(long value) {
    reminderId = value;
    return this;
  }

  public NotificationTestData taskId(long value) {
    taskId = value;
    return this;
  }

  public NotificationTestData kind(Notification.Kind value) {
    kind = value;
    return this;
  }

  public NotificationTestData title(String value) {
    title = value;
    return this;
  }

  public NotificationTestData body(String value) {
    body = value;
    return this;
  }

  public NotificationTestData createdAt(Instant value) {
    createdAt = value;
    return this;
  }

  public NotificationTestData readAt(Instant value) {
    readAt = value;
    return this;
  }

  public Notification build() {
    return new Notification(0, owner, reminderId, taskId, kind, title, body, createdAt, readAt);
  }
}
