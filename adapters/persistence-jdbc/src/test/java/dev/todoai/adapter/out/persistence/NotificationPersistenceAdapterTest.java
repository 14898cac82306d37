package dev.todoai.adapter.out.persistence;

import static dev.todoai.adapter.out.persistence.testsupport.NotificationTestData.aNotification;
import static dev.todoai.adapter.out.persistence.testsupport.ReminderTestData.aReminder;
import static dev.todoai.adapter.out.persistence.testsupport.TaskTestData.T0;
import static dev.todoai.adapter.out.persistence.testsupport.TaskTestData.aTask;
import static dev.todoai.adapter.out.persistence.testsupport.TaskTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todoai.adapter.out.persistence.testsupport.NotificationTestData;
import dev.todoai.adapter.out.persistence.testsupport.TestDatabase;
import dev.todoai.application.port.out.NotificationStorePort;
import dev.todoai.application.port.out.ReminderStorePort;
import dev.todoai.application.port.out.SaveTaskPort;
import dev.todoai.application.port.out.TransactionPort;
import dev.todoai.domain.notification.Notification;
import dev.todoai.domain.reminder.Reminder;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Task;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationPersistenceAdapterTest implements TestPropertyProvider {
  @Inject NotificationStorePort notifications;
  @Inject ReminderStorePort reminders;
  @Inject SaveTaskPort saveTask;
  @Inject TransactionPort transactions;

  @Override
  public Map<String, String> getProperties() {
    return TestDatabase.properties();
  }

  private Notification store(NotificationTestData data) {
    return notifications.insert(data.build()).orElseThrow();
  }

  private static Notification readAt(Notification n, Instant at) {
    return new Notification(
        n.id(),
        n.userId(),
        n.reminderId(),
        n.taskId(),
        n.kind(),
        n.title(),
        n.body(),
        n.createdAt(),
        at);
  }

  @Test
  void insertReturnsTheStoredNotificationWithItsGeneratedId() {
    UserId owner = aUser();
    Notification fresh =
        aNotification()
            .owner(owner)
            .taskId(42)
            .kind(Notification.Kind.MISSED_REMINDER)
            .title("Call mum")
            .body("Missed while the service was down")
            .createdAt(Instant.parse("2030-01-01T10:00:00.123456789Z"))
            .build();

    Notification stored = notifications.insert(fresh).orElseThrow();

    assertThat(stored.id()).isPositive();
    assertThat(stored)
        .isEqualTo(
            new Notification(
                stored.id(),
                owner,
                fresh.reminderId(),
                42,
                Notification.Kind.MISSED_REMINDER,
                "Call mum",
                "Missed while the service was down",
                Instant.parse("2030-01-01T10:00:00.123456Z"),
                null));
    assertThat(notifications.list(owner, false, 10)).containsExactly(stored);
  }

  @Test
  void secondInsertForTheSameReminderIsEmptyAndKeepsTheFirst() {
    UserId owner = aUser();
    Notification first = store(aNotification().owner(owner).title("first"));

    Optional<Notification> second =
        notifications.insert(
            aNotification()
                .owner(owner)
                .reminderId(first.reminderId())
                .kind(Notification.Kind.MISSED_REMINDER)
                .title("second")
                .build());

    assertThat(second).isEmpty();
    assertThat(notifications.list(owner, false, 10)).containsExactly(first);
  }

  @Test
  void concurrentInsertsForOneReminderStoreOneNotification() throws Exception {
    UserId owner = aUser();
    Notification notification = aNotification().owner(owner).build();
    CountDownLatch inserted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);

    CompletableFuture<Optional<Notification>> first =
        CompletableFuture.supplyAsync(
            () ->
                transactions.inTransaction(
                    () -> {
                      Optional<Notification> stored = notifications.insert(notification);
                      inserted.countDown();
                      await(release);
                      return stored;
                    }));
    await(inserted);
    CompletableFuture<Optional<Notification>> second =
        CompletableFuture.supplyAsync(
            () -> transactions.inTransaction(() -> notifications.insert(notification)));

    // The second waits on the first's uncommitted row instead of inserting a duplicate.
    assertThatThrownBy(() -> second.get(300, TimeUnit.MILLISECONDS))
        .isInstanceOf(TimeoutException.class);

    release.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS)).isPresent();
    assertThat(second.get(10, TimeUnit.SECONDS)).isEmpty();
    assertThat(notifications.list(owner, false, 10)).hasSize(1);
  }

  @Test
  void aRolledBackInsertLeavesTheReminderFreeForTheNextOne() {
    UserId owner = aUser();
    Notification notification = aNotification().owner(owner).build();

    assertThatThrownBy(
            () ->
                transactions.inTransaction(
                    () -> {
                      notifications.insert(notification);
                      throw new IllegalStateException("delivery failed");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(notifications.insert(notification)).isPresent();
  }

  @Test
  void notificationOutlivesItsReminderAndTask() {
    UserId owner = aUser();
    Task task = aTask().owner(owner).id(saveTask.nextId()).build();
    saveTask.insert(task);
    Reminder reminder = aReminder(task).id(reminders.nextReminderId()).build();
    reminders.insert(reminder);
    Notification stored =
        store(
            aNotification()
                .owner(owner)
                .reminderId(reminder.id().value())
                .taskId(task.id().value()));

    saveTask.delete(task);

    assertThat(notifications.list(owner, false, 10)).containsExactly(stored);
  }

  @Test
  void listShowsTheOwnersNotificationsNewestFirstUpToTheLimit() {
    UserId owner = aUser();
    Notification oldest = store(aNotification().owner(owner));
    Notification middle = store(aNotification().owner(owner));
    Notification newest = store(aNotification().owner(owner));
    store(aNotification().owner(aUser()));

    assertThat(notifications.list(owner, false, 10)).containsExactly(newest, middle, oldest);
    assertThat(notifications.list(owner, false, 2)).containsExactly(newest, middle);
  }

  @Test
  void listOfUnreadOnlyLeavesOutReadNotifications() {
    UserId owner = aUser();
    Notification unread = store(aNotification().owner(owner));
    Notification read = store(aNotification().owner(owner));
    notifications.markRead(owner, read.id(), T0.plusSeconds(5));

    assertThat(notifications.list(owner, true, 10)).containsExactly(unread);
    assertThat(notifications.list(owner, false, 10))
        .containsExactly(readAt(read, T0.plusSeconds(5)), unread);
  }

  @Test
  void listShowsNothingOfAnotherUser() {
    store(aNotification().owner(aUser()));

    assertThat(notifications.list(aUser(), false, 10)).isEmpty();
    assertThat(notifications.list(aUser(), true, 10)).isEmpty();
  }

  @Test
  void markReadSetsReadAtAndReturnsTrue() {
    UserId owner = aUser();
    Notification n = store(aNotification().owner(owner));

    assertThat(notifications.markRead(owner, n.id(), T0.plusSeconds(9))).isTrue();

    assertThat(notifications.list(owner, false, 10)).containsExactly(readAt(n, T0.plusSeconds(9)));
  }

  @Test
  void markReadOfAReadNotificationKeepsTheFirstReadAtAndReturnsTrue() {
    UserId owner = aUser();
    Notification n = store(aNotification().owner(owner));
    notifications.markRead(owner, n.id(), T0.plusSeconds(9));

    assertThat(notifications.markRead(owner, n.id(), T0.plusSeconds(99))).isTrue();

    assertThat(notifications.list(owner, false, 10)).containsExactly(readAt(n, T0.plusSeconds(9)));
  }

  @Test
  void markReadOfAnotherUsersNotificationReturnsFalseAndLeavesItUnread() {
    UserId owner = aUser();
    Notification n = store(aNotification().owner(owner));

    assertThat(notifications.markRead(aUser(), n.id(), T0)).isFalse();

    assertThat(notifications.list(owner, true, 10)).containsExactly(n);
  }

  @Test
  void markReadOfAnUnknownIdReturnsFalse() {
    assertThat(notifications.markRead(aUser(), Long.MAX_VALUE, T0)).isFalse();
  }

  @Test
  void markAllReadCountsAndMarksOnlyTheOwnersUnreadNotifications() {
    UserId owner = aUser();
    Notification alreadyRead = store(aNotification().owner(owner));
    notifications.markRead(owner, alreadyRead.id(), T0.plusSeconds(1));
    Notification a = store(aNotification().owner(owner));
    Notification b = store(aNotification().owner(owner));
    UserId stranger = aUser();
    Notification theirs = store(aNotification().owner(stranger));

    assertThat(notifications.markAllRead(owner, T0.plusSeconds(60))).isEqualTo(2);

    assertThat(notifications.list(owner, false, 10))
        .containsExactly(
            readAt(b, T0.plusSeconds(60)),
            readAt(a, T0.plusSeconds(60)),
            readAt(alreadyRead, T0.plusSeconds(1)));
    assertThat(notifications.list(stranger, true, 10)).containsExactly(theirs);
    assertThat(notifications.markAllRead(owner, T0.plusSeconds(61))).isZero();
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
