package dev.todoai.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.todoai.adapter.in.rest.SseTestClient.SseEvent;
import dev.todoai.adapter.out.live.SseHub;
import dev.todoai.application.event.TaskUpdateMessage;
import dev.todoai.domain.notification.Notification;
import dev.todoai.domain.shared.UserId;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code GET /api/{user_id}/stream} over real HTTP, fed by pushing notices into the hub. */
@MicronautTest
@Property(name = "todo.auth.jwt-secret", value = TaskApiHttpTest.SECRET)
@Property(name = "todo.live-updates.heartbeat", value = "1s")
@Property(name = "todo.live-updates.max-streams-per-user", value = "3")
class LiveUpdatesHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Inject EmbeddedServer server;
  @Inject SseHub hub;

  private final String user = "user-" + UUID.randomUUID();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void pushedNoticesOfItsOwnUserArriveWithIdNameAndDataAsSent() throws Exception {
    String other = "user-" + UUID.randomUUID();
    try (SseTestClient mine = open(user);
        SseTestClient theirs = open(other)) {
      TaskUpdateMessage foreign = notice(other, 2);
      TaskUpdateMessage own = notice(user, 1);
      hub.push(foreign);
      hub.push(own);

      await().atMost(WAIT).until(() -> mine.events().size() == 1);
      await().atMost(WAIT).until(() -> theirs.events().size() == 1);
      assertThat(mine.events())
          .containsExactly(new SseEvent(own.eventId().toString(), "task-update", own.json()));
      assertThat(theirs.ids()).containsExactly(foreign.eventId().toString());
    }
  }

  @Test
  void noticeIsWrittenAsIdEventAndDataLines() throws Exception {
    try (SseTestClient stream = open(user)) {
      TaskUpdateMessage notice = notice(user, 1);
      hub.push(notice);

      await().atMost(WAIT).until(() -> stream.events().size() == 1);
      assertThat(stream.lines())
          .containsSubsequence(
              "id: " + id(notice), "event: task-update", "data: " + notice.json(), "");
    }
  }

  @Test
  void pushedNotificationArrivesAsANotificationEventWithItsJson() throws Exception {
    try (SseTestClient stream = open(user)) {
      Notification notification = notification(user, 41);
      hub.pushNotification(notification);

      await().atMost(WAIT).until(() -> stream.events().size() == 1);
      SseEvent event = stream.events().get(0);
      assertThat(event.id()).isEqualTo("notification-41");
      assertThat(event.name()).isEqualTo("notification");
      assertThat(JSON.readTree(event.data()))
          .isEqualTo(
              JSON.readTree(
                  "{\"id\":41,\"kind\":\"reminder\",\"title\":\"Reminder: Call\","
                      + "\"body\":\"Line one\\nline two\",\"reminder_id\":9,\"task_id\":3,"
                      + "\"created_at\":\"2030-01-31T08:45:00Z\",\"read_at\":null}"));
      assertThat(stream.lines()).contains("event: notification", "id: notification-41");
    }
  }

  @Test
  void resumingReplaysNotificationsAndTaskUpdatesInOrder() throws Exception {
    TaskUpdateMessage seen = notice(user, 1);
    hub.push(seen);
    hub.pushNotification(notification(user, 42));
    TaskUpdateMessage after = notice(user, 2);
    hub.push(after);
    hub.pushNotification(notification(user, 42));

    try (SseTestClient resumed = open(user, "Last-Event-ID", id(seen))) {
      await().atMost(WAIT).until(() -> resumed.events().size() == 2);
      assertThat(resumed.ids()).containsExactly("notification-42", id(after));
    }
    try (SseTestClient fromNotification = open(user, "Last-Event-ID", "notification-42")) {
      await().atMost(WAIT).until(() -> fromNotification.events().size() == 1);
      assertThat(fromNotification.ids()).containsExactly(id(after));
    }
  }

  @Test
  void notificationOfAnotherUserIsNotSent() throws Exception {
    try (SseTestClient mine = open(user)) {
      hub.pushNotification(notification("user-" + UUID.randomUUID(), 43));
      TaskUpdateMessage own = notice(user, 1);
      hub.push(own);

      await().atMost(WAIT).until(() -> mine.events().size() == 1);
      assertThat(mine.ids()).containsExactly(id(own));
    }
  }

  @Test
  void streamIsAnUncachedUnbufferedEventStream() throws Exception {
    try (SseTestClient stream = open(user)) {
      HttpResponse<?> response = stream.response();

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
      assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
      assertThat(response.headers().firstValue("X-Accel-Buffering")).hasValue("no");
    }
  }

  @Test
  void idleStreamGetsKeepAliveComments() throws Exception {
    try (SseTestClient stream = open(user)) {
      await().atMost(WAIT).until(() -> stream.lines().contains(": keep-alive"));
      assertThat(stream.events()).isEmpty();
    }
  }

  @Test
  void aTicketFromAnAuthenticatedPostOpensTheStreamOnce() throws Exception {
    JsonNode ticket = ticket(user);
    String url = stream(user) + "?ticket=" + ticket.get("ticket").asText();
    assertThat(ticket.get("stream_url").asText()).isEqualTo(url);
    assertThat(Instant.parse(ticket.get("expires_at").asText()))
        .isBefore(Instant.now().plusSeconds(61));

    try (SseTestClient stream = SseTestClient.open(uri(url))) {
      assertThat(stream.response().statusCode()).isEqualTo(200);
      await().atMost(WAIT).until(() -> hub.openStreams(new UserId(user)) == 1);
      TaskUpdateMessage notice = notice(user, 1);
      hub.push(notice);

      await().atMost(WAIT).until(() -> stream.ids().equals(List.of(id(notice))));
    }
    assertProblem(plainGet(url, null), 401, "/problems/unauthorized");
  }

  @Test
  void aTicketOpensOnlyItsOwnUsersStream() throws Exception {
    String ticket = ticket(user).get("ticket").asText();

    HttpResponse<String> response = plainGet(stream("someone-else") + "?ticket=" + ticket, null);

    assertProblem(response, 403, "/problems/forbidden");
  }

  @Test
  void aTicketDoesNotAuthenticateOtherRoutes() throws Exception {
    String ticket = ticket(user).get("ticket").asText();

    assertProblem(
        plainGet("/api/" + user + "/tasks?ticket=" + ticket, null), 401, "/problems/unauthorized");
    assertProblem(plainGet("/api/" + user + "/tasks", ticket), 401, "/problems/unauthorized");
  }

  @Test
  void theAccessTokenInTheUrlNoLongerOpensTheStream() throws Exception {
    HttpResponse<String> response =
        plainGet(stream(user) + "?access_token=" + TestTokens.of(user), null);

    assertProblem(response, 401, "/problems/unauthorized");
  }

  @Test
  void aForgedTicketIsA401Problem() throws Exception {
    HttpResponse<String> response = plainGet(stream(user) + "?ticket=st_" + "A".repeat(43), null);

    assertProblem(response, 401, "/problems/unauthorized");
  }

  @Test
  void ticketsAreIssuedOnlyToTheirOwner() throws Exception {
    HttpResponse<String> anonymous = post("/api/" + user + "/stream/tickets", null);
    HttpResponse<String> other = post("/api/someone-else/stream/tickets", TestTokens.of(user));

    assertProblem(anonymous, 401, "/problems/unauthorized");
    assertProblem(other, 403, "/problems/forbidden");
  }

  @Test
  void theStreamBeyondTheLimitOfAUserIsA429AndOtherUsersStillConnect() throws Exception {
    List<SseTestClient> open = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        open.add(open(user));
      }
      HttpResponse<String> refused = plainGet(stream(user), TestTokens.of(user));

      assertProblem(refused, 429, "/problems/too-many-streams");
      assertThat(refused.headers().firstValue("Retry-After")).isPresent();
      try (SseTestClient other = open("user-" + UUID.randomUUID())) {
        assertThat(other.response().statusCode()).isEqualTo(200);
      }
      open.remove(0).close();
      await().atMost(WAIT).until(() -> hub.openStreams(new UserId(user)) == 2);
      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                try (SseTestClient again =
                    SseTestClient.open(
                        uri(stream(user)), "Authorization", "Bearer " + TestTokens.of(user))) {
                  assertThat(again.response().statusCode()).isEqualTo(200);
                }
              });
    } finally {
      for (SseTestClient client : open) {
        client.close();
      }
    }
  }

  @Test
  void streamWithoutTokenIsA401Problem() throws Exception {
    assertProblem(plainGet(stream(user), null), 401, "/problems/unauthorized");
  }

  @Test
  void anotherUsersStreamIsA403Problem() throws Exception {
    HttpResponse<String> response = plainGet(stream("someone-else"), TestTokens.of(user));

    assertProblem(response, 403, "/problems/forbidden");
  }

  @Test
  void unknownQueryParameterIsA400() throws Exception {
    HttpResponse<String> response =
        plainGet(stream(user) + "?since=yesterday", TestTokens.of(user));

    assertProblem(response, 400, "/problems/validation-failed");
    assertThat(JSON.readTree(response.body()).get("errors").findValuesAsText("field"))
        .containsExactly("since");
  }

  @Test
  void reconnectingWithLastEventIdReplaysExactlyTheMissedNotices() throws Exception {
    TaskUpdateMessage seen1 = notice(user, 1);
    TaskUpdateMessage seen2 = notice(user, 2);
    try (SseTestClient first = open(user)) {
      hub.push(seen1);
      hub.push(seen2);
      await().atMost(WAIT).until(() -> first.events().size() == 2);
    }
    await().atMost(WAIT).until(() -> hub.openStreams(new UserId(user)) == 0);
    TaskUpdateMessage missed1 = notice(user, 3);
    TaskUpdateMessage missed2 = notice(user, 4);
    hub.push(missed1);
    hub.push(missed2);

    try (SseTestClient resumed = open(user, "Last-Event-ID", id(seen2))) {
      TaskUpdateMessage live = notice(user, 5);
      await().atMost(WAIT).until(() -> resumed.events().size() == 2);
      hub.push(live);

      await().atMost(WAIT).until(() -> resumed.events().size() >= 3);
      assertThat(resumed.ids()).containsExactly(id(missed1), id(missed2), id(live));
      assertThat(resumed.events().get(0).data()).isEqualTo(missed1.json());
    }
  }

  @Test
  void lastEventIdQueryParameterResumesLikeTheHeader() throws Exception {
    TaskUpdateMessage seen = notice(user, 1);
    TaskUpdateMessage missed = notice(user, 2);
    hub.push(seen);
    hub.push(missed);

    try (SseTestClient resumed =
        SseTestClient.open(
            uri(stream(user) + "?last_event_id=" + id(seen)),
            "Authorization",
            "Bearer " + TestTokens.of(user))) {
      await().atMost(WAIT).until(() -> resumed.events().size() == 1);
      assertThat(resumed.ids()).containsExactly(id(missed));
    }
  }

  @Test
  void unknownLastEventIdGetsAResyncThenLiveNotices() throws Exception {
    try (SseTestClient resumed = open(user, "Last-Event-ID", UUID.randomUUID().toString())) {
      await().atMost(WAIT).until(() -> resumed.events().size() == 1);
      TaskUpdateMessage live = notice(user, 1);
      hub.push(live);
      await().atMost(WAIT).until(() -> resumed.events().size() == 2);

      SseEvent resync = resumed.events().get(0);
      assertThat(resync.name()).isEqualTo("resync");
      assertThat(JSON.readTree(resync.data()).get("reason").asText()).isEqualTo("history-expired");
      assertThat(resumed.events().get(1).id()).isEqualTo(id(live));
    }
  }

  @Test
  void duplicatePushIsSentOnce() throws Exception {
    try (SseTestClient stream = open(user)) {
      TaskUpdateMessage once = notice(user, 1);
      TaskUpdateMessage next = notice(user, 2);
      hub.push(once);
      hub.push(once);
      hub.push(next);

      await().atMost(WAIT).until(() -> stream.events().size() >= 2);
      assertThat(stream.ids()).containsExactly(id(once), id(next));
    }
  }

  @Test
  void closedStreamIsForgotten() throws Exception {
    SseTestClient stream = open(user);
    assertThat(hub.openStreams(new UserId(user))).isEqualTo(1);

    stream.close();

    await().atMost(WAIT).until(() -> hub.openStreams(new UserId(user)) == 0);
  }

  private SseTestClient open(String owner, String... headers) throws Exception {
    String[] all = new String[headers.length + 2];
    all[0] = "Authorization";
    all[1] = "Bearer " + TestTokens.of(owner);
    System.arraycopy(headers, 0, all, 2, headers.length);
    SseTestClient client = SseTestClient.open(uri(stream(owner)), all);
    assertThat(client.response().statusCode()).isEqualTo(200);
    await().atMost(WAIT).until(() -> client.comments().contains("connected"));
    return client;
  }

  private JsonNode ticket(String owner) throws Exception {
    HttpResponse<String> response = post("/api/" + owner + "/stream/tickets", TestTokens.of(owner));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> post(String path, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), BodyHandlers.ofString());
  }

  private HttpResponse<String> plainGet(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), BodyHandlers.ofString());
  }

  private static TaskUpdateMessage notice(String owner, long taskId) {
    UUID eventId = UUID.randomUUID();
    Instant now = Instant.now();
    String json =
        "{\"schema_version\":\"1.0\",\"event_id\":\""
            + eventId
            + "\",\"event_type\":\"updated\",\"user_id\":\""
            + owner
            + "\",\"task_id\":"
            + taskId
            + ",\"occurred_at\":\""
            + now
            + "\"}";
    return new TaskUpdateMessage(eventId, "updated", new UserId(owner), taskId, now, json);
  }

  private static Notification notification(String owner, long id) {
    return new Notification(
        id,
        new UserId(owner),
        9,
        3,
        Notification.Kind.REMINDER,
        "Reminder: Call",
        "Line one\nline two",
        Instant.parse("2030-01-31T08:45:00Z"),
        null);
  }

  private static String id(TaskUpdateMessage notice) {
    return notice.eventId().toString();
  }

  private static String stream(String owner) {
    return "/api/" + owner + "/stream";
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + server.getPort() + path);
  }

  private static void assertProblem(HttpResponse<String> response, int status, String type)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(JSON.readTree(response.body()).get("type").asText()).isEqualTo(type);
  }
}
