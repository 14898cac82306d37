package dev.todoai.domain.task;

import static dev.todoai.domain.task.TaskTestData.ALICE;
import static dev.todoai.domain.task.TaskTestData.BOB;
import static dev.todoai.domain.task.TaskTestData.T0;
import static dev.todoai.domain.task.TaskTestData.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todoai.domain.shared.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TaskTest {
  private static final Instant LATER = T0.plus(Duration.ofMinutes(5));

  @Test
  void createdTaskIsOpenAtVersionOneAndEmitsCreated() {
    TaskChange change = Task.create(new TaskId(7), ALICE, TaskDetails.titled("Pay rent"), T0);

    Task task = change.task();
    assertThat(task.version()).isEqualTo(1);
    assertThat(task.completed()).isFalse();
    assertThat(task.completedAt()).isNull();
    assertThat(task.createdAt()).isEqualTo(T0).isEqualTo(task.updatedAt());
    assertThat(task.seriesId()).isNull();
    assertThat(change.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo(TaskEventType.CREATED);
              assertThat(e.task()).isSameAs(task);
              assertThat(e.occurredAt()).isEqualTo(T0);
              assertThat(e.eventId()).isNotNull();
            });
  }

  @Test
  void creatingARecurringTaskStartsASeries() {
    Task task = aTask().dueOn(LocalDate.of(2026, 3, 2)).recurring("FREQ=WEEKLY").build();

    assertThat(task.isRecurring()).isTrue();
    assertThat(task.seriesId()).isNotNull();
  }

  @Test
  void editingBumpsTheVersionAndNamesTheChangedFields() {
    Task task = aTask().build();
    TaskDetails edited =
        task.details().withTitle(new Title("Buy oat milk")).withPriority(Priority.HIGH);

    TaskChange change = task.edit(edited, LATER);

    assertThat(change.task().version()).isEqualTo(2);
    assertThat(change.task().updatedAt()).isEqualTo(LATER);
    assertThat(change.task().createdAt()).isEqualTo(T0);
    assertThat(change.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo(TaskEventType.UPDATED);
              assertThat(e.changedFields()).containsExactlyInAnyOrder("title", "priority");
            });
  }

  @Test
  void editingWithIdenticalDetailsChangesNothing() {
    Task task = aTask().tagged("home").build();

    TaskChange change = task.edit(aTask().tagged("HOME").details(), LATER);

    assertThat(change.changed()).isFalse();
    assertThat(change.task()).isSameAs(task);
  }

  @Test
  void switchingFromADateToAnInstantNamesBothDueFields() {
    Task task = aTask().dueOn(LocalDate.of(2026, 3, 2)).build();

    TaskChange change =
        task.edit(task.details().withDue(new Due.At(Instant.parse("2026-03-02T10:00:00Z"))), LATER);

    assertThat(change.events().get(0).changedFields())
        .containsExactlyInAnyOrder("due_at", "due_date");
  }

  @Test
  void completingSetsCompletedAtAndReopeningClearsIt() {
    Task task = aTask().build();

    Task done = task.setCompleted(true, LATER).task();
    Task reopened = done.setCompleted(false, LATER.plusSeconds(1)).task();

    assertThat(done.completed()).isTrue();
    assertThat(done.completedAt()).isEqualTo(LATER);
    assertThat(done.version()).isEqualTo(2);
    assertThat(reopened.completed()).isFalse();
    assertThat(reopened.completedAt()).isNull();
    assertThat(reopened.version()).isEqualTo(3);
  }

  @Test
  void completingACompletedTaskIsANoOp() {
    Task done = aTask().build().setCompleted(true, LATER).task();

    TaskChange again = done.setCompleted(true, LATER.plusSeconds(9));

    assertThat(again.changed()).isFalse();
    assertThat(again.task().completedAt()).isEqualTo(LATER);
  }

  @Test
  void toggleFlipsCompletionWithTheMatchingEvent() {
    Task task = aTask().build();

    TaskChange first = task.toggleCompleted(LATER);
    TaskChange second = first.task().toggleCompleted(LATER);

    assertThat(first.events().get(0).type()).isEqualTo(TaskEventType.COMPLETED);
    assertThat(second.events().get(0).type()).isEqualTo(TaskEventType.UNCOMPLETED);
  }

  @Test
  void deletingCarriesTheLastSnapshot() {
    Task task = aTask().build();

    TaskChange change = task.delete(LATER);

    assertThat(change.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo(TaskEventType.DELETED);
              assertThat(e.task()).isSameAs(task);
            });
  }

  @Test
  void allDayDueIsOverdueOnlyAfterTheEndOfThatDayInTheTasksZone() {
    Task task = aTask().dueOn(LocalDate.of(2026, 3, 2)).inZone("Asia/Tokyo").build();

    assertThat(task.isOverdue(Instant.parse("2026-03-02T14:59:59Z"))).isFalse();
    assertThat(task.isOverdue(Instant.parse("2026-03-02T15:00:00Z"))).isTrue();
  }

  @Test
  void timedDueIsOverdueFromItsInstantUnlessCompleted() {
    Instant due = Instant.parse("2026-03-02T10:00:00Z");
    Task task = aTask().dueAt(due).build();

    assertThat(task.isOverdue(due.minusMillis(1))).isFalse();
    assertThat(task.isOverdue(due)).isTrue();
    assertThat(task.setCompleted(true, due).task().isOverdue(due.plusSeconds(60))).isFalse();
  }

  @Test
  void aRecurringTaskNeedsADue() {
    assertThatThrownBy(() -> aTask().recurring("FREQ=DAILY").details())
        .isInstanceOf(InvalidValueException.class)
        .extracting("field")
        .isEqualTo("recurrence_rule");
  }

  @Test
  void ownershipIsByUserId() {
    Task task = aTask().ownedBy(ALICE).build();

    assertThat(task.isOwnedBy(ALICE)).isTrue();
    assertThat(task.isOwnedBy(BOB)).isFalse();
  }
}
