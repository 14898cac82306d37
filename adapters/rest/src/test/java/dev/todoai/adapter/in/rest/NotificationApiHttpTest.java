package dev.todoai.adapter.in.rest;

import static dev.todoai.adapter.in.rest.ApiTestClient.assertInvalid;
import static dev.todoai.adapter.in.rest.ApiTestClient.assertProblem;
import static dev.todoai.adapter.in.rest.ApiTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todoai.domain.notification.Notification;
import dev.todoai.domain.notification.Notification.Kind;
import dev.todoai.domain.shared.UserId;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The notifications of a user over real HTTP, on in-memory use cases. */
@MicronautTest
@Property(name = "todo.auth.jwt-secret", value = TaskApiHttpTest.SECRET)
class NotificationApiHttpTest {
  private static final AtomicLong IDS = new AtomicLong();

  @Inject EmbeddedServer server;
  @Inject FakeNotifications notifications;

  private final String user = "user-" + UUID.randomUUID();
  private final UserId owner = new UserId(user);
  private ApiTestClient api;

  @BeforeEach
  void connect() {
    api = new ApiTestClient(server.getPort(), user);
  }

  @Test
  void notificationsComeNewestFirstWithSnakeCaseFields() throws Exception {
    Notification older = notification(owner, Kind.MISSED_REMINDER, "2030-01-01T09:00:00Z", null);
    Notification newer =
        notification(owner, Kind.REMINDER, "2030-01-02T09:00:00Z", "2030-01-02T10:00:00Z");

    HttpResponse<String> response = api.get(notifications());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.findValuesAsText("id"))
        .containsExactly(Long.toString(newer.id()), Long.toString(older.id()));
    JsonNode first = body.get(0);
    assertThat(first.get("kind").asText()).isEqualTo("reminder");
    assertThat(first.get("title").asText()).isEqualTo("Reminder: Pay rent");
    assertThat(first.get("body").asText()).isEqualTo("Due 2030-02-01");
    assertThat(first.get("reminder_id").asLong()).isEqualTo(newer.reminderId());
    assertThat(first.get("task_id").asLong()).isEqualTo(7);
    assertThat(first.get("created_at").asText()).isEqualTo("2030-01-02T09:00:00Z");
    assertThat(first.get("read_at").asText()).isEqualTo("2030-01-02T10:00:00Z");
    assertThat(body.get(1).get("kind").asText()).isEqualTo("missed_reminder");
    assertThat(body.get(1).get("read_at").isNull()).isTrue();
    assertThat(notifications.lastUnreadOnly(owner)).isFalse();
    assertThat(notifications.lastLimit(owner)).isEqualTo(50);
  }

  @Test
  void unreadFilterAndLimitArePassedOn() throws Exception {
    Notification unread = notification(owner, Kind.REMINDER, "2030-01-01T09:00:00Z", null);
    notification(owner, Kind.REMINDER, "2030-01-02T09:00:00Z", "2030-01-02T10:00:00Z");

    HttpResponse<String> response = api.get(notifications() + "?unread=true&limit=10");

    assertThat(json(response).findValuesAsText("id")).containsExactly(Long.toString(unread.id()));
    assertThat(notifications.lastUnreadOnly(owner)).isTrue();
    assertThat(notifications.lastLimit(owner)).isEqualTo(10);
  }

  @Test
  void badListParametersAreAllNamed() throws Exception {
    assertInvalid(
        api.get(notifications() + "?unread=yes&limit=0&since=today"), "unread", "limit", "since");
  }

  @Test
  void markingOneReadAnswers204() throws Exception {
    Notification unread = notification(owner, Kind.REMINDER, "2030-01-01T09:00:00Z", null);

    HttpResponse<String> response =
        api.send("POST", notifications() + "/" + unread.id() + "/read", null);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    assertThat(notifications.get(unread.id()).unread()).isFalse();
  }

  @Test
  void markingAMissingOrForeignNotificationReadIsA404() throws Exception {
    Notification foreign =
        notification(new UserId("someone-else"), Kind.REMINDER, "2030-01-01T09:00:00Z", null);

    assertProblem(
        api.send("POST", notifications() + "/" + foreign.id() + "/read", null),
        404,
        "/problems/not-found");
    assertProblem(
        api.send("POST", notifications() + "/999999999/read", null), 404, "/problems/not-found");
    assertThat(notifications.get(foreign.id()).unread()).isTrue();
  }

  @Test
  void nonNumericNotificationIdIsA400() throws Exception {
    assertInvalid(api.send("POST", notifications() + "/first/read", null), "id");
  }

  @Test
  void markingAllReadCountsTheUnreadOnesOfTheUserOnly() throws Exception {
    notification(owner, Kind.REMINDER, "2030-01-01T09:00:00Z", null);
    notification(owner, Kind.MISSED_REMINDER, "2030-01-02T09:00:00Z", null);
    notification(owner, Kind.REMINDER, "2030-01-03T09:00:00Z", "2030-01-03T10:00:00Z");
    Notification foreign =
        notification(new UserId("someone-else"), Kind.REMINDER, "2030-01-01T09:00:00Z", null);

    HttpResponse<String> response = api.send("POST", notifications() + "/read-all", null);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(json(response).get("marked_read").asInt()).isEqualTo(2);
    assertThat(json(api.get(notifications() + "?unread=true"))).isEmpty();
    assertThat(notifications.get(foreign.id()).unread()).isTrue();
  }

  @Test
  void anotherUsersNotificationsAreA403() throws Exception {
    String theirs = "/api/someone-else/notifications";

    assertProblem(api.get(theirs), 403, "/problems/forbidden");
    assertProblem(api.send("POST", theirs + "/1/read", null), 403, "/problems/forbidden");
    assertProblem(api.send("POST", theirs + "/read-all", null), 403, "/problems/forbidden");
  }

  private Notification notification(UserId to, Kind kind, String createdAt, String readAt) {
    long id = IDS.incrementAndGet();
    Notification notification =
        new Notification(
            id,
            to,
            100 + id,
            7,
            kind,
            "Reminder: Pay rent",
            "Due 2030-02-01",
            Instant.parse(createdAt),
            readAt == null ? null : Instant.parse(readAt));
    notifications.add(notification);
    return notification;
  }

  private String notifications() {
    return "/api/" + user + "/notifications";
  }
}
