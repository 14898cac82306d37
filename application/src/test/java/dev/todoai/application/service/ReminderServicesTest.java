package dev.todoai.application.service;

import static dev.todoai.domain.task.TaskTestData.ALICE;
import static dev.todoai.domain.task.TaskTestData.BOB;
import static dev.todoai.domain.task.TaskTestData.T0;
import static dev.todoai.domain.task.TaskTestData.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todoai.application.event.DeliveryOutcome;
import dev.todoai.application.event.InboundEvent;
import dev.todoai.application.event.OutboundEvent;
import dev.todoai.application.event.Topics;
import dev.todoai.application.fakes.FakeEventCodec;
import dev.todoai.application.fakes.InMemoryStore;
import dev.todoai.application.fakes.MutableClock;
import dev.todoai.application.fakes.RecordingLiveUpdates;
import dev.todoai.application.fakes.RecordingScheduler;
import dev.todoai.application.fakes.SimpleRecurrence;
import dev.todoai.application.port.in.AddTaskUseCase.AddTaskCommand;
import dev.todoai.application.port.in.ArmRemindersUseCase.ArmReport;
import dev.todoai.application.port.in.CompleteTaskUseCase.CompleteTaskCommand;
import dev.todoai.application.port.in.DeleteTaskUseCase.DeleteTaskCommand;
import dev.todoai.application.port.in.FireReminderUseCase.FireOutcome;
import dev.todoai.application.port.in.NotificationNotFoundException;
import dev.todoai.application.port.in.ReminderNotFoundException;
import dev.todoai.application.port.in.SetReminderUseCase.SetReminderCommand;
import dev.todoai.application.port.in.TaskNotFoundException;
import dev.todoai.application.port.in.UpdateTaskUseCase.UpdateTaskCommand;
import dev.todoai.domain.notification.Notification;
import dev.todoai.domain.reminder.Reminder;
import dev.todoai.domain.reminder.ReminderSpec;
import dev.todoai.domain.reminder.ReminderStatus;
import dev.todoai.domain.shared.InvalidValueException;
import dev.todoai.domain.task.Task;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReminderServicesTest {
  private static final Instant DUE = T0.plus(Duration.ofDays(1));

  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryStore store = new InMemoryStore();
  private final FakeEventCodec codec = new FakeEventCodec();
  private final RecordingScheduler scheduler = new RecordingScheduler();
  private final RecordingLiveUpdates live = new RecordingLiveUpdates();
  private final ReminderSync sync = new ReminderSync(store, scheduler);
  private final TaskEventRecorder recorder = new TaskEventRecorder(codec, store);
  private final AddTaskService add =
      new AddTaskService(clock, store, store, store, store, recorder, sync, new SimpleRecurrence());
  private final UpdateTaskService update =
      new UpdateTaskService(clock, store, store, store, recorder, sync, new SimpleRecurrence());
  private final CompleteTaskService complete =
      new CompleteTaskService(clock, store, store, store, recorder, sync);
  private final DeleteTaskService deleteTask =
      new DeleteTaskService(clock, store, store, store, recorder, sync);
  private final SetReminderService set = new SetReminderService(clock, store, store, sync);
  private final ListRemindersService list = new ListRemindersService(store, store);
  private final DeleteReminderService deleteReminder =
      new DeleteReminderService(store, store, scheduler);
  private final FireReminderService fire =
      new FireReminderService(clock, store, store, store, codec, store);
  private final ArmRemindersService arm =
      new ArmRemindersService(clock, store, scheduler, fire, Duration.ofHours(24));
  private final CreateNotificationService notify =
      new CreateNotificationService(clock, store, codec, store, store, store, live);
  private final ReadNotificationsService read = new ReadNotificationsService(clock, store);

  private Task taskDueAt(Instant due) {
    return add.add(new AddTaskCommand(ALICE, aTask().dueAt(due).details())).task();
  }

  private Reminder remind(Task task, ReminderSpec spec) {
    return set.set(new SetReminderCommand(ALICE, task.id(), spec));
  }

  private List<OutboundEvent> reminderEvents() {
    return store.outboxEvents().stream().filter(e -> e.topic().equals(Topics.REMINDERS)).toList();
  }

  private void deliverReminderEvents() {
    for (OutboundEvent e : reminderEvents()) {
      notify.handle(new InboundEvent(e.topic(), e.payload()));
    }
  }

  @Test
  void aFiredReminderSaysFiredUntilItsNotificationExistsThenSent() {
    Task task = taskDueAt(DUE);
    Reminder reminder = remind(task, ReminderSpec.before(Duration.ofMinutes(10)));
    clock.advance(Duration.ofDays(1));

    fire.fire(reminder.id());
    ReminderStatus beforeDelivery = list.forTask(ALICE, task.id()).get(0).status();
    deliverReminderEvents();

    assertThat(beforeDelivery).isEqualTo(ReminderStatus.FIRED);
    assertThat(list.forTask(ALICE, task.id()).get(0).status()).isEqualTo(ReminderStatus.SENT);
    assertThat(list.forTask(ALICE, task.id()).get(0).sentAt()).isNotNull();
  }

  @Test
  void aRelativeReminderIsArmedBeforeTheDue() {
    Task task = taskDueAt(DUE);

    Reminder reminder = remind(task, ReminderSpec.before(Duration.ofMinutes(15)));

    assertThat(reminder.remindAt()).isEqualTo(DUE.minus(Duration.ofMinutes(15)));
    assertThat(reminder.status()).isEqualTo(ReminderStatus.SCHEDULED);
    assertThat(scheduler.armed()).containsEntry(reminder.id().value(), reminder.remindAt());
  }

  @Test
  void anAllDayDueIsRemindedBeforeNineLocalTime() {
    Task task =
        add.add(
                new AddTaskCommand(
                    ALICE,
                    aTask().dueOn(LocalDate.of(2026, 3, 5)).inZone("Europe/Berlin").details()))
            .task();

    Reminder reminder = remind(task, ReminderSpec.before(Duration.ofHours(1)));

    assertThat(reminder.remindAt()).isEqualTo(Instant.parse("2026-03-05T07:00:00Z"));
  }

  @Test
  void pastInstantsDuelessRelativesAndAnEleventhReminderAreRefused() {
    Task dueless = add.add(new AddTaskCommand(ALICE, aTask().details())).task();
    Task task = taskDueAt(DUE);

    assertThatThrownBy(() -> remind(task, ReminderSpec.at(T0.minusSeconds(1))))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("remind_at"));
    assertThatThrownBy(() -> remind(dueless, ReminderSpec.before(Duration.ofMinutes(5))))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("before_due"));
    for (int i = 1; i <= 10; i++) {
      remind(task, ReminderSpec.before(Duration.ofMinutes(i)));
    }
    assertThatThrownBy(() -> remind(task, ReminderSpec.before(Duration.ofMinutes(11))))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("reminders"));
    assertThat(list.forTask(ALICE, task.id())).hasSize(10);
  }

  @Test
  void anotherUsersTaskAndRemindersAreNotFound() {
    Task task = taskDueAt(DUE);
    Reminder reminder = remind(task, ReminderSpec.at(DUE));

    assertThatThrownBy(() -> set.set(new SetReminderCommand(BOB, task.id(), ReminderSpec.at(DUE))))
        .isInstanceOf(TaskNotFoundException.class);
    assertThatThrownBy(() -> list.forTask(BOB, task.id()))
        .isInstanceOf(TaskNotFoundException.class);
    assertThatThrownBy(() -> deleteReminder.delete(BOB, task.id(), reminder.id()))
        .isInstanceOf(ReminderNotFoundException.class);
  }

  @Test
  void firingSendsOnceAndTheNotificationIsCreatedOnceAndPushed() {
    Task task = taskDueAt(DUE);
    Reminder reminder = remind(task, ReminderSpec.before(Duration.ofMinutes(10)));
    clock.advance(Duration.ofDays(1));

    assertThat(fire.fire(reminder.id())).isEqualTo(FireOutcome.SENT);
    assertThat(fire.fire(reminder.id())).isEqualTo(FireOutcome.ALREADY_SETTLED);
    deliverReminderEvents();
    deliverReminderEvents();
    deliverReminderEvents();

    assertThat(reminderEvents()).hasSize(1);
    assertThat(list.forTask(ALICE, task.id()).get(0).status()).isEqualTo(ReminderStatus.SENT);
    assertThat(store.list(ALICE, true, 50))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.kind()).isEqualTo(Notification.Kind.REMINDER);
              assertThat(n.reminderId()).isEqualTo(reminder.id().value());
              assertThat(n.body()).contains("Buy milk");
            });
    assertThat(live.notifications).hasSize(1);
  }

  @Test
  void aSecondEventForTheSameReminderStillMakesOneNotification() {
    Task task = taskDueAt(DUE);
    Reminder reminder = remind(task, ReminderSpec.at(DUE));
    fire.fire(reminder.id());
    OutboundEvent first = reminderEvents().get(0);
    var original = codec.decodeReminder(first.payload());
    var again =
        new dev.todoai.application.event.ReminderMessage(
            java.util.UUID.randomUUID(),
            original.reminderId(),
            original.taskId(),
            original.userId(),
            original.title(),
            original.dueAt(),
            original.dueDate(),
            original.remindAt(),
            original.firedAt(),
            false);
    OutboundEvent second = codec.encodeReminder(again);

    notify.handle(new InboundEvent(first.topic(), first.payload()));
    assertThat(notify.handle(new InboundEvent(second.topic(), second.payload())))
        .isEqualTo(DeliveryOutcome.SUCCESS);

    assertThat(store.list(ALICE, false, 50)).hasSize(1);
  }

  @Test
  void noEventForATaskCompletedOrDeletedBeforeTheReminderTime() {
    Task done = taskDueAt(DUE);
    Reminder r1 = remind(done, ReminderSpec.at(DUE));
    Task gone = taskDueAt(DUE);
    Reminder r2 = remind(gone, ReminderSpec.at(DUE));

    complete.complete(new CompleteTaskCommand(ALICE, done.id(), true, null));
    deleteTask.delete(new DeleteTaskCommand(ALICE, gone.id(), null));
    clock.advance(Duration.ofDays(2));

    assertThat(scheduler.armed()).doesNotContainKeys(r1.id().value(), r2.id().value());
    assertThat(fire.fire(r1.id())).isEqualTo(FireOutcome.ALREADY_SETTLED);
    assertThat(fire.fire(r2.id())).isEqualTo(FireOutcome.NOT_FOUND);
    assertThat(reminderEvents()).isEmpty();
    assertThat(list.forTask(ALICE, done.id()).get(0).status()).isEqualTo(ReminderStatus.CANCELLED);
  }

  @Test
  void changingTheDueMovesRelativeRemindersButNotFixedOnes() {
    Task task = taskDueAt(DUE);
    Reminder relative = remind(task, ReminderSpec.before(Duration.ofHours(1)));
    Reminder fixed = remind(task, ReminderSpec.at(T0.plus(Duration.ofHours(2))));
    Instant later = DUE.plus(Duration.ofDays(2));

    update.update(
        new UpdateTaskCommand(ALICE, task.id(), aTask().dueAt(later).details(), null, null));

    assertThat(scheduler.armed())
        .containsEntry(relative.id().value(), later.minus(Duration.ofHours(1)))
        .containsEntry(fixed.id().value(), fixed.remindAt());
  }

  @Test
  void removingTheDueCancelsRelativeReminders() {
    Task task = taskDueAt(DUE);
    Reminder relative = remind(task, ReminderSpec.before(Duration.ofHours(1)));

    update.update(new UpdateTaskCommand(ALICE, task.id(), aTask().details(), null, null));

    assertThat(scheduler.armed()).doesNotContainKey(relative.id().value());
    assertThat(list.forTask(ALICE, task.id()).get(0).status()).isEqualTo(ReminderStatus.CANCELLED);
  }

  @Test
  void remindersGivenWithATaskAreCreatedAndAnUpdateListReplacesThePendingOnes() {
    Task task =
        add.add(
                new AddTaskCommand(
                    ALICE,
                    aTask().dueAt(DUE).details(),
                    null,
                    null,
                    List.of(
                        ReminderSpec.before(Duration.ofHours(1)),
                        ReminderSpec.before(Duration.ofDays(1)))))
            .task();
    assertThat(list.forTask(ALICE, task.id())).hasSize(2);

    update.update(
        new UpdateTaskCommand(
            ALICE,
            task.id(),
            aTask().dueAt(DUE).details(),
            null,
            null,
            List.of(ReminderSpec.before(Duration.ofMinutes(5)))));

    assertThat(list.forTask(ALICE, task.id()))
        .singleElement()
        .satisfies(r -> assertThat(r.beforeDue()).isEqualTo(Duration.ofMinutes(5)));
    assertThat(scheduler.armed()).hasSize(1);
  }

  @Test
  void deletingAReminderCancelsItsTimer() {
    Task task = taskDueAt(DUE);
    Reminder reminder = remind(task, ReminderSpec.at(DUE));

    deleteReminder.delete(ALICE, task.id(), reminder.id());

    assertThat(scheduler.armed()).isEmpty();
    assertThat(list.forTask(ALICE, task.id())).isEmpty();
  }

  @Test
  void armingSchedulesFutureRemindersFiresRecentlyMissedOnesAndReportsOldOnesMissed() {
    Task task = taskDueAt(T0.plus(Duration.ofDays(30)));
    Reminder soon = remind(task, ReminderSpec.at(T0.plus(Duration.ofHours(1))));
    Reminder recent = remind(task, ReminderSpec.at(T0.plus(Duration.ofDays(2))));
    Reminder old = remind(task, ReminderSpec.at(T0.plus(Duration.ofMinutes(30))));
    Reminder future = remind(task, ReminderSpec.at(T0.plus(Duration.ofDays(10))));
    clock.advance(Duration.ofDays(2).plusHours(3));

    ArmReport report = arm.armAll();
    ArmReport again = arm.armAll();
    deliverReminderEvents();

    assertThat(report).isEqualTo(new ArmReport(1, 1, 2));
    assertThat(again).isEqualTo(new ArmReport(1, 0, 0));
    assertThat(list.forTask(ALICE, task.id()))
        .extracting(r -> r.id().value(), Reminder::status)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(soon.id().value(), ReminderStatus.MISSED),
            org.assertj.core.groups.Tuple.tuple(recent.id().value(), ReminderStatus.SENT),
            org.assertj.core.groups.Tuple.tuple(old.id().value(), ReminderStatus.MISSED),
            org.assertj.core.groups.Tuple.tuple(future.id().value(), ReminderStatus.SCHEDULED));
    assertThat(store.list(ALICE, false, 50))
        .extracting(Notification::kind)
        .containsExactlyInAnyOrder(
            Notification.Kind.REMINDER,
            Notification.Kind.MISSED_REMINDER,
            Notification.Kind.MISSED_REMINDER);
  }

  @Test
  void withAHorizonOnlyRemindersDueWithinItAreArmedAndTheHorizonMovesOverLaterOnes() {
    ReminderHorizon horizon = new ReminderHorizon();
    RecordingScheduler timers = new RecordingScheduler();
    ReminderSync horizonSync = new ReminderSync(store, timers, horizon);
    SetReminderService setWithin = new SetReminderService(clock, store, store, horizonSync);
    ArmRemindersService armWithin =
        new ArmRemindersService(
            clock, store, timers, fire, Duration.ofHours(24), Duration.ofHours(1), horizon);
    Task task = taskDueAt(T0.plus(Duration.ofDays(30)));
    Reminder inTen = remind(task, ReminderSpec.at(T0.plus(Duration.ofMinutes(10))));
    Reminder inTwoHours = remind(task, ReminderSpec.at(T0.plus(Duration.ofHours(2))));

    ArmReport atStart = armWithin.armAll();
    Reminder setLaterWithin =
        setWithin.set(
            new SetReminderCommand(ALICE, task.id(), ReminderSpec.at(T0.plusSeconds(1_800))));
    Reminder setLaterBeyond =
        setWithin.set(
            new SetReminderCommand(
                ALICE, task.id(), ReminderSpec.at(T0.plus(Duration.ofHours(3)))));

    assertThat(atStart).isEqualTo(new ArmReport(1, 0, 0));
    assertThat(timers.armed()).containsOnlyKeys(inTen.id().value(), setLaterWithin.id().value());

    clock.advance(Duration.ofMinutes(90));
    ArmReport moved = armWithin.advance();
    ArmReport movedAgain = armWithin.advance();

    assertThat(moved).isEqualTo(new ArmReport(1, 0, 0));
    assertThat(movedAgain).isEqualTo(new ArmReport(0, 0, 0));
    assertThat(timers.armed()).containsKey(inTwoHours.id().value());
    assertThat(timers.armed()).doesNotContainKey(setLaterBeyond.id().value());

    clock.advance(Duration.ofMinutes(60));
    armWithin.advance();

    assertThat(timers.armed())
        .containsEntry(setLaterBeyond.id().value(), T0.plus(Duration.ofHours(3)));
  }

  @Test
  void aReminderMovedBeyondTheHorizonLosesItsTimer() {
    ReminderHorizon horizon = new ReminderHorizon();
    RecordingScheduler timers = new RecordingScheduler();
    ReminderSync horizonSync = new ReminderSync(store, timers, horizon);
    UpdateTaskService updateWithin =
        new UpdateTaskService(
            clock, store, store, store, recorder, horizonSync, new SimpleRecurrence());
    SetReminderService setWithin = new SetReminderService(clock, store, store, horizonSync);
    new ArmRemindersService(
            clock, store, timers, fire, Duration.ofHours(24), Duration.ofHours(1), horizon)
        .armAll();
    Task task = taskDueAt(T0.plus(Duration.ofMinutes(40)));
    Reminder before =
        setWithin.set(
            new SetReminderCommand(ALICE, task.id(), ReminderSpec.before(Duration.ofMinutes(15))));
    assertThat(timers.armed()).containsKey(before.id().value());

    updateWithin.update(
        new UpdateTaskCommand(
            ALICE,
            task.id(),
            aTask().dueAt(T0.plus(Duration.ofDays(3))).details(),
            null,
            null,
            null));

    assertThat(timers.armed()).doesNotContainKey(before.id().value());
  }

  @Test
  void notificationsAreMarkedReadOneOrAllAndArePrivate() {
    Task task = taskDueAt(DUE);
    fire.fire(remind(task, ReminderSpec.at(DUE)).id());
    fire.fire(remind(task, ReminderSpec.at(DUE.plusSeconds(1))).id());
    deliverReminderEvents();
    long first = store.list(ALICE, true, 50).get(0).id();

    read.markRead(ALICE, first);
    assertThatThrownBy(() -> read.markRead(BOB, first))
        .isInstanceOf(NotificationNotFoundException.class);
    assertThat(store.list(ALICE, true, 50)).hasSize(1);
    assertThat(read.markAllRead(ALICE)).isEqualTo(1);
    assertThat(store.list(ALICE, true, 50)).isEmpty();
    assertThat(store.list(BOB, false, 50)).isEmpty();
  }
}
