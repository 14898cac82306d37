package dev.todoai.application.service;

import static dev.todoai.domain.task.TaskTestData.ALICE;
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
import dev.todoai.application.fakes.RecordingScheduler;
import dev.todoai.application.fakes.SimpleRecurrence;
import dev.todoai.application.port.in.AddTaskUseCase.AddTaskCommand;
import dev.todoai.application.port.in.CompleteTaskUseCase.CompleteTaskCommand;
import dev.todoai.application.port.in.DeleteTaskUseCase.DeleteTaskCommand;
import dev.todoai.application.port.in.OccurrenceRefusedException;
import dev.todoai.domain.reminder.Reminder;
import dev.todoai.domain.reminder.ReminderSpec;
import dev.todoai.domain.shared.InvalidValueException;
import dev.todoai.domain.task.RecurrenceAnchor;
import dev.todoai.domain.task.Task;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RecurringServicesTest {
  private static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
  private final InMemoryStore store = new InMemoryStore();
  private final FakeEventCodec codec = new FakeEventCodec();
  private final RecordingScheduler scheduler = new RecordingScheduler();
  private final ReminderSync reminders = new ReminderSync(store, scheduler);
  private final TaskEventRecorder recorder = new TaskEventRecorder(codec, store);
  private final SimpleRecurrence recurrence = new SimpleRecurrence();
  private final AddTaskService add =
      new AddTaskService(clock, store, store, store, store, recorder, reminders, recurrence);
  private final CompleteTaskService complete =
      new CompleteTaskService(clock, store, store, store, recorder, reminders);
  private final DeleteTaskService delete =
      new DeleteTaskService(clock, store, store, store, recorder, reminders);
  private final CreateNextOccurrenceService createNext =
      new CreateNextOccurrenceService(
          clock, store, store, store, recorder, store, reminders, new NextOccurrences(recurrence));
  private final ScheduleNextOccurrenceService consumer =
      new ScheduleNextOccurrenceService(
          codec,
          new NextOccurrences(recurrence),
          request -> {
            try {
              createNext.createNext(request.owner(), request.predecessor());
            } catch (OccurrenceRefusedException refused) {
              // as the transports do: a refusal is final
            }
          });

  private Task daily(Instant due, RecurrenceAnchor anchor, String rule) {
    return add.add(
            new AddTaskCommand(
                ALICE,
                aTask()
                    .dueAt(due)
                    .inZone("Europe/Berlin")
                    .recurring(rule)
                    .anchoredOn(anchor)
                    .details(),
                null,
                null,
                List.of(ReminderSpec.before(Duration.ofMinutes(30)))))
        .task();
  }

  private void deliverTaskEvents() {
    for (OutboundEvent e : store.outboxEvents()) {
      if (e.topic().equals(Topics.TASK_EVENTS)) {
        assertThat(consumer.handle(new InboundEvent(e.topic(), e.payload())))
            .isNotEqualTo(DeliveryOutcome.RETRY);
      }
    }
  }

  private List<Task> series(Task first) {
    return store.allTasks().stream().filter(t -> first.seriesId().equals(t.seriesId())).toList();
  }

  @Test
  void completingAnOccurrenceCreatesTheNextOneOnceWithItsRelativeReminders() {
    Task first = daily(NINE, RecurrenceAnchor.DUE, "FREQ=DAILY");
    clock.advance(Duration.ofHours(1));
    complete.complete(new CompleteTaskCommand(ALICE, first.id(), true, null));

    deliverTaskEvents();
    deliverTaskEvents();
    deliverTaskEvents();

    assertThat(series(first)).hasSize(2);
    Task next = series(first).get(1);
    assertThat(next.details().due().dueAt()).isEqualTo(NINE.plus(Duration.ofDays(1)));
    assertThat(next.occurrence().index()).isEqualTo(2);
    assertThat(next.occurrence().predecessorId()).isEqualTo(first.id());
    assertThat(next.completed()).isFalse();
    assertThat(store.forTask(ALICE, next.id()))
        .singleElement()
        .satisfies(r -> assertThat(r.beforeDue()).isEqualTo(Duration.ofMinutes(30)));
    assertThat(scheduler.armed()).hasSize(1);
  }

  @Test
  void completingAnOverdueOccurrenceSkipsTheMissedInstancesButCountsThem() {
    Task first = daily(NINE, RecurrenceAnchor.DUE, "FREQ=DAILY");
    clock.advance(Duration.ofDays(4));
    complete.complete(new CompleteTaskCommand(ALICE, first.id(), true, null));

    deliverTaskEvents();

    Task next = series(first).get(1);
    assertThat(next.details().due().dueAt()).isEqualTo(Instant.parse("2026-03-06T09:00:00Z"));
    assertThat(next.occurrence().index()).isEqualTo(5);
  }

  @Test
  void theCompletionAnchorCountsFromTheCompletionDayAtTheOriginalTime() {
    Task first = daily(NINE, RecurrenceAnchor.COMPLETION, "FREQ=DAILY;INTERVAL=3");
    clock.advance(Duration.ofDays(4));
    complete.complete(new CompleteTaskCommand(ALICE, first.id(), true, null));

    deliverTaskEvents();

    assertThat(series(first).get(1).details().due().dueAt())
        .isEqualTo(Instant.parse("2026-03-08T09:00:00Z"));
  }

  @Test
  void anExhaustedCountEndsTheSeries() {
    Task first = daily(NINE, RecurrenceAnchor.DUE, "FREQ=DAILY;COUNT=2");
    complete.complete(new CompleteTaskCommand(ALICE, first.id(), true, null));
    deliverTaskEvents();
    Task second = series(first).get(1);

    complete.complete(new CompleteTaskCommand(ALICE, second.id(), true, null));
    deliverTaskEvents();

    assertThat(series(first)).hasSize(2);
  }

  @Test
  void uncompletingAndCompletingAgainDoesNotCreateASecondSuccessor() {
    Task first = daily(NINE, RecurrenceAnchor.DUE, "FREQ=DAILY");
    complete.complete(new CompleteTaskCommand(ALICE, first.id(), true, null));
    deliverTaskEvents();
    complete.complete(new CompleteTaskCommand(ALICE, first.id(), false, null));
    complete.complete(new CompleteTaskCommand(ALICE, first.id(), true, null));

    deliverTaskEvents();

    assertThat(series(first)).hasSize(2);
  }

  @Test
  void deletingAnOccurrenceCreatesNoSuccessor() {
    Task first = daily(NINE, RecurrenceAnchor.DUE, "FREQ=DAILY");
    delete.delete(new DeleteTaskCommand(ALICE, first.id(), null));

    deliverTaskEvents();

    assertThat(store.allTasks()).isEmpty();
  }

  @Test
  void concurrentDeliveriesCreateOneSuccessor() throws Exception {
    Task first = daily(NINE, RecurrenceAnchor.DUE, "FREQ=DAILY");
    complete.complete(new CompleteTaskCommand(ALICE, first.id(), true, null));
    OutboundEvent completed =
        store.outboxEvents().stream()
            .filter(e -> e.topic().equals(Topics.TASK_EVENTS) && e.type().equals("completed"))
            .findFirst()
            .orElseThrow();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    for (int i = 0; i < 4; i++) {
      pool.submit(
          () -> {
            start.await();
            return consumer.handle(new InboundEvent(completed.topic(), completed.payload()));
          });
    }
    start.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

    assertThat(series(first)).hasSize(2);
  }

  @Test
  void theBackendRefusesASuccessorForATaskThatIsNotCompleted() {
    Task first = daily(NINE, RecurrenceAnchor.DUE, "FREQ=DAILY");

    assertThatThrownBy(() -> createNext.createNext(ALICE, first.id()))
        .isInstanceOf(OccurrenceRefusedException.class)
        .hasMessageContaining("not completed");
    assertThat(series(first)).hasSize(1);
  }

  @Test
  void theBackendRefusesASuccessorForAnotherUsersOrANonRecurringTask() {
    Task first = daily(NINE, RecurrenceAnchor.DUE, "FREQ=DAILY");
    complete.complete(new CompleteTaskCommand(ALICE, first.id(), true, null));
    Task plain =
        add.add(new AddTaskCommand(ALICE, aTask().details(), null, null, List.of())).task();
    complete.complete(new CompleteTaskCommand(ALICE, plain.id(), true, null));

    assertThatThrownBy(
            () -> createNext.createNext(new dev.todoai.domain.shared.UserId("mallory"), first.id()))
        .isInstanceOf(OccurrenceRefusedException.class);
    assertThatThrownBy(() -> createNext.createNext(ALICE, plain.id()))
        .isInstanceOf(OccurrenceRefusedException.class)
        .hasMessageContaining("not a recurring task");
    assertThat(store.allTasks()).hasSize(2);
  }

  @Test
  void theBackendComputesTheDueItselfWhateverTheCallerThinks() {
    Task first = daily(NINE, RecurrenceAnchor.DUE, "FREQ=DAILY");
    complete.complete(new CompleteTaskCommand(ALICE, first.id(), true, null));

    Task successor = createNext.createNext(ALICE, first.id()).orElseThrow();

    assertThat(successor.details().due().dueAt()).isEqualTo(NINE.plus(Duration.ofDays(1)));
  }

  @Test
  void aRuleWithoutOccurrencesIsRefusedAtCreation() {
    assertThatThrownBy(
            () -> daily(NINE, RecurrenceAnchor.DUE, "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("recurrence_rule"));
  }

  @Test
  void allDaySeriesCompareDatesInTheTasksZone() {
    Task first =
        add.add(
                new AddTaskCommand(
                    ALICE,
                    aTask()
                        .dueOn(LocalDate.of(2026, 3, 2))
                        .inZone("Asia/Tokyo")
                        .recurring("FREQ=DAILY")
                        .details()))
            .task();
    // 2026-03-02T16:00Z is already March 3rd in Tokyo
    clock.advance(Duration.between(clock.now(), Instant.parse("2026-03-02T16:00:00Z")));
    complete.complete(new CompleteTaskCommand(ALICE, first.id(), true, null));

    deliverTaskEvents();

    assertThat(series(first).get(1).details().due().dueDate()).isEqualTo(LocalDate.of(2026, 3, 4));
  }

  @Test
  void relativeRemindersAreCopiedButFixedOnesAreNot() {
    Task first = daily(NINE, RecurrenceAnchor.DUE, "FREQ=DAILY");
    new SetReminderService(clock, store, store, reminders)
        .set(
            new dev.todoai.application.port.in.SetReminderUseCase.SetReminderCommand(
                ALICE, first.id(), ReminderSpec.at(NINE.minusSeconds(60))));
    complete.complete(new CompleteTaskCommand(ALICE, first.id(), true, null));

    deliverTaskEvents();

    Task next = series(first).get(1);
    assertThat(store.forTask(ALICE, next.id()))
        .extracting(Reminder::isRelative)
        .containsExactly(true);
  }
}
