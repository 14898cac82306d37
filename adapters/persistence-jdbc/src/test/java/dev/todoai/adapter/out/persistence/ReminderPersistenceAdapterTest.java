package dev.todoai.adapter.out.persistence;

import static dev.todoai.adapter.out.persistence.testsupport.ReminderTestData.aReminder;
import static dev.todoai.adapter.out.persistence.testsupport.TaskTestData.T0;
import static dev.todoai.adapter.out.persistence.testsupport.TaskTestData.aTask;
import static dev.todoai.adapter.out.persistence.testsupport.TaskTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todoai.adapter.out.persistence.testsupport.ReminderTestData;
import dev.todoai.adapter.out.persistence.testsupport.TaskTestData;
import dev.todoai.adapter.out.persistence.testsupport.TestDatabase;
import dev.todoai.application.port.out.ReminderStorePort;
import dev.todoai.application.port.out.SaveTaskPort;
import dev.todoai.application.port.out.TransactionPort;
import dev.todoai.domain.reminder.Reminder;
import dev.todoai.domain.reminder.ReminderId;
import dev.todoai.domain.reminder.ReminderStatus;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Task;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReminderPersistenceAdapterTest implements TestPropertyProvider {
  @Inject ReminderStorePort reminders;
  @Inject SaveTaskPort saveTask;
  @Inject TransactionPort transactions;

  @Override
  public Map<String, String> getProperties() {
    return TestDatabase.properties();
  }

  private Task storeTask(TaskTestData data) {
    Task task = data.id(saveTask.nextId()).build();
    saveTask.insert(task);
    return task;
  }

  private Task storeTask(UserId owner) {
    return storeTask(aTask().owner(owner));
  }

  private Reminder store(ReminderTestData data) {
    Reminder reminder = data.id(reminders.nextReminderId()).build();
    reminders.insert(reminder);
    return reminder;
  }

  private Reminder store(Task task, UnaryOperator<ReminderTestData> details) {
    return store(details.apply(aReminder(task)));
  }

  @Test
  void absoluteReminderRoundTripsWithEveryField() {
    Task task = storeTask(aUser());
    Reminder reminder =
        store(
            aReminder(task)
                .remindAt(Instant.parse("2030-03-01T08:15:30.123456Z"))
                .finished(ReminderStatus.SENT, Instant.parse("2030-03-01T08:15:31.5Z"))
                .createdAt(T0.plusMillis(7)));

    assertThat(reminders.forTask(task.userId(), task.id())).containsExactly(reminder);
  }

  @Test
  void relativeAllDayReminderRoundTripsWithItsOffsetAndTimeOfDay() {
    Task task = storeTask(aTask().owner(aUser()).dueOn(LocalDate.parse("2030-06-10")));
    Reminder reminder =
        store(
            aReminder(task)
                .beforeDue(Duration.parse("P1DT1H30M15S"), LocalTime.parse("07:45:30"))
                .remindAt(Instant.parse("2030-06-09T06:15:15Z")));

    Reminder loaded = reminders.forTask(task.userId(), task.id()).get(0);

    assertThat(loaded).isEqualTo(reminder);
    assertThat(loaded.beforeDue()).isEqualTo(Duration.ofSeconds(91_815));
    assertThat(loaded.timeOfDay()).isEqualTo(LocalTime.of(7, 45, 30));
  }

  @Test
  void relativeReminderWithoutTimeOfDayRoundTripsWithANullTimeOfDay() {
    Task task = storeTask(aTask().owner(aUser()).dueAt(T0.plusSeconds(86_400)));
    Reminder reminder = store(aReminder(task).beforeDue(Duration.ofMinutes(30), null));

    assertThat(reminders.forTask(task.userId(), task.id())).containsExactly(reminder);
  }

  @Test
  void offsetWithAFractionOfASecondIsRejectedRatherThanTruncated() {
    Task task = storeTask(aUser());
    Reminder reminder =
        aReminder(task)
            .id(reminders.nextReminderId())
            .beforeDue(Duration.ofMillis(1_500), null)
            .build();

    assertThatThrownBy(() -> reminders.insert(reminder))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void updateStoresRemindAtStatusSentAtAndTimeOfDay() {
    Task task = storeTask(aTask().owner(aUser()).dueOn(LocalDate.parse("2030-06-10")));
    Reminder reminder =
        store(aReminder(task).beforeDue(Duration.ofHours(1), LocalTime.parse("09:00")));
    Reminder changed =
        aReminder(task)
            .id(reminder.id())
            .beforeDue(Duration.ofHours(1), LocalTime.parse("18:30"))
            .remindAt(T0.plusSeconds(7_200))
            .finished(ReminderStatus.MISSED, T0.plusSeconds(9_000))
            .build();

    reminders.update(changed);

    assertThat(reminders.forTask(task.userId(), task.id())).containsExactly(changed);
  }

  @Test
  void deleteRemovesOnlyThatReminder() {
    Task task = storeTask(aUser());
    Reminder kept = store(task, r -> r);
    Reminder deleted = store(task, r -> r);

    reminders.delete(deleted.id());

    assertThat(reminders.forTask(task.userId(), task.id())).containsExactly(kept);
  }

  @Test
  void loadForUpdateOfAnUnknownIdIsEmpty() {
    assertThat(transactions.inTransaction(() -> reminders.loadForUpdate(new ReminderId(1L << 60))))
        .isEmpty();
  }

  @Test
  void loadForUpdateBlocksASecondLockerUntilTheFirstCommits() throws Exception {
    Task task = storeTask(aUser());
    Reminder reminder = store(task, r -> r);
    Reminder sent = reminder.markFired(T0.plusSeconds(3_600)).markDelivered();
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);

    CompletableFuture<Void> holder =
        CompletableFuture.runAsync(
            () ->
                transactions.inTransaction(
                    () -> {
                      assertThat(reminders.loadForUpdate(reminder.id())).contains(reminder);
                      reminders.update(sent);
                      locked.countDown();
                      await(release);
                      return null;
                    }));
    await(locked);
    CompletableFuture<Reminder> waiter =
        CompletableFuture.supplyAsync(
            () ->
                transactions.inTransaction(
                    () -> reminders.loadForUpdate(reminder.id()).orElseThrow()));

    assertThatThrownBy(() -> waiter.get(300, TimeUnit.MILLISECONDS))
        .isInstanceOf(TimeoutException.class);

    release.countDown();
    holder.get(10, TimeUnit.SECONDS);
    // The second locker sees the first one's committed change, not the state it waited on.
    assertThat(waiter.get(10, TimeUnit.SECONDS)).isEqualTo(sent);
  }

  @Test
  void forTaskForUpdateReturnsTheTasksRemindersInIdOrder() {
    Task task = storeTask(aUser());
    Reminder first = store(task, r -> r.remindAt(T0.plusSeconds(9_000)));
    Reminder second = store(task, r -> r.remindAt(T0.plusSeconds(60)));
    store(storeTask(aUser()), r -> r);

    assertThat(transactions.inTransaction(() -> reminders.forTaskForUpdate(task.id())))
        .containsExactly(first, second);
  }

  @Test
  void forTaskListsTheOwnersRemindersOldestFirstAndNothingToAnotherUser() {
    UserId owner = aUser();
    Task task = storeTask(owner);
    Reminder first = store(task, r -> r.remindAt(T0.plusSeconds(9_000)));
    Reminder second = store(task, r -> r.remindAt(T0.plusSeconds(60)));
    store(storeTask(owner), r -> r);
    UserId stranger = aUser();
    store(storeTask(stranger), r -> r);

    assertThat(reminders.forTask(owner, task.id())).containsExactly(first, second);
    assertThat(reminders.forTask(stranger, task.id())).isEmpty();
  }

  @Test
  void byStatusListsTheOwnersRemindersInThatStatusSoonestFirst() {
    UserId owner = aUser();
    Task task = storeTask(owner);
    Reminder late = store(task, r -> r.remindAt(T0.plusSeconds(300)));
    Reminder early = store(task, r -> r.remindAt(T0.plusSeconds(100)));
    Reminder tieAfterEarly = store(task, r -> r.remindAt(T0.plusSeconds(100)));
    store(task, r -> r.remindAt(T0.plusSeconds(50)).cancelled());
    store(storeTask(aUser()), r -> r.remindAt(T0.plusSeconds(10)));

    assertThat(reminders.byStatus(owner, ReminderStatus.SCHEDULED, 10))
        .containsExactly(early, tieAfterEarly, late);
    assertThat(reminders.byStatus(owner, ReminderStatus.SCHEDULED, 2))
        .containsExactly(early, tieAfterEarly);
  }

  @Test
  void byStatusWithoutAStatusListsEveryStatusSoonestFirst() {
    UserId owner = aUser();
    Task task = storeTask(owner);
    Reminder scheduled = store(task, r -> r.remindAt(T0.plusSeconds(300)));
    Reminder cancelled = store(task, r -> r.remindAt(T0.plusSeconds(200)).cancelled());
    Reminder missed =
        store(
            task,
            r ->
                r.remindAt(T0.plusSeconds(100)).finished(ReminderStatus.MISSED, T0.plusSeconds(1)));
    Reminder sent =
        store(
            task,
            r -> r.remindAt(T0.plusSeconds(50)).finished(ReminderStatus.SENT, T0.plusSeconds(50)));

    assertThat(reminders.byStatus(owner, null, 10))
        .containsExactly(sent, missed, cancelled, scheduled);
    assertThat(reminders.byStatus(owner, ReminderStatus.MISSED, 10)).containsExactly(missed);
  }

  @Test
  void scheduledAfterListsOnlyScheduledRemindersOfEveryUserSoonestFirst() {
    Task mine = storeTask(aUser());
    Task theirs = storeTask(aUser());
    Reminder later = store(mine, r -> r.remindAt(T0.plusSeconds(500)));
    Reminder sooner = store(theirs, r -> r.remindAt(T0.plusSeconds(400)));
    Reminder cancelled = store(mine, r -> r.remindAt(T0.plusSeconds(450)).cancelled());
    Reminder sent = store(theirs, r -> r.finished(ReminderStatus.SENT, T0.plusSeconds(3_600)));
    Set<ReminderId> ours = Set.of(later.id(), sooner.id(), cancelled.id(), sent.id());

    List<Reminder> all = reminders.scheduledAfter(null, null, null, 10_000);

    assertThat(all).allMatch(Reminder::isPending);
    assertThat(all).extracting(Reminder::remindAt).isSortedAccordingTo(Instant::compareTo);
    assertThat(all.stream().filter(r -> ours.contains(r.id()))).containsExactly(sooner, later);
  }

  @Test
  void scheduledAfterPagesByRemindAtAndIdUpToTheHorizon() {
    Task task = storeTask(aUser());
    Instant base = T0.plus(Duration.ofDays(4_000));
    Reminder first = store(task, r -> r.remindAt(base));
    Reminder sameInstant = store(task, r -> r.remindAt(base));
    Reminder second = store(task, r -> r.remindAt(base.plusSeconds(10)));
    Reminder beyond = store(task, r -> r.remindAt(base.plusSeconds(3_600)));

    List<Reminder> page1 =
        reminders.scheduledAfter(base.minusNanos(1000), new ReminderId(1), base.plusSeconds(60), 2);
    List<Reminder> page2 =
        reminders.scheduledAfter(
            page1.get(1).remindAt(), page1.get(1).id(), base.plusSeconds(60), 2);

    assertThat(page1).containsExactly(first, sameInstant);
    assertThat(page2).containsExactly(second);
    assertThat(reminders.scheduledAfter(base.plusSeconds(10), second.id(), null, 10))
        .contains(beyond)
        .doesNotContain(first, sameInstant, second);
  }

  @Test
  void deletingATaskDeletesItsReminders() {
    UserId owner = aUser();
    Task task = storeTask(owner);
    Reminder reminder = store(task, r -> r);
    Task other = storeTask(owner);
    Reminder kept = store(other, r -> r);

    saveTask.delete(task);

    assertThat(reminders.forTask(owner, task.id())).isEmpty();
    assertThat(transactions.inTransaction(() -> reminders.loadForUpdate(reminder.id()))).isEmpty();
    assertThat(reminders.forTask(owner, other.id())).containsExactly(kept);
  }

  @Test
  void nextReminderIdIsUniqueAcrossConcurrentCallers() {
    List<Long> ids =
        IntStream.range(0, 64)
            .parallel()
            .mapToObj(i -> reminders.nextReminderId().value())
            .collect(Collectors.toList());

    assertThat(ids).doesNotHaveDuplicates().hasSize(64);
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
