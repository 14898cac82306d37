package dev.todoai.adapter.out.persistence;

import static dev.todoai.adapter.out.persistence.testsupport.TaskTestData.T0;
import static dev.todoai.adapter.out.persistence.testsupport.TaskTestData.aTask;
import static dev.todoai.adapter.out.persistence.testsupport.TaskTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.todoai.adapter.out.persistence.testsupport.TestDatabase;
import dev.todoai.application.port.out.LoadTaskPort;
import dev.todoai.application.port.out.SaveTaskPort;
import dev.todoai.application.port.out.TransactionPort;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Due;
import dev.todoai.domain.task.RecurrenceAnchor;
import dev.todoai.domain.task.Task;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskSeriesPersistenceTest implements TestPropertyProvider {
  @Inject SaveTaskPort saveTask;
  @Inject LoadTaskPort loadTask;
  @Inject TransactionPort transactions;
  private final TestDatabase.Coordinates database = TestDatabase.freshDatabase();

  @Override
  public Map<String, String> getProperties() {
    return database.properties();
  }

  private Task first(UserId owner, Instant dueAt) {
    Task task =
        aTask()
            .owner(owner)
            .dueAt(dueAt)
            .recurring("FREQ=DAILY", RecurrenceAnchor.DUE)
            .id(saveTask.nextId())
            .build();
    saveTask.insert(task);
    return task;
  }

  @Test
  void aSeriesPositionRoundTripsForTimedAndAllDayStarts() {
    UserId owner = aUser();
    Task timed = first(owner, Instant.parse("2030-03-02T09:00:00Z"));
    Task next =
        timed
            .nextOccurrence(
                saveTask.nextId(),
                new Due.OnDate(LocalDate.parse("2030-03-05")),
                4,
                new Due.OnDate(LocalDate.parse("2030-03-02")),
                T0)
            .task();

    assertThat(transactions.inTransaction(() -> saveTask.insertOccurrence(next))).isTrue();

    assertThat(loadTask.load(owner, timed.id()).orElseThrow().occurrence())
        .isEqualTo(timed.occurrence());
    assertThat(loadTask.load(owner, next.id()).orElseThrow()).isEqualTo(next);
    assertThat(loadTask.loadSuccessor(owner, timed.id())).contains(next);
  }

  @Test
  void aPredecessorHasAtMostOneSuccessor() {
    UserId owner = aUser();
    Task task = first(owner, Instant.parse("2030-03-02T09:00:00Z"));
    Due nextDue = new Due.At(Instant.parse("2030-03-03T09:00:00Z"));
    Task one =
        task.nextOccurrence(saveTask.nextId(), nextDue, 2, task.occurrence().seriesStart(), T0)
            .task();
    Task two =
        task.nextOccurrence(saveTask.nextId(), nextDue, 2, task.occurrence().seriesStart(), T0)
            .task();

    boolean first = transactions.inTransaction(() -> saveTask.insertOccurrence(one));
    boolean second = transactions.inTransaction(() -> saveTask.insertOccurrence(two));

    assertThat(first).isTrue();
    assertThat(second).isFalse();
    assertThat(loadTask.load(owner, two.id())).isEmpty();
    assertThat(loadTask.loadSuccessor(owner, task.id())).contains(one);
    assertThat(loadTask.loadSuccessor(aUser(), task.id())).isEmpty();
  }
}
