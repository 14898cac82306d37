package dev.todoai.application.service;

import static dev.todoai.domain.task.TaskTestData.ALICE;
import static dev.todoai.domain.task.TaskTestData.BOB;
import static dev.todoai.domain.task.TaskTestData.T0;
import static dev.todoai.domain.task.TaskTestData.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.todoai.application.event.OutboundEvent;
import dev.todoai.application.event.Topics;
import dev.todoai.application.fakes.FakeEventCodec;
import dev.todoai.application.fakes.InMemoryStore;
import dev.todoai.application.fakes.MutableClock;
import dev.todoai.application.fakes.RecordingScheduler;
import dev.todoai.application.fakes.SimpleRecurrence;
import dev.todoai.application.port.in.AddTaskUseCase.AddTaskCommand;
import dev.todoai.application.port.in.AddTaskUseCase.AddTaskResult;
import dev.todoai.application.port.in.CompleteTaskUseCase.CompleteTaskCommand;
import dev.todoai.application.port.in.DeleteTaskUseCase.DeleteTaskCommand;
import dev.todoai.application.port.in.IdempotencyKeyReusedException;
import dev.todoai.application.port.in.TaskNotFoundException;
import dev.todoai.application.port.in.UpdateTaskUseCase.UpdateTaskCommand;
import dev.todoai.application.port.in.VersionMismatchException;
import dev.todoai.application.port.out.IdempotencyKeysPort.IdempotencyRecord;
import dev.todoai.domain.task.Priority;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskDetails;
import dev.todoai.domain.task.TaskId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TaskServicesTest {
  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryStore store = new InMemoryStore();
  private final RecordingScheduler scheduler = new RecordingScheduler();
  private final ReminderSync reminders = new ReminderSync(store, scheduler);
  private final TaskEventRecorder events = new TaskEventRecorder(new FakeEventCodec(), store);
  private final AddTaskService add =
      new AddTaskService(
          clock, store, store, store, store, events, reminders, new SimpleRecurrence());
  private final GetTaskService get = new GetTaskService(store);
  private final UpdateTaskService update =
      new UpdateTaskService(clock, store, store, store, events, reminders, new SimpleRecurrence());
  private final CompleteTaskService complete =
      new CompleteTaskService(clock, store, store, store, events, reminders);
  private final DeleteTaskService delete =
      new DeleteTaskService(clock, store, store, store, events, reminders);

  private Task added(TaskDetails details) {
    return add.add(new AddTaskCommand(ALICE, details)).task();
  }

  @Test
  void addingStoresAnOpenTaskOwnedByTheCaller() {
    Task task = added(aTask().titled("Pay rent").details());

    assertThat(get.get(ALICE, task.id())).isEqualTo(task);
    assertThat(task.userId()).isEqualTo(ALICE);
    assertThat(task.createdAt()).isEqualTo(T0);
  }

  @Test
  void anotherUsersTaskIsNotFound() {
    Task task = added(aTask().details());

    assertThatThrownBy(() -> get.get(BOB, task.id())).isInstanceOf(TaskNotFoundException.class);
    assertThatThrownBy(() -> delete.delete(new DeleteTaskCommand(BOB, task.id(), null)))
        .isInstanceOf(TaskNotFoundException.class);
    assertThat(store.allTasks()).hasSize(1);
  }

  @Test
  void repeatingAnIdempotencyKeyWithTheSameBodyReplaysTheFirstTask() {
    AddTaskCommand command = new AddTaskCommand(ALICE, aTask().details(), "key-1", "hash-a");

    AddTaskResult first = add.add(command);
    clock.advance(Duration.ofHours(23));
    AddTaskResult second = add.add(command);

    assertThat(first.replayed()).isFalse();
    assertThat(second.replayed()).isTrue();
    assertThat(second.task().id()).isEqualTo(first.task().id());
    assertThat(store.allTasks()).hasSize(1);
  }

  @Test
  void anIdempotencyKeyExpiresAfter24Hours() {
    AddTaskCommand command = new AddTaskCommand(ALICE, aTask().details(), "key-1", "hash-a");

    add.add(command);
    clock.advance(Duration.ofHours(24).plusSeconds(1));
    AddTaskResult later = add.add(command);

    assertThat(later.replayed()).isFalse();
    assertThat(store.allTasks()).hasSize(2);
  }

  @Test
  void reusingAnIdempotencyKeyWithAnotherBodyIsRefused() {
    add.add(new AddTaskCommand(ALICE, aTask().details(), "key-1", "hash-a"));

    assertThatThrownBy(
            () ->
                add.add(
                    new AddTaskCommand(ALICE, aTask().titled("x").details(), "key-1", "hash-b")))
        .isInstanceOf(IdempotencyKeyReusedException.class);
    assertThat(store.allTasks()).hasSize(1);
  }

  @Test
  void idempotencyKeysAreScopedPerUser() {
    add.add(new AddTaskCommand(ALICE, aTask().details(), "key-1", "hash-a"));
    AddTaskResult bobs = add.add(new AddTaskCommand(BOB, aTask().details(), "key-1", "hash-a"));

    assertThat(bobs.replayed()).isFalse();
    assertThat(store.allTasks()).hasSize(2);
  }

  @Test
  void losingAConcurrentKeyRaceRollsBackAndReplaysTheWinner() {
    Task winner = added(aTask().titled("winner").details());
    store.beforeNextKeyRecord(
        () -> store.plantKey(ALICE, "key-1", new IdempotencyRecord("hash-a", winner.id(), T0)));

    AddTaskResult result = add.add(new AddTaskCommand(ALICE, aTask().details(), "key-1", "hash-a"));

    assertThat(result.replayed()).isTrue();
    assertThat(result.task().id()).isEqualTo(winner.id());
    assertThat(store.allTasks()).containsExactly(winner);
    assertThat(store.transactionsRolledBack()).isEqualTo(1);
  }

  @Test
  void updatingReplacesTheDetailsAndBumpsTheVersion() {
    Task task = added(aTask().details());
    clock.advance(Duration.ofMinutes(1));

    Task updated =
        update.update(
            new UpdateTaskCommand(
                ALICE,
                task.id(),
                aTask().titled("New").priority(Priority.HIGH).details(),
                null,
                1L));

    assertThat(updated.details().title().value()).isEqualTo("New");
    assertThat(updated.version()).isEqualTo(2);
    assertThat(updated.updatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
    assertThat(get.get(ALICE, task.id())).isEqualTo(updated);
  }

  @Test
  void updateWithCompletionAppliesBothInOneCall() {
    Task task = added(aTask().details());

    Task updated =
        update.update(
            new UpdateTaskCommand(ALICE, task.id(), aTask().titled("New").details(), true, null));

    assertThat(updated.completed()).isTrue();
    assertThat(updated.version()).isEqualTo(3);
  }

  @Test
  void aStaleExpectedVersionChangesNothing() {
    Task task = added(aTask().details());
    complete.complete(new CompleteTaskCommand(ALICE, task.id(), null, null));

    assertThatThrownBy(
            () ->
                update.update(
                    new UpdateTaskCommand(
                        ALICE, task.id(), aTask().titled("x").details(), null, 1L)))
        .isInstanceOf(VersionMismatchException.class)
        .hasMessageContaining("version 2");
    assertThat(get.get(ALICE, task.id()).details().title().value()).isEqualTo("Buy milk");
  }

  @Test
  void completeWithoutAValueToggles() {
    Task task = added(aTask().details());

    Task done = complete.complete(new CompleteTaskCommand(ALICE, task.id(), null, null));
    Task open = complete.complete(new CompleteTaskCommand(ALICE, task.id(), null, null));

    assertThat(done.completed()).isTrue();
    assertThat(open.completed()).isFalse();
  }

  @Test
  void completeWithAValueSetsItAndRepeatingIsHarmless() {
    Task task = added(aTask().details());

    complete.complete(new CompleteTaskCommand(ALICE, task.id(), true, null));
    Task again = complete.complete(new CompleteTaskCommand(ALICE, task.id(), true, null));

    assertThat(again.completed()).isTrue();
    assertThat(again.version()).isEqualTo(2);
  }

  @Test
  void deletingRemovesTheTaskAndHonoursTheExpectedVersion() {
    Task task = added(aTask().details());

    assertThatThrownBy(() -> delete.delete(new DeleteTaskCommand(ALICE, task.id(), 5L)))
        .isInstanceOf(VersionMismatchException.class);
    delete.delete(new DeleteTaskCommand(ALICE, task.id(), 1L));

    assertThat(store.allTasks()).isEmpty();
    assertThatThrownBy(() -> get.get(ALICE, new TaskId(task.id().value())))
        .isInstanceOf(TaskNotFoundException.class);
  }

  @Test
  void replayOfAKeyWhoseTaskWasDeletedSaysSo() {
    AddTaskCommand command = new AddTaskCommand(ALICE, aTask().details(), "key-1", "hash-a");
    Task task = add.add(command).task();
    delete.delete(new DeleteTaskCommand(ALICE, task.id(), null));

    assertThatThrownBy(() -> add.add(command))
        .isInstanceOf(TaskNotFoundException.class)
        .hasMessageContaining("deleted");
  }

  @Test
  void everyChangeWritesItsEventToBothTopicsInTheSameTransaction() {
    Task task = added(aTask().details());
    update.update(
        new UpdateTaskCommand(ALICE, task.id(), aTask().titled("New").details(), true, null));
    delete.delete(new DeleteTaskCommand(ALICE, task.id(), null));

    assertThat(store.outboxEvents())
        .extracting(OutboundEvent::topic, OutboundEvent::type)
        .containsExactly(
            tuple(Topics.TASK_EVENTS, "created"),
            tuple(Topics.TASK_UPDATES, "created"),
            tuple(Topics.TASK_EVENTS, "updated"),
            tuple(Topics.TASK_UPDATES, "updated"),
            tuple(Topics.TASK_EVENTS, "completed"),
            tuple(Topics.TASK_UPDATES, "completed"),
            tuple(Topics.TASK_EVENTS, "deleted"),
            tuple(Topics.TASK_UPDATES, "deleted"));
    assertThat(store.outboxEvents()).allMatch(e -> e.partitionKey().equals(ALICE.value()));
  }

  @Test
  void aChangeThatFailsLeavesNoEventBehind() {
    Task task = added(aTask().details());
    int before = store.outboxEvents().size();

    assertThatThrownBy(
            () ->
                update.update(
                    new UpdateTaskCommand(
                        ALICE, task.id(), aTask().titled("x").details(), null, 9L)))
        .isInstanceOf(VersionMismatchException.class);

    assertThat(store.outboxEvents()).hasSize(before);
  }

  @Test
  void anUnchangedUpdateEmitsNothing() {
    Task task = added(aTask().details());
    int before = store.outboxEvents().size();

    update.update(new UpdateTaskCommand(ALICE, task.id(), aTask().details(), false, null));

    assertThat(store.outboxEvents()).hasSize(before);
  }

  @Test
  void anIdempotentReplayEmitsNothing() {
    AddTaskCommand command = new AddTaskCommand(ALICE, aTask().details(), "key-1", "hash-a");
    add.add(command);
    add.add(command);

    assertThat(store.outboxEvents()).hasSize(2);
  }
}
