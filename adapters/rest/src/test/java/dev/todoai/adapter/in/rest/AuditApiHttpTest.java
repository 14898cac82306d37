package dev.todoai.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.todoai.domain.audit.AuditEntry;
import dev.todoai.domain.audit.AuditFilter;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code GET /api/{user_id}/audit} over real HTTP, on an in-memory audit query. */
@MicronautTest
@Property(name = "todo.auth.jwt-secret", value = TaskApiHttpTest.SECRET)
class AuditApiHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject EmbeddedServer server;
  @Inject FakeAuditEntries audit;

  private final HttpClient http = HttpClient.newHttpClient();
  private final String user = "user-" + UUID.randomUUID();

  @Test
  void entriesComeNewestFirstWithTheSnapshotAsAnObject() throws Exception {
    AuditEntry created = entry(7, "created", "[]");
    AuditEntry updated = entry(7, "updated", "[\"title\",\"priority\"]");

    HttpResponse<String> response = get(audit());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.isArray()).isTrue();
    assertThat(body.findValuesAsText("event_id"))
        .containsExactly(updated.eventId().toString(), created.eventId().toString());
    JsonNode newest = body.get(0);
    assertThat(newest.get("event_type").asText()).isEqualTo("updated");
    assertThat(newest.get("user_id").asText()).isEqualTo(user);
    assertThat(newest.get("task_id").asLong()).isEqualTo(7);
    assertThat(newest.get("occurred_at").asText()).isEqualTo("2030-01-31T09:00:00Z");
    assertThat(newest.get("task").isObject()).isTrue();
    assertThat(newest.get("task").get("title").asText()).isEqualTo("Task 7");
    assertThat(newest.get("task").get("tags").toString()).isEqualTo("[\"a\",\"b\"]");
    assertThat(newest.get("changed_fields").toString()).isEqualTo("[\"title\",\"priority\"]");
    assertThat(body.get(1).get("changed_fields").toString()).isEqualTo("[]");
  }

  @Test
  void theQueryRunsOnTheRequestPoolNotOnTheEventLoop() throws Exception {
    entry(3, "created", "[]");

    HttpResponse<String> response = get(audit());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(audit.lastThread()).startsWith("todo-request-");
  }

  @Test
  void pagesLinkToTheNextPageWithTheSameParameters() throws Exception {
    for (int i = 0; i < 3; i++) {
      entry(5, "updated", "[]");
    }

    HttpResponse<String> first = get(audit() + "?event_type=updated&limit=2");

    assertThat(JSON.readTree(first.body())).hasSize(2);
    String cursor = first.headers().firstValue("X-Next-Cursor").orElseThrow();
    assertThat(first.headers().firstValue("Link"))
        .hasValue(
            "<" + audit() + "?event_type=updated&limit=2&cursor=" + cursor + ">; rel=\"next\"");
    HttpResponse<String> last = get(audit() + "?event_type=updated&limit=2&cursor=" + cursor);
    assertThat(JSON.readTree(last.body())).hasSize(1);
    assertThat(last.headers().firstValue("Link")).isEmpty();
    assertThat(last.headers().firstValue("X-Next-Cursor")).isEmpty();
  }

  @Test
  void filtersAndPageArePassedToTheQuery() throws Exception {
    entry(42, "completed", "[\"completed\"]");
    entry(43, "completed", "[\"completed\"]");

    HttpResponse<String> response = get(audit() + "?task_id=42&event_type=completed&limit=10");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).findValuesAsText("task_id")).containsExactly("42");
    UserId owner = new UserId(user);
    assertThat(audit.lastFilter(owner)).isEqualTo(new AuditFilter(42L, "completed"));
    assertThat(audit.lastPage(owner).limit()).isEqualTo(10);
    assertThat(audit.lastPage(owner).cursor()).isNull();
  }

  @Test
  void withoutParametersEverythingIsAskedForInPagesOfFifty() throws Exception {
    get(audit());

    UserId owner = new UserId(user);
    assertThat(audit.lastFilter(owner)).isEqualTo(AuditFilter.ALL);
    assertThat(audit.lastPage(owner).limit()).isEqualTo(50);
  }

  @Test
  void badParametersAreAllNamedInOne400Problem() throws Exception {
    HttpResponse<String> response =
        get(audit() + "?task_id=0&event_type=renamed&limit=201&sort_by=title");

    assertProblem(response, 400, "/problems/validation-failed");
    assertThat(fields(response))
        .containsExactlyInAnyOrder("task_id", "event_type", "limit", "sort_by");
  }

  @Test
  void nonNumericTaskIdAndZeroLimitAre400() throws Exception {
    HttpResponse<String> response = get(audit() + "?task_id=abc&limit=0");

    assertProblem(response, 400, "/problems/validation-failed");
    assertThat(fields(response)).containsExactlyInAnyOrder("task_id", "limit");
  }

  @Test
  void repeatedParameterIsA400() throws Exception {
    HttpResponse<String> response = get(audit() + "?event_type=created&event_type=deleted");

    assertProblem(response, 400, "/problems/validation-failed");
    assertThat(fields(response)).containsExactly("event_type");
  }

  @Test
  void cursorTheQueryRejectsIsA400NamingIt() throws Exception {
    HttpResponse<String> response = get(audit() + "?cursor=not-a-cursor");

    assertProblem(response, 400, "/problems/validation-failed");
    assertThat(fields(response)).containsExactly("cursor");
  }

  @Test
  void requestWithoutTokenIsA401Problem() throws Exception {
    HttpResponse<String> response =
        http.send(HttpRequest.newBuilder(uri(audit())).GET().build(), BodyHandlers.ofString());

    assertProblem(response, 401, "/problems/unauthorized");
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
  }

  @Test
  void anotherUsersTrailIsA403Problem() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri("/api/someone-else/audit"))
                .header("Authorization", "Bearer " + TestTokens.of(user))
                .GET()
                .build(),
            BodyHandlers.ofString());

    assertProblem(response, 403, "/problems/forbidden");
  }

  private AuditEntry entry(long taskId, String eventType, String changedFields) throws Exception {
    String snapshot =
        "{\"id\":" + taskId + ",\"title\":\"Task " + taskId + "\",\"tags\":[\"a\",\"b\"]}";
    AuditEntry entry =
        new AuditEntry(
            UUID.randomUUID(),
            eventType,
            new UserId(user),
            taskId,
            Instant.parse("2030-01-31T09:00:00Z"),
            snapshot,
            List.of(JSON.readValue(changedFields, String[].class)));
    audit.add(entry);
    return entry;
  }

  private String audit() {
    return "/api/" + user + "/audit";
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", "Bearer " + TestTokens.of(user))
            .GET()
            .build(),
        BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + server.getPort() + path);
  }

  private static List<String> fields(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body()).get("errors").findValuesAsText("field");
  }

  private static void assertProblem(HttpResponse<String> response, int status, String type)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(JSON.readTree(response.body()).get("type").asText()).isEqualTo(type);
  }
}
