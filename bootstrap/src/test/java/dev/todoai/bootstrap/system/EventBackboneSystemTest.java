package dev.todoai.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todoai.adapter.out.persistence.testsupport.TestDatabase;
import dev.todoai.application.event.DeliveryOutcome;
import dev.todoai.application.event.InboundEvent;
import dev.todoai.application.port.in.HandleEventUseCase;
import dev.todoai.bootstrap.system.Api.Response;
import dev.todoai.bootstrap.system.Api.User;
import io.micronaut.inject.qualifiers.Qualifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The event backbone end to end in the embedded default: every task change becomes exactly one
 * audit entry, live notices reach the user's stream, and nothing is lost across a restart.
 */
class EventBackboneSystemTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private static List<JsonNode> audit(Api api, User user, String query) {
    Response r = api.get("/api/" + user.id() + "/audit?limit=200" + query, user.token());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<JsonNode> entries = new ArrayList<>();
    r.json().forEach(entries::add);
    return entries;
  }

  /** Makes five changes to one task: created, updated, completed, uncompleted, deleted. */
  private static long fiveChanges(Api api, User user, String title) {
    long id = api.createTask(user, title).get("id").asLong();
    String path = "/api/" + user.id() + "/tasks/" + id;
    assertThat(api.send("PATCH", path, user.token(), "{\"priority\":\"high\"}").status())
        .isEqualTo(200);
    assertThat(api.send("PATCH", path + "/complete", user.token(), null).status()).isEqualTo(200);
    assertThat(api.send("PATCH", path + "/complete", user.token(), null).status()).isEqualTo(200);
    assertThat(api.send("DELETE", path, user.token(), null).status()).isEqualTo(204);
    return id;
  }

  private static List<String> typesOldestFirst(List<JsonNode> newestFirst, long taskId) {
    List<String> types = new ArrayList<>();
    for (int i = newestFirst.size() - 1; i >= 0; i--) {
      if (newestFirst.get(i).get("task_id").asLong() == taskId) {
        types.add(newestFirst.get(i).get("event_type").asText());
      }
    }
    return types;
  }

  @Test
  void theAuditTrailEqualsTheChangesInOrderPerTaskAndIsPrivate() {
    try (RunningApp app = RunningApp.start()) {
      Api api = app.api();
      User ada = api.register("audit-ada@example.org");
      User bob = api.register("audit-bob@example.org");
      long first = fiveChanges(api, ada, "First");
      long second = fiveChanges(api, ada, "Second");
      fiveChanges(api, bob, "Bob's");

      await().atMost(WAIT).until(() -> audit(api, ada, "").size() == 10);
      List<JsonNode> entries = audit(api, ada, "");

      List<String> expected = List.of("created", "updated", "completed", "uncompleted", "deleted");
      assertThat(typesOldestFirst(entries, first)).containsExactlyElementsOf(expected);
      assertThat(typesOldestFirst(entries, second)).containsExactlyElementsOf(expected);
      assertThat(entries)
          .allSatisfy(e -> assertThat(e.get("user_id").asText()).isEqualTo(ada.id()));
      JsonNode updated =
          entries.stream()
              .filter(e -> e.get("event_type").asText().equals("updated"))
              .findFirst()
              .orElseThrow();
      assertThat(updated.get("changed_fields"))
          .extracting(JsonNode::asText)
          .containsExactly("priority");
      assertThat(updated.get("task").get("priority").asText()).isEqualTo("high");
      assertThat(audit(api, ada, "&task_id=" + first + "&event_type=completed")).hasSize(1);
      await().atMost(WAIT).until(() -> audit(api, bob, "").size() == 5);
    }
  }

  @Test
  void redeliveringEveryEventThreeTimesLeavesOneAuditEntryEachAndAnUnknownMajorVersionIsDropped()
      throws Exception {
    try (RunningApp app = RunningApp.start()) {
      Api api = app.api();
      User ada = api.register("dupes@example.org");
      fiveChanges(api, ada, "Dupes");
      await().atMost(WAIT).until(() -> audit(api, ada, "").size() == 5);
      HandleEventUseCase auditConsumer =
          app.context().getBean(HandleEventUseCase.class, Qualifiers.byName("audit"));

      List<String> payloads = new ArrayList<>();
      try (Connection c = coordinates(app).connect();
          PreparedStatement s =
              c.prepareStatement(
                  "SELECT payload FROM outbox WHERE topic = 'task-events' ORDER BY id");
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          payloads.add(rs.getString(1));
        }
      }
      assertThat(payloads).hasSize(5);
      for (int round = 0; round < 3; round++) {
        for (String payload : payloads) {
          assertThat(auditConsumer.handle(new InboundEvent("task-events", payload)))
              .isEqualTo(DeliveryOutcome.SUCCESS);
        }
      }
      String future =
          payloads.get(0).replace("\"schema_version\":\"1.0\"", "\"schema_version\":\"2.0\"");

      assertThat(auditConsumer.handle(new InboundEvent("task-events", future)))
          .isEqualTo(DeliveryOutcome.DROP);
      assertThat(audit(api, ada, "")).hasSize(5);
    }
  }

  private static TestDatabase.Coordinates coordinates(RunningApp app) {
    Map<String, Object> p = app.properties();
    return new TestDatabase.Coordinates(
        (String) p.get("datasources.default.url"),
        (String) p.get("datasources.default.username"),
        (String) p.get("datasources.default.password"));
  }

  @Test
  void eventsCommittedButNotPublishedBeforeAStopArePublishedAfterTheRestart() {
    Map<String, Object> database = new HashMap<>(TestDatabase.properties());
    Map<String, Object> withoutRelay = new HashMap<>(database);
    withoutRelay.put("todo.relay.enabled", "false");
    User ada;
    long taskId;
    try (RunningApp stopped = RunningApp.start(withoutRelay)) {
      Api api = stopped.api();
      ada = api.register("restart-events@example.org");
      taskId = fiveChanges(api, ada, "Committed, not yet published");
      assertThat(audit(api, ada, "")).isEmpty();
    }

    try (RunningApp restarted = RunningApp.start(database)) {
      Api api = restarted.api();
      await().atMost(WAIT).until(() -> audit(api, ada, "").size() == 5);

      assertThat(typesOldestFirst(audit(api, ada, ""), taskId))
          .containsExactly("created", "updated", "completed", "uncompleted", "deleted");
    }
  }

  @Test
  void twoInstancesOnOneDatabasePublishEachEventOnce() {
    Map<String, Object> database = new HashMap<>(TestDatabase.properties());
    try (RunningApp one = RunningApp.start(database);
        RunningApp two = RunningApp.start(database)) {
      User ada = one.api().register("two-instances@example.org");
      List<Long> ids = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        ids.add(fiveChanges(i % 2 == 0 ? one.api() : two.api(), ada, "task " + i));
      }

      await().atMost(WAIT).until(() -> audit(one.api(), ada, "").size() == 50);
      List<JsonNode> entries = audit(two.api(), ada, "");

      assertThat(entries).extracting(e -> e.get("event_id").asText()).doesNotHaveDuplicates();
      for (long id : ids) {
        assertThat(typesOldestFirst(entries, id))
            .containsExactly("created", "updated", "completed", "uncompleted", "deleted");
      }
    }
  }

  @Test
  void theStreamShowsTheUsersOwnChangesAndResumesFromTheLastEventId() throws Exception {
    try (RunningApp app = RunningApp.start()) {
      Api api = app.api();
      User ada = api.register("stream-ada@example.org");
      User bob = api.register("stream-bob@example.org");
      List<SseClient.Event> firstSession;
      long taskId;
      try (SseClient stream = new SseClient(api.streamUri(ada), null)) {
        assertThat(stream.status()).isEqualTo(200);
        api.createTask(bob, "Not for Ada");
        taskId = api.createTask(ada, "Watch me").get("id").asLong();
        await().atMost(WAIT).until(() -> stream.events().size() >= 1);
        firstSession = stream.events();
      }
      String path = "/api/" + ada.id() + "/tasks/" + taskId;
      api.send("PATCH", path, ada.token(), "{\"title\":\"Watched\"}");
      api.send("PATCH", path + "/complete", ada.token(), null);
      api.send("DELETE", path, ada.token(), null);
      await().atMost(WAIT).until(() -> audit(api, ada, "").size() == 4);

      try (SseClient resumed = new SseClient(api.streamUri(ada), firstSession.get(0).id())) {
        await().atMost(WAIT).until(() -> resumed.events().size() >= 3);
        List<SseClient.Event> missed = resumed.events();

        assertThat(firstSession)
            .singleElement()
            .satisfies(
                e -> {
                  assertThat(e.name()).isEqualTo("task-update");
                  assertThat(e.data())
                      .contains("\"event_type\":\"created\"")
                      .contains("\"task_id\":" + taskId);
                });
        assertThat(missed)
            .extracting(SseClient.Event::data)
            .satisfiesExactly(
                d -> assertThat(d).contains("\"updated\""),
                d -> assertThat(d).contains("\"completed\""),
                d -> assertThat(d).contains("\"deleted\""));
        assertThat(missed)
            .allSatisfy(e -> assertThat(e.data()).contains(ada.id()).doesNotContain(bob.id()));
      }
    }
  }

  @Test
  void healthShowsTheOutboxBacklogToTheOperator() {
    Map<String, Object> props = new java.util.HashMap<>(TestDatabase.properties());
    props.put("todo.management.token", "operator-token-0123456789");
    try (RunningApp app = RunningApp.start(props)) {
      Response health = app.api().get("/health", "operator-token-0123456789");

      assertThat(health.status()).isEqualTo(200);
      JsonNode outbox = health.json().get("details").get("outbox");
      assertThat(outbox.get("status").asText()).isEqualTo("UP");
      assertThat(outbox.get("details").has("unpublished")).isTrue();
      assertThat(outbox.get("details").has("oldest_unpublished_age_seconds")).isTrue();
    }
  }
}
