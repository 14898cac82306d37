package dev.todoai.adapter.in.rest;

import static dev.todoai.adapter.in.rest.ApiTestClient.assertInvalid;
import static dev.todoai.adapter.in.rest.ApiTestClient.assertProblem;
import static dev.todoai.adapter.in.rest.ApiTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todoai.domain.reminder.Reminder;
import dev.todoai.domain.reminder.ReminderSpec;
import dev.todoai.domain.reminder.ReminderStatus;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.TaskId;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reminder resources, and reminders in task bodies, over real HTTP on in-memory use cases. */
@MicronautTest
@Property(name = "todo.auth.jwt-secret", value = TaskApiHttpTest.SECRET)
class ReminderApiHttpTest {
  private static final String DUE_AT = "2030-01-31T09:00:00Z";

  @Inject EmbeddedServer server;
  @Inject FakeTaskUseCases tasks;
  @Inject FakeReminderUseCases reminders;

  private final String user = "user-" + UUID.randomUUID();
  private final UserId owner = new UserId(user);
  private ApiTestClient api;

  @BeforeEach
  void connect() {
    api = new ApiTestClient(server.getPort(), user);
  }

  @Test
  void reminderAtAnInstantIsCreatedWithLocationAndBody() throws Exception {
    String task = createTask("{\"title\":\"Call\",\"due_at\":\"" + DUE_AT + "\"}");

    HttpResponse<String> response =
        api.post(task + "/reminders", "{\"remind_at\":\"2030-01-30T10:00:00+01:00\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode reminder = json(response);
    assertThat(response.headers().firstValue("Location"))
        .hasValue(task + "/reminders/" + reminder.get("id").asLong());
    assertThat(fieldNames(reminder))
        .containsExactly(
            "id",
            "task_id",
            "remind_at",
            "before_due",
            "time_of_day",
            "status",
            "sent_at",
            "created_at");
    assertThat(reminder.get("task_id").asLong()).isEqualTo(taskId(task));
    assertThat(reminder.get("remind_at").asText()).isEqualTo("2030-01-30T09:00:00Z");
    assertThat(reminder.get("before_due").isNull()).isTrue();
    assertThat(reminder.get("time_of_day").isNull()).isTrue();
    assertThat(reminder.get("status").asText()).isEqualTo("scheduled");
    assertThat(reminder.get("sent_at").isNull()).isTrue();
    assertThat(reminder.get("created_at").asText()).endsWith("Z");
  }

  @Test
  void reminderBeforeAnAllDayDueIsTimedAtTheTimeOfDayInTheTasksZone() throws Exception {
    String task =
        createTask(
            "{\"title\":\"Rent\",\"due_date\":\"2030-02-01\",\"time_zone\":\"Europe/Berlin\"}");

    HttpResponse<String> response =
        api.post(task + "/reminders", "{\"before_due\":\"P1D\",\"time_of_day\":\"08:30\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode reminder = json(response);
    assertThat(reminder.get("remind_at").asText()).isEqualTo("2030-01-31T07:30:00Z");
    assertThat(reminder.get("before_due").asText()).isEqualTo("P1D");
    assertThat(reminder.get("time_of_day").asText()).isEqualTo("08:30");
  }

  @Test
  void reminderBeforeATimedDueKeepsTheDurationAsGiven() throws Exception {
    String task = createTask("{\"title\":\"Call\",\"due_at\":\"" + DUE_AT + "\"}");

    JsonNode quarter = json(api.post(task + "/reminders", "{\"before_due\":\"PT15M\"}"));
    JsonNode atDue = json(api.post(task + "/reminders", "{\"before_due\":\"PT0S\"}"));
    JsonNode week = json(api.post(task + "/reminders", "{\"before_due\":\"P1W\"}"));

    assertThat(quarter.get("remind_at").asText()).isEqualTo("2030-01-31T08:45:00Z");
    assertThat(quarter.get("before_due").asText()).isEqualTo("PT15M");
    assertThat(atDue.get("remind_at").asText()).isEqualTo(DUE_AT);
    assertThat(atDue.get("before_due").asText()).isEqualTo("PT0S");
    assertThat(week.get("before_due").asText()).isEqualTo("P7D");
  }

  @Test
  void bothKindsAtOnceIsA400NamingBoth() throws Exception {
    String task = createTask("{\"title\":\"x\",\"due_at\":\"" + DUE_AT + "\"}");

    assertInvalid(
        api.post(
            task + "/reminders",
            "{\"remind_at\":\"2030-01-30T10:00:00Z\",\"before_due\":\"PT1H\"}"),
        "remind_at",
        "before_due");
  }

  @Test
  void neitherKindIsA400NamingTheBody() throws Exception {
    String task = createTask("{\"title\":\"x\",\"due_at\":\"" + DUE_AT + "\"}");

    assertInvalid(api.post(task + "/reminders", "{}"), "body");
    assertInvalid(api.post(task + "/reminders", "{\"time_of_day\":\"09:00\"}"), "body");
  }

  @Test
  void malformedInstantsDurationsAndTimesAreA400NamingTheField() throws Exception {
    String task = createTask("{\"title\":\"x\",\"due_date\":\"2030-02-01\"}");
    String reminders = task + "/reminders";

    for (String remindAt :
        List.of("tomorrow", "2030-01-30", "2030-01-30T10:00:00", "2030-13-01T00:00:00Z")) {
      assertInvalid(api.post(reminders, "{\"remind_at\":\"" + remindAt + "\"}"), "remind_at");
    }
    for (String beforeDue : List.of("15 minutes", "PT", "P1M", "15", "-PT15M", "P400D")) {
      assertInvalid(api.post(reminders, "{\"before_due\":\"" + beforeDue + "\"}"), "before_due");
    }
    for (String time : List.of("8:30", "24:00", "08:30:00", "noon")) {
      assertInvalid(
          api.post(reminders, "{\"before_due\":\"PT1H\",\"time_of_day\":\"" + time + "\"}"),
          "time_of_day");
    }
    assertInvalid(api.post(reminders, "{\"before_due\":60}"), "before_due");
  }

  @Test
  void timeOfDayWithRemindAtIsA400() throws Exception {
    String task = createTask("{\"title\":\"x\",\"due_date\":\"2030-02-01\"}");

    assertInvalid(
        api.post(
            task + "/reminders",
            "{\"remind_at\":\"2030-01-30T10:00:00Z\",\"time_of_day\":\"09:00\"}"),
        "time_of_day");
  }

  @Test
  void timeOfDayForATimedDueIsA400() throws Exception {
    String task = createTask("{\"title\":\"x\",\"due_at\":\"" + DUE_AT + "\"}");

    assertInvalid(
        api.post(task + "/reminders", "{\"before_due\":\"PT1H\",\"time_of_day\":\"09:00\"}"),
        "time_of_day");
  }

  @Test
  void durationsOfDaysAndHoursComeBackAsDaysAndTime() throws Exception {
    String task = createTask("{\"title\":\"x\",\"due_at\":\"" + DUE_AT + "\"}");

    JsonNode reminder = json(api.post(task + "/reminders", "{\"before_due\":\"PT36H\"}"));

    assertThat(reminder.get("before_due").asText()).isEqualTo("P1DT12H");
    assertThat(reminder.get("remind_at").asText()).isEqualTo("2030-01-29T21:00:00Z");
  }

  @Test
  void remindAtInThePastIsA400() throws Exception {
    String task = createTask("{\"title\":\"x\"}");

    assertInvalid(
        api.post(task + "/reminders", "{\"remind_at\":\"2020-01-01T00:00:00Z\"}"), "remind_at");
  }

  @Test
  void beforeDueOnATaskWithoutDueIsA400() throws Exception {
    String task = createTask("{\"title\":\"x\"}");

    assertInvalid(api.post(task + "/reminders", "{\"before_due\":\"PT1H\"}"), "before_due");
  }

  @Test
  void eleventhReminderIsA400NamingReminders() throws Exception {
    String task = createTask("{\"title\":\"x\",\"due_at\":\"" + DUE_AT + "\"}");
    for (int i = 0; i < Reminder.MAX_PER_TASK; i++) {
      HttpResponse<String> added =
          api.post(task + "/reminders", "{\"before_due\":\"PT" + (i + 1) + "M\"}");
      assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    }

    assertInvalid(api.post(task + "/reminders", "{\"before_due\":\"PT1H\"}"), "reminders");
  }

  @Test
  void unknownFieldsAndNonObjectBodiesAreA400() throws Exception {
    String task = createTask("{\"title\":\"x\",\"due_at\":\"" + DUE_AT + "\"}");

    assertInvalid(
        api.post(task + "/reminders", "{\"before_due\":\"PT1H\",\"status\":\"sent\"}"), "status");
    assertInvalid(api.post(task + "/reminders", "[]"), "body");
    assertInvalid(api.send("POST", task + "/reminders", null), "body");
    assertInvalid(api.post(task + "/reminders", "{\"before_due\":"), "body");
  }

  @Test
  void reminderOfAMissingTaskIsA404AndABadTaskIdA400() throws Exception {
    String missing = "/api/" + user + "/tasks/999999/reminders";

    assertProblem(api.post(missing, "{\"before_due\":\"PT1H\"}"), 404, "/problems/not-found");
    assertProblem(api.get(missing), 404, "/problems/not-found");
    assertInvalid(
        api.post("/api/" + user + "/tasks/abc/reminders", "{\"before_due\":\"PT1H\"}"), "task_id");
    assertInvalid(api.get("/api/" + user + "/tasks/0/reminders"), "task_id");
  }

  @Test
  void remindersOfATaskAreListedAndDeletedOneByOne() throws Exception {
    String task = createTask("{\"title\":\"x\",\"due_at\":\"" + DUE_AT + "\"}");
    String later =
        json(api.post(task + "/reminders", "{\"before_due\":\"PT5M\"}")).get("id").asText();
    String earlier =
        json(api.post(task + "/reminders", "{\"before_due\":\"PT1H\"}")).get("id").asText();

    HttpResponse<String> listed = api.get(task + "/reminders");

    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(json(listed).findValuesAsText("id")).containsExactly(earlier, later);
    HttpResponse<String> deleted = api.send("DELETE", task + "/reminders/" + earlier, null);
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(json(api.get(task + "/reminders")).findValuesAsText("id")).containsExactly(later);
    assertProblem(
        api.send("DELETE", task + "/reminders/" + earlier, null), 404, "/problems/not-found");
  }

  @Test
  void deletingAReminderOfAnotherTaskOrWithABadIdFails() throws Exception {
    String task = createTask("{\"title\":\"x\",\"due_at\":\"" + DUE_AT + "\"}");
    String other = createTask("{\"title\":\"y\"}");
    String id = json(api.post(task + "/reminders", "{\"before_due\":\"PT5M\"}")).get("id").asText();

    assertProblem(api.send("DELETE", other + "/reminders/" + id, null), 404, "/problems/not-found");
    assertInvalid(api.send("DELETE", task + "/reminders/first", null), "id");
    assertInvalid(
        api.send("DELETE", "/api/" + user + "/tasks/x/reminders/0", null), "task_id", "id");
  }

  @Test
  void anotherUsersRemindersAreA403() throws Exception {
    String theirs = "/api/someone-else";

    assertProblem(api.get(theirs + "/reminders"), 403, "/problems/forbidden");
    assertProblem(api.get(theirs + "/tasks/1/reminders"), 403, "/problems/forbidden");
    assertProblem(
        api.post(theirs + "/tasks/1/reminders", "{\"before_due\":\"PT1H\"}"),
        403,
        "/problems/forbidden");
    assertProblem(
        api.send("DELETE", theirs + "/tasks/1/reminders/1", null), 403, "/problems/forbidden");
  }

  @Test
  void remindersOfAStatusComeSoonestFirstWithStatusAndLimitPassedOn() throws Exception {
    String task = createTask("{\"title\":\"x\",\"due_at\":\"" + DUE_AT + "\"}");
    reminders.put(stored(task, "2030-01-20T00:00:00Z", ReminderStatus.SENT));
    reminders.put(stored(task, "2030-01-10T00:00:00Z", ReminderStatus.SCHEDULED));
    reminders.put(stored(task, "2030-01-05T00:00:00Z", ReminderStatus.SCHEDULED));

    HttpResponse<String> scheduled =
        api.get("/api/" + user + "/reminders?status=scheduled&limit=5");

    assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(200);
    assertThat(json(scheduled).findValuesAsText("remind_at"))
        .containsExactly("2030-01-05T00:00:00Z", "2030-01-10T00:00:00Z");
    assertThat(reminders.lastStatus(owner)).isEqualTo(ReminderStatus.SCHEDULED);
    assertThat(reminders.lastLimit(owner)).isEqualTo(5);
  }

  @Test
  void remindersWithoutParametersAreAllStatusesFiftyAtMost() throws Exception {
    HttpResponse<String> all = api.get("/api/" + user + "/reminders");

    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(json(all).isArray()).isTrue();
    assertThat(reminders.lastStatus(owner)).isNull();
    assertThat(reminders.lastLimit(owner)).isEqualTo(50);
  }

  @Test
  void badReminderListParametersAreAllNamed() throws Exception {
    String path = "/api/" + user + "/reminders";

    assertInvalid(
        api.get(path + "?status=pending&limit=0&sort=soonest"), "status", "limit", "sort");
    assertInvalid(api.get(path + "?limit=201"), "limit");
    assertInvalid(api.get(path + "?status=sent&status=missed"), "status");
  }

  @Test
  void taskCreatedWithRemindersPassesTheSpecsThrough() throws Exception {
    HttpResponse<String> created =
        api.post(
            "/api/" + user + "/tasks",
            "{\"title\":\"x\",\"due_date\":\"2030-02-01\",\"reminders\":["
                + "{\"before_due\":\"PT1H\"},{\"remind_at\":\"2030-01-30T10:00:00+01:00\"},"
                + "{\"before_due\":\"P1D\",\"time_of_day\":\"07:00\"}]}");

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(tasks.lastAdd(owner).reminders())
        .containsExactly(
            ReminderSpec.before(Duration.ofHours(1)),
            ReminderSpec.at(Instant.parse("2030-01-30T09:00:00Z")),
            new ReminderSpec(null, Duration.ofDays(1), LocalTime.of(7, 0)));
    assertThat(json(created).has("reminders")).isFalse();
  }

  @Test
  void taskCreatedWithoutRemindersPassesNone() throws Exception {
    createTask("{\"title\":\"x\"}");

    assertThat(tasks.lastAdd(owner).reminders()).isEmpty();
  }

  @Test
  void badRemindersInATaskBodyAreNamedByIndexAndField() throws Exception {
    HttpResponse<String> response =
        api.post(
            "/api/" + user + "/tasks",
            "{\"title\":\"x\",\"reminders\":[{\"before_due\":\"PT1H\"},{\"before_due\":\"soon\"},"
                + "{\"remind_at\":\"2030-01-30T10:00:00Z\",\"before_due\":\"PT1H\"},{}]}");

    assertInvalid(
        response,
        "reminders[1].before_due",
        "reminders[2].remind_at",
        "reminders[2].before_due",
        "reminders[3]");
    assertInvalid(
        api.post("/api/" + user + "/tasks", "{\"title\":\"x\",\"reminders\":\"PT1H\"}"),
        "reminders");
  }

  @Test
  void putWithoutRemindersLeavesThemUnchanged() throws Exception {
    String task = createTask("{\"title\":\"x\"}");

    HttpResponse<String> replaced = api.send("PUT", task, "{\"title\":\"y\"}");

    assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
    assertThat(tasks.lastUpdate(owner).reminders()).isNull();
    assertThat(json(replaced).has("reminders")).isFalse();
  }

  @Test
  void putWithAnEmptyReminderListRemovesThem() throws Exception {
    String task = createTask("{\"title\":\"x\"}");

    api.send("PUT", task, "{\"title\":\"y\",\"reminders\":[]}");

    assertThat(tasks.lastUpdate(owner).reminders()).isEmpty();
  }

  @Test
  void putWithRemindersReplacesThem() throws Exception {
    String task = createTask("{\"title\":\"x\",\"due_at\":\"" + DUE_AT + "\"}");

    HttpResponse<String> replaced =
        api.send(
            "PUT",
            task,
            "{\"title\":\"y\",\"due_at\":\""
                + DUE_AT
                + "\",\"reminders\":[{\"before_due\":\"PT30M\"}]}");

    assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
    assertThat(tasks.lastUpdate(owner).reminders())
        .containsExactly(ReminderSpec.before(Duration.ofMinutes(30)));
  }

  @Test
  void putWithABadReminderIsA400NamingIt() throws Exception {
    String task = createTask("{\"title\":\"x\"}");

    assertInvalid(
        api.send("PUT", task, "{\"title\":\"y\",\"reminders\":[{\"remind_at\":\"soon\"}]}"),
        "reminders[0].remind_at");
  }

  @Test
  void patchNotMentioningRemindersLeavesThemUnchanged() throws Exception {
    String task = createTask("{\"title\":\"x\"}");

    api.send("PATCH", task, "{\"title\":\"y\"}");

    assertThat(tasks.lastUpdate(owner).reminders()).isNull();
  }

  @Test
  void patchWithRemindersReplacesThemWhole() throws Exception {
    String task = createTask("{\"title\":\"x\",\"due_at\":\"" + DUE_AT + "\"}");

    HttpResponse<String> patched =
        api.send(
            "PATCH",
            task,
            "{\"reminders\":[{\"before_due\":\"PT10M\"},{\"before_due\":\"P2D\"}]}",
            "Content-Type",
            "application/merge-patch+json");

    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
    assertThat(tasks.lastUpdate(owner).reminders())
        .containsExactly(
            ReminderSpec.before(Duration.ofMinutes(10)), ReminderSpec.before(Duration.ofDays(2)));
    assertThat(json(patched).get("title").asText()).isEqualTo("x");
  }

  @Test
  void patchWithEmptyOrNullRemindersRemovesThem() throws Exception {
    String task = createTask("{\"title\":\"x\"}");

    api.send("PATCH", task, "{\"reminders\":[]}");
    List<ReminderSpec> afterEmpty = tasks.lastUpdate(owner).reminders();
    api.send("PATCH", task, "{\"reminders\":null}");
    List<ReminderSpec> afterNull = tasks.lastUpdate(owner).reminders();

    assertThat(afterEmpty).isEmpty();
    assertThat(afterNull).isEmpty();
  }

  private Reminder stored(String task, String remindAt, ReminderStatus status) {
    return Reminder.rehydrate(
        reminders.nextId(),
        new TaskId(taskId(task)),
        owner,
        null,
        null,
        Instant.parse(remindAt),
        status,
        status == ReminderStatus.SENT ? Instant.parse(remindAt) : null,
        Instant.parse("2030-01-01T00:00:00Z"));
  }

  private String createTask(String body) throws Exception {
    HttpResponse<String> response = api.post("/api/" + user + "/tasks", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return response.headers().firstValue("Location").orElseThrow();
  }

  private static long taskId(String location) {
    return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
