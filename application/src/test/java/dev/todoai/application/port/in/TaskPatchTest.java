package dev.todoai.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todoai.domain.reminder.ReminderSpec;
import dev.todoai.domain.shared.InvalidValueException;
import dev.todoai.domain.task.Description;
import dev.todoai.domain.task.Due;
import dev.todoai.domain.task.Priority;
import dev.todoai.domain.task.TaskDetails;
import dev.todoai.domain.task.Title;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskPatchTest {
  private static final TaskDetails CURRENT =
      TaskDetails.titled("a")
          .withPriority(Priority.HIGH)
          .withDue(Due.of(null, LocalDate.of(2030, 1, 1)));

  private static TaskPatch patch(
      FieldPatch<Title> title,
      FieldPatch<Description> description,
      FieldPatch<Instant> dueAt,
      FieldPatch<LocalDate> dueDate) {
    return new TaskPatch(
        title, description, null, null, dueAt, dueDate, null, null, null, null, null);
  }

  @Test
  void absentFieldsStayAndSetFieldsChange() {
    TaskDetails result = patch(FieldPatch.set(new Title("b")), null, null, null).applyTo(CURRENT);

    assertThat(result.title().value()).isEqualTo("b");
    assertThat(result.priority()).isEqualTo(Priority.HIGH);
    assertThat(result.due().dueDate()).isEqualTo(LocalDate.of(2030, 1, 1));
  }

  @Test
  void settingDueAtClearsDueDateUnlessBothAreNamed() {
    Instant at = Instant.parse("2030-01-02T08:00:00Z");
    TaskDetails result = patch(null, null, FieldPatch.set(at), null).applyTo(CURRENT);

    assertThat(result.due().dueAt()).isEqualTo(at);
    assertThat(result.due().dueDate()).isNull();
    assertThatThrownBy(
            () ->
                patch(null, null, FieldPatch.set(at), FieldPatch.set(LocalDate.of(2030, 1, 3)))
                    .applyTo(CURRENT))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void clearedOptionalFieldTakesItsDefault() {
    TaskDetails result =
        patch(null, FieldPatch.cleared(), null, FieldPatch.cleared()).applyTo(CURRENT);

    assertThat(result.description()).isEqualTo(Description.EMPTY);
    assertThat(result.due().isPresent()).isFalse();
  }

  @Test
  void clearingTheTitleOrTheCompletionIsRejected() {
    assertThatThrownBy(() -> patch(FieldPatch.cleared(), null, null, null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage(TaskPatch.TITLE_NEEDED);
    assertThatThrownBy(
            () ->
                new TaskPatch(
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    FieldPatch.cleared(),
                    null))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void remindersAreLeftReplacedOrRemoved() {
    ReminderSpec spec = ReminderSpec.before(Duration.ofHours(1));
    assertThat(TaskPatch.none().newReminders()).isNull();
    assertThat(
            new TaskPatch(
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    FieldPatch.set(List.of(spec)))
                .newReminders())
        .containsExactly(spec);
    assertThat(
            new TaskPatch(
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    FieldPatch.cleared())
                .newReminders())
        .isEmpty();
  }
}
