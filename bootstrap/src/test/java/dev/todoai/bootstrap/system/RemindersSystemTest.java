package dev.todoai.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todoai.adapter.out.persistence.testsupport.TestDatabase;
import dev.todoai.application.port.in.FireReminderUseCase;
import dev.todoai.application.port.in.FireReminderUseCase.FireOutcome;
import dev.todoai.bootstrap.system.Api.Response;
import dev.todoai.bootstrap.system.Api.User;
import dev.todoai.domain.reminder.ReminderId;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reminders through the API with the in-process timers: on time, once, never for closed tasks. */
class RemindersSystemTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static RunningApp app;
  private static Api api;
  private static int users;

  @BeforeAll
  static void start() {
    app = RunningApp.start();
    api = app.api();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static User newUser() {
    return api.register("reminders" + ++users + "@example.org");
  }

  private static String base(User u) {
    return "/api/" + u.id();
  }

  private static JsonNode remind(Api api, User u, long taskId, String body) {
    Response r = api.post(base(u) + "/tasks/" + taskId + "/reminders", u.token(), body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  private static List<JsonNode> notifications(Api api, User u) {
    Response r = api.get(base(u) + "/notifications", u.token());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<JsonNode> list = new ArrayList<>();
    r.json().forEach(list::add);
    return list;
  }

  private static List<JsonNode> reminders(Api api, User u, long taskId) {
    List<JsonNode> list = new ArrayList<>();
    api.get(base(u) + "/tasks/" + taskId + "/reminders", u.token()).json().forEach(list::add);
    return list;
  }

  @Test
  void aReminderFiresOnTimeOnceAndReachesTheNotificationListAndTheStream() throws Exception {
    User ada = newUser();
    User bob = newUser();
    long taskId =
        api.createTask(
                ada,
                Map.of("title", "Call mom", "due_at", Instant.now().plusSeconds(3600).toString()))
            .get("id")
            .asLong();
    Instant at = Instant.now().plusSeconds(3);
    URI stream = api.streamUri(ada);
    try (SseClient sse = new SseClient(stream, null)) {
      JsonNode reminder = remind(api, ada, taskId, "{\"remind_at\":\"" + at + "\"}");

      await().atMost(WAIT).until(() -> notifications(api, ada).size() == 1);
      Instant seen = Instant.now();
      await()
          .atMost(WAIT)
          .until(() -> sse.events().stream().anyMatch(e -> "notification".equals(e.name())));

      JsonNode notification = notifications(api, ada).get(0);
      assertThat(notification.get("kind").asText()).isEqualTo("reminder");
      assertThat(notification.get("reminder_id").asLong()).isEqualTo(reminder.get("id").asLong());
      assertThat(notification.get("body").asText()).contains("Call mom");
      assertThat(Instant.parse(notification.get("created_at").asText())).isAfterOrEqualTo(at);
      assertThat(Duration.between(at, seen)).isLessThan(Duration.ofSeconds(3));
      assertThat(reminders(api, ada, taskId).get(0).get("status").asText()).isEqualTo("sent");
      assertThat(notifications(api, bob)).isEmpty();

      FireReminderUseCase fire = app.context().getBean(FireReminderUseCase.class);
      assertThat(fire.fire(new ReminderId(reminder.get("id").asLong())))
          .isEqualTo(FireOutcome.ALREADY_SETTLED);
      assertThat(notifications(api, ada)).hasSize(1);
    }
  }

  @Test
  void noNotificationForATaskCompletedOrDeletedBeforeTheReminderTime() throws Exception {
    User ada = newUser();
    String due = Instant.now().plusSeconds(3600).toString();
    long done =
        api.createTask(ada, Map.of("title", "Done early", "due_at", due)).get("id").asLong();
    long gone =
        api.createTask(ada, Map.of("title", "Deleted early", "due_at", due)).get("id").asLong();
    Instant at = Instant.now().plusSeconds(2);
    remind(api, ada, done, "{\"remind_at\":\"" + at + "\"}");
    remind(api, ada, gone, "{\"remind_at\":\"" + at + "\"}");

    api.send("PATCH", base(ada) + "/tasks/" + done + "/complete", ada.token(), null);
    api.send("DELETE", base(ada) + "/tasks/" + gone, ada.token(), null);
    Thread.sleep(Duration.between(Instant.now(), at.plusSeconds(2)).toMillis());

    assertThat(notifications(api, ada)).isEmpty();
    assertThat(reminders(api, ada, done).get(0).get("status").asText()).isEqualTo("cancelled");
  }

  @Test
  void changingTheDueMovesARelativeReminderAndDeletingAReminderCancelsIt() {
    User ada = newUser();
    Instant due = Instant.parse("2031-01-10T09:00:00Z");
    long taskId =
        api.createTask(
                ada,
                Map.of(
                    "title",
                    "Dentist",
                    "due_at",
                    due.toString(),
                    "reminders",
                    List.of(Map.of("before_due", "PT1H"))))
            .get("id")
            .asLong();
    JsonNode fixed = remind(api, ada, taskId, "{\"remind_at\":\"2031-01-01T08:00:00Z\"}");

    api.send(
        "PATCH",
        base(ada) + "/tasks/" + taskId,
        ada.token(),
        "{\"due_at\":\"2031-01-12T15:00:00Z\"}");
    List<JsonNode> after = reminders(api, ada, taskId);
    Response deleted =
        api.send(
            "DELETE",
            base(ada) + "/tasks/" + taskId + "/reminders/" + fixed.get("id").asLong(),
            ada.token(),
            null);

    assertThat(after)
        .extracting(r -> r.get("remind_at").asText())
        .containsExactlyInAnyOrder("2031-01-12T14:00:00Z", "2031-01-01T08:00:00Z");
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(reminders(api, ada, taskId)).hasSize(1);
    assertThat(api.get(base(ada) + "/reminders?status=scheduled", ada.token()).json()).hasSize(1);
  }

  @Test
  void notificationsAreReadOneByOneOrAllAtOnce() {
    User ada = newUser();
    long taskId =
        api.createTask(
                ada, Map.of("title", "Twice", "due_at", Instant.now().plusSeconds(3600).toString()))
            .get("id")
            .asLong();
    remind(api, ada, taskId, "{\"remind_at\":\"" + Instant.now().plusSeconds(1) + "\"}");
    remind(api, ada, taskId, "{\"remind_at\":\"" + Instant.now().plusSeconds(1) + "\"}");
    await().atMost(WAIT).until(() -> notifications(api, ada).size() == 2);
    long first = notifications(api, ada).get(0).get("id").asLong();

    assertThat(
            api.post(base(ada) + "/notifications/" + first + "/read", ada.token(), null).status())
        .isEqualTo(204);
    assertThat(api.get(base(ada) + "/notifications?unread=true", ada.token()).json()).hasSize(1);
    assertThat(
            api.post(base(ada) + "/notifications/read-all", ada.token(), null)
                .json()
                .get("marked_read")
                .asInt())
        .isEqualTo(1);
    assertThat(api.get(base(ada) + "/notifications?unread=true", ada.token()).json()).isEmpty();
  }

  @Test
  void remindersThatCameDueWhileStoppedFireOnceAtRestartOrAreReportedMissed() throws Exception {
    Map<String, Object> database = new HashMap<>(TestDatabase.properties());
    Map<String, Object> shortWindow = new HashMap<>(database);
    shortWindow.put("todo.reminders.catch-up-window", "5s");
    User ada;
    long taskId;
    Instant early;
    Instant late;
    try (RunningApp first = RunningApp.start(database)) {
      Api a = first.api();
      ada = a.register("restart-reminders@example.org");
      taskId =
          a.createTask(
                  ada,
                  Map.of(
                      "title", "While down", "due_at", Instant.now().plusSeconds(3600).toString()))
              .get("id")
              .asLong();
      early = Instant.now().plusSeconds(2);
      late = Instant.now().plusSeconds(9);
      remind(a, ada, taskId, "{\"remind_at\":\"" + early + "\"}");
      remind(a, ada, taskId, "{\"remind_at\":\"" + late + "\"}");
    }
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), late.plusSeconds(1)).toMillis()));

    try (RunningApp second = RunningApp.start(shortWindow)) {
      Api a = second.api();
      await().atMost(WAIT).until(() -> notifications(a, ada).size() == 2);
      try (RunningApp third = RunningApp.start(shortWindow)) {
        Thread.sleep(1000);
        assertThat(notifications(third.api(), ada)).hasSize(2);
      }

      assertThat(notifications(a, ada))
          .extracting(n -> n.get("kind").asText())
          .containsExactlyInAnyOrder("reminder", "missed_reminder");
      assertThat(reminders(a, ada, taskId))
          .extracting(r -> r.get("status").asText())
          .containsExactlyInAnyOrder("sent", "missed");
    }
  }
}
