package dev.todoai.domain.task;

import static dev.todoai.domain.task.TaskTestData.T0;
import static dev.todoai.domain.task.TaskTestData.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RecurringTaskTest {
  private static final LocalDate FIRST = LocalDate.of(2026, 3, 2);
  private static final Instant LATER = T0.plus(Duration.ofHours(1));

  private static Task weekly() {
    return aTask().dueOn(FIRST).recurring("FREQ=WEEKLY").build();
  }

  @Test
  void aNewRecurringTaskStartsItsSeriesAtItsDue() {
    Task task = weekly();

    assertThat(task.occurrence()).isEqualTo(new Task.Occurrence(new Due.OnDate(FIRST), 1, null));
  }

  @Test
  void theNextOccurrenceIsANewOpenTaskOfTheSameSeries() {
    Task first = weekly().setCompleted(true, LATER).task();

    Task next =
        first
            .nextOccurrence(
                new TaskId(2),
                new Due.OnDate(FIRST.plusWeeks(1)),
                2,
                first.occurrence().seriesStart(),
                LATER)
            .task();

    assertThat(next.completed()).isFalse();
    assertThat(next.version()).isEqualTo(1);
    assertThat(next.seriesId()).isEqualTo(first.seriesId());
    assertThat(next.details().due().dueDate()).isEqualTo(FIRST.plusWeeks(1));
    assertThat(next.details().title()).isEqualTo(first.details().title());
    assertThat(next.occurrence())
        .isEqualTo(new Task.Occurrence(new Due.OnDate(FIRST), 2, first.id()));
  }

  @Test
  void editingTheTitleKeepsThePlaceButANewRuleRestartsTheSeriesHere() {
    Task first = weekly();
    Task second =
        first
            .nextOccurrence(
                new TaskId(2), new Due.OnDate(FIRST.plusWeeks(1)), 2, new Due.OnDate(FIRST), LATER)
            .task();

    Task renamed = second.edit(second.details().withTitle(new Title("Renamed")), LATER).task();
    Task newRule =
        second
            .edit(
                new TaskDetails(
                    second.details().title(),
                    null,
                    null,
                    null,
                    second.details().due(),
                    null,
                    new RecurrenceRule("FREQ=DAILY"),
                    null),
                LATER)
            .task();

    assertThat(renamed.occurrence()).isEqualTo(second.occurrence());
    assertThat(newRule.occurrence())
        .isEqualTo(new Task.Occurrence(new Due.OnDate(FIRST.plusWeeks(1)), 1, first.id()));
  }

  @Test
  void removingTheRuleLeavesNoPlaceInASeries() {
    Task task = weekly();

    Task plain = task.edit(aTask().dueOn(FIRST).details(), LATER).task();

    assertThat(plain.occurrence()).isNull();
    assertThat(plain.seriesId()).isEqualTo(task.seriesId());
  }

  @Test
  void aPlainTaskHasNoNextOccurrence() {
    Task plain = aTask().build();

    assertThatThrownBy(() -> plain.nextOccurrence(new TaskId(2), Due.NONE, 2, Due.NONE, LATER))
        .isInstanceOf(IllegalStateException.class);
  }
}
