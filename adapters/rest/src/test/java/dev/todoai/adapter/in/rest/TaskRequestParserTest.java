package dev.todoai.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todoai.adapter.contract.FieldError;
import dev.todoai.adapter.contract.InvalidInputException;
import dev.todoai.adapter.contract.TaskInputs.Draft;
import dev.todoai.adapter.in.rest.TaskRequestParser.Mode;
import dev.todoai.application.port.in.TaskPatch;
import dev.todoai.domain.reminder.ReminderSpec;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Due;
import dev.todoai.domain.task.Priority;
import dev.todoai.domain.task.RecurrenceAnchor;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskDetails;
import dev.todoai.domain.task.TaskId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskRequestParserTest {

  @Test
  void fullBodyBecomesTaskDetails() {
    Draft input =
        parse(
            "{\"title\":\"Pay rent\",\"description\":\"bank\",\"priority\":\"urgent\","
                + "\"tags\":[\"Home\",\"money\",\"home\"],\"due_date\":\"2030-02-01\","
                + "\"time_zone\":\"Europe/Berlin\",\"recurrence_rule\":\"FREQ=MONTHLY\","
                + "\"recurrence_anchor\":\"completion\"}",
            Mode.CREATE);

    TaskDetails details = input.details();
    assertThat(details.title().value()).isEqualTo("Pay rent");
    assertThat(details.description().value()).isEqualTo("bank");
    assertThat(details.priority()).isEqualTo(Priority.URGENT);
    assertThat(details.tags().texts()).containsExactly("home", "money");
    assertThat(details.due()).isEqualTo(Due.of(null, LocalDate.of(2030, 2, 1)));
    assertThat(details.timeZone().id()).isEqualTo("Europe/Berlin");
    assertThat(details.recurrenceRule().text()).isEqualTo("FREQ=MONTHLY");
    assertThat(details.recurrenceAnchor()).isEqualTo(RecurrenceAnchor.COMPLETION);
    assertThat(input.completed()).isNull();
  }

  @Test
  void absentAndNullOptionalFieldsTakeTheirDefaults() {
    TaskDetails details =
        parse("{\"title\":\"x\",\"description\":null,\"tags\":null}", Mode.CREATE).details();

    assertThat(details).isEqualTo(TaskDetails.titled("x"));
  }

  @Test
  void dueAtWithOffsetIsReadAsAnInstant() {
    TaskDetails details =
        parse("{\"title\":\"x\",\"due_at\":\"2030-01-31T10:00:00+01:00\"}", Mode.CREATE).details();

    assertThat(details.due().dueAt()).isEqualTo(Instant.parse("2030-01-31T09:00:00Z"));
  }

  @Test
  void unknownPriorityIsRejectedNamingTheField() {
    assertThat(errorFields("{\"title\":\"x\",\"priority\":\"asap\"}", Mode.CREATE))
        .containsExactly("priority");
  }

  @Test
  void wrongJsonTypesAreAllRejectedAtOnce() {
    assertThat(
            errorFields(
                "{\"title\":5,\"tags\":\"x\",\"priority\":3,\"completed\":\"yes\"}", Mode.REPLACE))
        .containsExactlyInAnyOrder("title", "tags", "priority", "completed");
  }

  @Test
  void tagsMustAllBeStrings() {
    assertThat(errorFields("{\"title\":\"x\",\"tags\":[\"a\",1]}", Mode.CREATE))
        .containsExactly("tags");
  }

  @Test
  void missingTitleIsRequired() {
    assertThat(errorMessages("{\"description\":\"x\"}", Mode.CREATE))
        .containsExactly("title: is required");
  }

  @Test
  void overLongTitleIsRejectedNamingTheField() {
    assertThat(errorFields("{\"title\":\"" + "x".repeat(201) + "\"}", Mode.CREATE))
        .containsExactly("title");
  }

  @Test
  void dueAtWithoutOffsetIsRejected() {
    assertThat(errorFields("{\"title\":\"x\",\"due_at\":\"2030-01-31T10:00:00\"}", Mode.CREATE))
        .containsExactly("due_at");
  }

  @Test
  void impossibleDueDateIsRejected() {
    assertThat(errorFields("{\"title\":\"x\",\"due_date\":\"2030-02-30\"}", Mode.CREATE))
        .containsExactly("due_date");
  }

  @Test
  void bothDueKindsAtOnceAreRejected() {
    assertThat(
            errorFields(
                "{\"title\":\"x\",\"due_at\":\"2030-01-01T00:00:00Z\",\"due_date\":\"2030-01-01\"}",
                Mode.CREATE))
        .containsExactly("due_date");
  }

  @Test
  void unknownTimeZoneAndBadRuleAreRejectedNamingTheirFields() {
    assertThat(
            errorFields(
                "{\"title\":\"x\",\"due_date\":\"2030-01-01\",\"time_zone\":\"+02:00\","
                    + "\"recurrence_rule\":\"FREQ=HOURLY\",\"recurrence_anchor\":\"start\"}",
                Mode.CREATE))
        .containsExactlyInAnyOrder("time_zone", "recurrence_rule", "recurrence_anchor");
  }

  @Test
  void recurrenceWithoutDueIsRejected() {
    assertThat(errorFields("{\"title\":\"x\",\"recurrence_rule\":\"FREQ=DAILY\"}", Mode.CREATE))
        .containsExactly("recurrence_rule");
  }

  @Test
  void unknownFieldsAreRejectedAndReadOnlyFieldsIgnored() {
    assertThat(
            errorFields(
                "{\"title\":\"x\",\"id\":3,\"version\":9,\"created_at\":\"now\",\"colour\":\"red\"}",
                Mode.REPLACE))
        .containsExactly("colour");
  }

  @Test
  void recurrencePresetsBecomeRulesAndClashWithAnExplicitRule() {
    Draft weekdays =
        parse(
            "{\"title\":\"x\",\"due_date\":\"2030-01-31\",\"recurrence\":\"weekdays\"}",
            Mode.CREATE);

    assertThat(weekdays.details().recurrenceRule().text())
        .isEqualTo("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
    assertThat(errorMessages("{\"title\":\"x\",\"recurrence\":\"hourly\"}", Mode.CREATE))
        .singleElement()
        .asString()
        .startsWith("recurrence: must be one of");
    assertThat(
            errorMessages(
                "{\"title\":\"x\",\"due_date\":\"2030-01-31\",\"recurrence\":\"daily\","
                    + "\"recurrence_rule\":\"FREQ=DAILY\"}",
                Mode.CREATE))
        .containsExactly("recurrence: give either recurrence_rule or recurrence, not both");
  }

  @Test
  void remindersOfBothKindsBecomeSpecsInOrder() {
    Draft input =
        parse(
            "{\"title\":\"x\",\"due_date\":\"2030-01-31\",\"reminders\":["
                + "{\"before_due\":\"P1D\",\"time_of_day\":\"08:30\"},"
                + "{\"remind_at\":\"2030-01-30T10:00:00+01:00\"},{\"before_due\":\"PT0S\"}]}",
            Mode.CREATE);

    assertThat(input.reminders())
        .containsExactly(
            new ReminderSpec(null, Duration.ofDays(1), LocalTime.of(8, 30)),
            ReminderSpec.at(Instant.parse("2030-01-30T09:00:00Z")),
            ReminderSpec.before(Duration.ZERO));
  }

  @Test
  void absentRemindersAreNullAndAnEmptyArrayIsEmpty() {
    assertThat(parse("{\"title\":\"x\"}", Mode.REPLACE).reminders()).isNull();
    assertThat(parse("{\"title\":\"x\",\"reminders\":null}", Mode.REPLACE).reminders()).isNull();
    assertThat(parse("{\"title\":\"x\",\"reminders\":[]}", Mode.REPLACE).reminders()).isEmpty();
  }

  @Test
  void badRemindersAreNamedByTheirIndexAndField() {
    assertThat(
            errorFields(
                "{\"title\":\"x\",\"reminders\":[{\"before_due\":\"PT1H\"},"
                    + "{\"before_due\":\"1 hour\"},{\"remind_at\":\"2030-01-01\"},"
                    + "{\"before_due\":\"PT1H\",\"time_of_day\":\"9am\"},"
                    + "{\"remind_at\":\"2030-01-01T00:00:00Z\",\"before_due\":\"PT1H\"},"
                    + "{},7,{\"before_due\":\"-PT5M\"},{\"before_due\":\"PT1H\",\"when\":1}]}",
                Mode.CREATE))
        .containsExactlyInAnyOrder(
            "reminders[1].before_due",
            "reminders[2].remind_at",
            "reminders[3].time_of_day",
            "reminders[4].remind_at",
            "reminders[4].before_due",
            "reminders[5]",
            "reminders[6]",
            "reminders[7].before_due",
            "reminders[8].when");
  }

  @Test
  void remindersThatAreNotAnArrayAreRejected() {
    assertThat(
            errorFields("{\"title\":\"x\",\"reminders\":{\"before_due\":\"PT1H\"}}", Mode.CREATE))
        .containsExactly("reminders");
  }

  @Test
  void patchMentioningRemindersReplacesThemAndNullClearsThem() {
    Task current = task("{\"title\":\"a\",\"due_at\":\"2030-01-02T08:00:00Z\"}");

    assertThat(patch(current, "{\"title\":\"b\"}").reminders()).isNull();
    assertThat(patch(current, "{\"reminders\":[{\"before_due\":\"PT1H\"}]}").reminders())
        .containsExactly(ReminderSpec.before(Duration.ofHours(1)));
    assertThat(patch(current, "{\"reminders\":null}").reminders()).isEmpty();
  }

  @Test
  void completedIsAcceptedWhenReplacingButNotWhenCreating() {
    assertThat(parse("{\"title\":\"x\",\"completed\":true}", Mode.REPLACE).completed()).isTrue();
    assertThat(errorFields("{\"title\":\"x\",\"completed\":true}", Mode.CREATE))
        .containsExactly("completed");
  }

  @Test
  void nonObjectBodyIsRejectedNamingTheBody() {
    assertThat(errorFields("[1,2]", Mode.CREATE)).containsExactly("body");
  }

  @Test
  void mergePatchKeepsUnmentionedFields() {
    Task current = task("{\"title\":\"a\",\"description\":\"keep\",\"priority\":\"high\"}");

    TaskDetails patched = patch(current, "{\"title\":\"b\"}").details();

    assertThat(patched.title().value()).isEqualTo("b");
    assertThat(patched.description().value()).isEqualTo("keep");
    assertThat(patched.priority()).isEqualTo(Priority.HIGH);
  }

  @Test
  void mergePatchNullResetsAFieldToItsDefault() {
    Task current = task("{\"title\":\"a\",\"priority\":\"high\",\"tags\":[\"x\"]}");

    TaskDetails patched = patch(current, "{\"priority\":null,\"tags\":null}").details();

    assertThat(patched.priority()).isEqualTo(Priority.NONE);
    assertThat(patched.tags().isEmpty()).isTrue();
  }

  @Test
  void settingDueAtInAPatchClearsDueDate() {
    Task current = task("{\"title\":\"a\",\"due_date\":\"2030-01-01\"}");

    TaskDetails patched = patch(current, "{\"due_at\":\"2030-01-02T08:00:00Z\"}").details();

    assertThat(patched.due().dueDate()).isNull();
    assertThat(patched.due().dueAt()).isEqualTo(Instant.parse("2030-01-02T08:00:00Z"));
  }

  @Test
  void settingDueDateInAPatchClearsDueAt() {
    Task current = task("{\"title\":\"a\",\"due_at\":\"2030-01-02T08:00:00Z\"}");

    TaskDetails patched = patch(current, "{\"due_date\":\"2030-01-05\"}").details();

    assertThat(patched.due().dueAt()).isNull();
    assertThat(patched.due().dueDate()).isEqualTo(LocalDate.of(2030, 1, 5));
  }

  @Test
  void patchSettingTitleToNullIsRejected() {
    Task current = task("{\"title\":\"a\"}");

    InvalidInputException e =
        catchThrowableOfType(
            InvalidInputException.class, () -> patch(current, ("{\"title\":null}")));

    assertThat(e.errors()).extracting(FieldError::field).containsExactly("title");
  }

  @Test
  void patchWithUnknownFieldIsRejectedNamingIt() {
    Task current = task("{\"title\":\"a\"}");

    InvalidInputException e =
        catchThrowableOfType(
            InvalidInputException.class, () -> patch(current, ("{\"titel\":\"b\",\"version\":4}")));

    assertThat(e.errors()).extracting(FieldError::field).containsExactly("titel");
  }

  @Test
  void nonNumericOrNonPositiveTaskIdIsRejectedNamingId() {
    for (String bad : List.of("abc", "0", "-1", "1.5", "99999999999999999999")) {
      InvalidInputException e =
          catchThrowableOfType(InvalidInputException.class, () -> TaskRequestParser.taskId(bad));
      assertThat(e.errors()).extracting(FieldError::field).containsExactly("id");
    }
    assertThat(TaskRequestParser.taskId("42")).isEqualTo(new TaskId(42));
  }

  private static Task task(String body) {
    return Task.create(
            new TaskId(1),
            new UserId("u1"),
            parse(body, Mode.CREATE).details(),
            Instant.parse("2030-01-01T00:00:00Z"))
        .task();
  }

  /** The task's fields after the patch, as the patch use case merges them. */
  private static Draft patch(Task current, String patch) {
    TaskPatch typed = TaskRequestParser.patch(json(patch));
    return new Draft(typed.applyTo(current.details()), typed.completion(), typed.newReminders());
  }

  private static Draft parse(String body, Mode mode) {
    return TaskRequestParser.parse(json(body), mode);
  }

  private static List<String> errorFields(String body, Mode mode) {
    return errors(body, mode).stream().map(FieldError::field).toList();
  }

  private static List<String> errorMessages(String body, Mode mode) {
    return errors(body, mode).stream().map(e -> e.field() + ": " + e.message()).toList();
  }

  private static List<FieldError> errors(String body, Mode mode) {
    InvalidInputException e =
        catchThrowableOfType(InvalidInputException.class, () -> parse(body, mode));
    assertThat(e).as("expected a validation error for " + body).isNotNull();
    return e.errors();
  }

  static JsonNode json(String text) {
    return Json.parse(text.getBytes(StandardCharsets.UTF_8));
  }
}
