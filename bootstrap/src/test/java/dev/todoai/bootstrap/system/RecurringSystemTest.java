package dev.todoai.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todoai.adapter.out.persistence.testsupport.TestDatabase;
import dev.todoai.application.event.InboundEvent;
import dev.todoai.application.port.in.HandleEventUseCase;
import dev.todoai.bootstrap.system.Api.Response;
import dev.todoai.bootstrap.system.Api.User;
import io.micronaut.inject.qualifiers.Qualifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Recurring tasks through the API: one successor per completion, whatever the deliveries. */
class RecurringSystemTest {
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
    return api.register("recurring" + ++users + "@example.org");
  }

  private static List<JsonNode> tasks(User u) {
    List<JsonNode> list = new ArrayList<>();
    api.get("/api/" + u.id() + "/tasks?sort_by=due&limit=200", u.token()).json().forEach(list::add);
    return list;
  }

  @Test
  void completingARecurringTaskCreatesExactlyOneSuccessorWithItsReminders() {
    User ada = newUser();
    JsonNode first =
        api.createTask(
            ada,
            Map.of(
                "title", "Pay rent",
                "due_at", "2030-01-31T09:00:00+01:00",
                "time_zone", "Europe/Berlin",
                "recurrence_rule", "FREQ=MONTHLY;BYMONTHDAY=-1",
                "reminders", List.of(Map.of("before_due", "P1D"))));
    assertThat(first.get("recurrence_text").asText()).isNotBlank();
    assertThat(first.get("is_recurring").asBoolean()).isTrue();
    Instant completed = Instant.now();

    api.send(
        "PATCH",
        "/api/" + ada.id() + "/tasks/" + first.get("id").asLong() + "/complete",
        ada.token(),
        null);

    await().atMost(Duration.ofSeconds(5)).until(() -> tasks(ada).size() == 2);
    Duration latency = Duration.between(completed, Instant.now());
    JsonNode next =
        tasks(ada).stream().filter(t -> !t.get("completed").asBoolean()).findFirst().orElseThrow();
    assertThat(next.get("due_at").asText()).isEqualTo("2030-02-28T08:00:00Z");
    assertThat(next.get("series_id")).isEqualTo(first.get("series_id"));
    assertThat(next.get("title").asText()).isEqualTo("Pay rent");
    Response reminders =
        api.get(
            "/api/" + ada.id() + "/tasks/" + next.get("id").asLong() + "/reminders", ada.token());
    assertThat(reminders.json())
        .singleElement()
        .satisfies(r -> assertThat(r.get("before_due").asText()).isEqualTo("P1D"));
    assertThat(latency).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void theCompletionEventDeliveredThreeTimesAndConcurrentlyStillMakesOneSuccessor()
      throws Exception {
    User ada = newUser();
    long id =
        api.createTask(
                ada,
                Map.of("title", "Water plants", "due_date", "2030-06-01", "recurrence", "daily"))
            .get("id")
            .asLong();
    api.send("PATCH", "/api/" + ada.id() + "/tasks/" + id + "/complete", ada.token(), null);
    await().atMost(WAIT).until(() -> tasks(ada).size() == 2);
    String payload = completedPayload(id);
    HandleEventUseCase recurring =
        app.context().getBean(HandleEventUseCase.class, Qualifiers.byName("recurring"));

    ExecutorService pool = Executors.newFixedThreadPool(3);
    CountDownLatch go = new CountDownLatch(1);
    for (int i = 0; i < 3; i++) {
      pool.submit(
          () -> {
            go.await();
            return recurring.handle(new InboundEvent("task-events", payload));
          });
    }
    go.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
    for (int i = 0; i < 3; i++) {
      recurring.handle(new InboundEvent("task-events", payload));
    }

    assertThat(tasks(ada)).hasSize(2);
    assertThat(tasks(ada))
        .filteredOn(t -> !t.get("completed").asBoolean())
        .singleElement()
        .satisfies(t -> assertThat(t.get("due_date").asText()).isEqualTo("2030-06-02"));
  }

  @Test
  void reopeningAndCompletingAgainKeepsOneSuccessorAndDeletingCreatesNone() {
    User ada = newUser();
    long repeated =
        api.createTask(
                ada, Map.of("title", "Gym", "due_date", "2030-06-01", "recurrence", "weekly"))
            .get("id")
            .asLong();
    long deleted =
        api.createTask(
                ada, Map.of("title", "Gone", "due_date", "2030-06-01", "recurrence", "weekly"))
            .get("id")
            .asLong();
    String complete = "/api/" + ada.id() + "/tasks/" + repeated + "/complete";

    api.send("PATCH", complete, ada.token(), null);
    await().atMost(WAIT).until(() -> tasks(ada).size() == 3);
    api.send("PATCH", complete, ada.token(), null);
    api.send("PATCH", complete, ada.token(), null);
    api.send("DELETE", "/api/" + ada.id() + "/tasks/" + deleted, ada.token(), null);
    await()
        .atMost(WAIT)
        .until(
            () -> api.get("/api/" + ada.id() + "/audit?limit=200", ada.token()).json().size() >= 7);

    assertThat(tasks(ada))
        .extracting(t -> t.get("title").asText())
        .containsExactlyInAnyOrder("Gym", "Gym");
  }

  @Test
  void aRuleWithoutOccurrencesIsA400NamingTheField() {
    User ada = newUser();

    Response r =
        api.post(
            "/api/" + ada.id() + "/tasks",
            ada.token(),
            "{\"title\":\"Never\",\"due_date\":\"2030-01-01\",\"recurrence_rule\":\"FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30\"}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("recurrence_rule");
  }

  private static String completedPayload(long taskId) throws Exception {
    Map<String, Object> p = app.properties();
    TestDatabase.Coordinates db =
        new TestDatabase.Coordinates(
            (String) p.get("datasources.default.url"),
            (String) p.get("datasources.default.username"),
            (String) p.get("datasources.default.password"));
    try (Connection c = db.connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT payload FROM outbox WHERE topic = 'task-events' AND event_type = 'completed'"
                    + " AND payload LIKE ? ORDER BY id LIMIT 1")) {
      s.setString(1, "%\"task_id\":" + taskId + ",%");
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getString(1);
      }
    }
  }
}
