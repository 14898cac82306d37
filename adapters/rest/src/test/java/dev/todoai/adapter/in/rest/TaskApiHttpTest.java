package dev.todoai.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The controllers over real HTTP, with the real use cases on in-memory out-ports. */
@MicronautTest
@Property(name = "todo.auth.jwt-secret", value = TaskApiHttpTest.SECRET)
class TaskApiHttpTest {
  static final String SECRET = "test-secret-0123456789-abcdefghijklmnop";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject EmbeddedServer server;

  private final HttpClient http = HttpClient.newHttpClient();
  private final String user = "user-" + UUID.randomUUID();

  @Test
  void createdTaskComesBackWithLocationEtagAndSnakeCaseFields() throws Exception {
    HttpResponse<String> response =
        send(
            "POST",
            tasks(),
            "{\"title\":\" Buy milk \",\"priority\":\"high\",\"tags\":[\"Home\",\"errand\"],"
                + "\"due_at\":\"2030-01-31T10:00:00+01:00\"}");

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode task = json(response);
    assertThat(response.headers().firstValue("Location"))
        .hasValue("/api/" + user + "/tasks/" + task.get("id").asLong());
    assertThat(response.headers().firstValue("ETag")).hasValue("\"1\"");
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(task.get("title").asText()).isEqualTo("Buy milk");
    assertThat(task.get("user_id").asText()).isEqualTo(user);
    assertThat(task.get("tags").toString()).isEqualTo("[\"errand\",\"home\"]");
    assertThat(task.get("due_at").asText()).isEqualTo("2030-01-31T09:00:00Z");
    assertThat(task.get("due_date").isNull()).isTrue();
    assertThat(task.get("recurrence_anchor").asText()).isEqualTo("due");
    assertThat(task.get("is_recurring").asBoolean()).isFalse();
    assertThat(task.get("version").asLong()).isEqualTo(1);
  }

  @Test
  void repeatingAnIdempotencyKeyReplaysTheFirstResult() throws Exception {
    String key = "key-" + UUID.randomUUID();
    HttpResponse<String> first =
        send("POST", tasks(), "{\"title\":\"Once\",\"tags\":[\"a\"]}", "Idempotency-Key", key);
    HttpResponse<String> replay =
        send("POST", tasks(), "{\"tags\":[\"a\"], \"title\":\"Once\"}", "Idempotency-Key", key);

    assertThat(replay.statusCode()).isEqualTo(201);
    assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(replay.headers().firstValue("Location"))
        .isEqualTo(first.headers().firstValue("Location"));
    assertThat(replay.body()).isEqualTo(first.body());
  }

  @Test
  void reusingAnIdempotencyKeyWithAnotherBodyIsA422Problem() throws Exception {
    String key = "key-" + UUID.randomUUID();
    send("POST", tasks(), "{\"title\":\"One\"}", "Idempotency-Key", key);
    HttpResponse<String> reuse =
        send("POST", tasks(), "{\"title\":\"Two\"}", "Idempotency-Key", key);

    assertProblem(reuse, 422, "/problems/idempotency-key-reused");
  }

  @Test
  void badFieldsAreAllReportedInOneProblem() throws Exception {
    HttpResponse<String> response =
        send(
            "POST",
            tasks(),
            "{\"title\":5,\"tags\":\"x\",\"priority\":\"asap\",\"due_date\":\"2030-02-30\","
                + "\"time_zone\":\"Mars/Olympus\",\"sortby\":1,\"reminders\":\"soon\",\"id\":7}");

    assertProblem(response, 400, "/problems/validation-failed");
    assertThat(fields(response))
        .containsExactlyInAnyOrder(
            "title", "tags", "priority", "due_date", "time_zone", "sortby", "reminders");
  }

  @Test
  void malformedJsonIsA400NamingTheBodyWithItsPosition() throws Exception {
    HttpResponse<String> response = send("POST", tasks(), "{\"title\": \"x\",}");

    assertProblem(response, 400, "/problems/validation-failed");
    assertThat(fields(response)).containsExactly("body");
    assertThat(json(response).get("errors").get(0).get("message").asText())
        .contains("line 1, column");
  }

  @Test
  void missingBodyIsA400NamingTheBody() throws Exception {
    HttpResponse<String> response = send("POST", tasks(), null);

    assertProblem(response, 400, "/problems/validation-failed");
    assertThat(fields(response)).containsExactly("body");
  }

  @Test
  void requestWithoutTokenIsA401ProblemWithBearerChallenge() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri(tasks())).GET().build(),
            BodyHandlers.ofString(StandardCharsets.UTF_8));

    assertProblem(response, 401, "/problems/unauthorized");
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void unsignedTokenIsRejected() throws Exception {
    String unsigned =
        new PlainJWT(
                new JWTClaimsSet.Builder()
                    .subject(user)
                    .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                    .build())
            .serialize();

    assertProblem(get(tasks(), unsigned), 401, "/problems/unauthorized");
  }

  @Test
  void tokenSignedWithAnotherKeyIsRejected() throws Exception {
    String forged = token(user, "another-secret-0123456789-abcdefghijk", Instant.now());

    assertProblem(get(tasks(), forged), 401, "/problems/unauthorized");
  }

  @Test
  void expiredTokenIsRejected() throws Exception {
    String expired = token(user, SECRET, Instant.now().minusSeconds(8 * 24 * 3600));

    assertProblem(get(tasks(), expired), 401, "/problems/unauthorized");
  }

  @Test
  void tokenOfAnotherUserIsA403Problem() throws Exception {
    String otherUsersToken = token("someone-else", SECRET, Instant.now());

    assertProblem(get(tasks(), otherUsersToken), 403, "/problems/forbidden");
  }

  @Test
  void unknownRouteIsA404ProblemEvenWithoutToken() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri("/api/nothing/here/at/all")).GET().build(),
            BodyHandlers.ofString());

    assertProblem(response, 404, "/problems/not-found");
  }

  @Test
  void unsupportedMethodIsA405Problem() throws Exception {
    HttpResponse<String> response = send("PUT", tasks(), "{\"title\":\"x\"}");

    assertProblem(response, 405, "/problems/method-not-allowed");
  }

  @Test
  void plainTextBodyIsA415Problem() throws Exception {
    HttpResponse<String> response =
        http.send(
            authorized(tasks())
                .header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString("title"))
                .build(),
            BodyHandlers.ofString());

    assertProblem(response, 415, "/problems/unsupported-media-type");
  }

  @Test
  void askingForHtmlIsA406Problem() throws Exception {
    HttpResponse<String> response =
        http.send(
            authorized(tasks()).header("Accept", "text/html").GET().build(),
            BodyHandlers.ofString());

    assertProblem(response, 406, "/problems/not-acceptable");
  }

  @Test
  void unexpectedFailureIsAGeneric500WithoutDetails() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri("/api/test-boom")).GET().build(), BodyHandlers.ofString());

    assertProblem(response, 500, "/problems/internal-error");
    assertThat(response.body()).doesNotContain("hunter2").doesNotContain("Exception");
  }

  @Test
  void missingTaskIsA404AndNonNumericIdA400() throws Exception {
    assertProblem(get(tasks() + "/999999", token()), 404, "/problems/not-found");
    HttpResponse<String> badId = get(tasks() + "/abc", token());
    assertProblem(badId, 400, "/problems/validation-failed");
    assertThat(fields(badId)).containsExactly("id");
  }

  @Test
  void staleIfMatchIsA412AndChangesNothing() throws Exception {
    String location = create("{\"title\":\"Versioned\"}");
    send("PATCH", location, "{\"priority\":\"low\"}");

    HttpResponse<String> stale =
        send("PUT", location, "{\"title\":\"Overwritten\"}", "If-Match", "\"1\"");

    assertProblem(stale, 412, "/problems/version-mismatch");
    HttpResponse<String> current = get(location, token());
    assertThat(json(current).get("title").asText()).isEqualTo("Versioned");
    assertThat(current.headers().firstValue("ETag")).hasValue("\"2\"");
  }

  @Test
  void unparsableIfMatchIsA400() throws Exception {
    String location = create("{\"title\":\"Guarded\"}");

    HttpResponse<String> response =
        send("PUT", location, "{\"title\":\"x\"}", "If-Match", "version-one");

    assertProblem(response, 400, "/problems/validation-failed");
    assertThat(fields(response)).containsExactly("If-Match");
  }

  @Test
  void mergePatchChangesOnlyTheGivenFieldsAndSwitchesDueKinds() throws Exception {
    String location =
        create("{\"title\":\"Patch me\",\"description\":\"keep\",\"due_date\":\"2030-05-01\"}");

    HttpResponse<String> patched =
        send(
            "PATCH",
            location,
            "{\"due_at\":\"2030-05-02T08:00:00Z\",\"tags\":[\"x\"],\"completed\":true}",
            "Content-Type",
            "application/merge-patch+json");

    assertThat(patched.statusCode()).isEqualTo(200);
    JsonNode task = json(patched);
    assertThat(task.get("description").asText()).isEqualTo("keep");
    assertThat(task.get("due_at").asText()).isEqualTo("2030-05-02T08:00:00Z");
    assertThat(task.get("due_date").isNull()).isTrue();
    assertThat(task.get("completed").asBoolean()).isTrue();
    assertThat(task.get("tags").toString()).isEqualTo("[\"x\"]");
  }

  @Test
  void patchRemovingTheTitleIsA400() throws Exception {
    String location = create("{\"title\":\"Needed\"}");

    HttpResponse<String> response = send("PATCH", location, "{\"title\":null}");

    assertProblem(response, 400, "/problems/validation-failed");
    assertThat(fields(response)).containsExactly("title");
  }

  @Test
  void completeTogglesAndAcceptsAnExplicitState() throws Exception {
    String location = create("{\"title\":\"Toggle\"}");

    HttpResponse<String> toggled = send("PATCH", location + "/complete", null);
    HttpResponse<String> reopened = send("PATCH", location + "/complete", "{\"completed\":false}");

    assertThat(json(toggled).get("completed").asBoolean()).isTrue();
    assertThat(json(toggled).get("completed_at").isTextual()).isTrue();
    assertThat(json(reopened).get("completed").asBoolean()).isFalse();
    assertThat(reopened.headers().firstValue("ETag")).hasValue("\"3\"");
  }

  @Test
  void deleteAnswers204AndTheTaskIsGone() throws Exception {
    String location = create("{\"title\":\"Bye\"}");

    HttpResponse<String> deleted = send("DELETE", location, null, "If-Match", "W/\"1\"");

    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(get(location, token()).statusCode()).isEqualTo(404);
  }

  @Test
  void listIsAPlainArrayWithALinkToTheNextPage() throws Exception {
    create("{\"title\":\"one\",\"priority\":\"high\"}");
    create("{\"title\":\"two\",\"priority\":\"high\"}");
    create("{\"title\":\"three\",\"priority\":\"low\"}");

    HttpResponse<String> page = get(tasks() + "?priority=high,urgent&limit=1", token());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(json(page).isArray()).isTrue();
    assertThat(json(page)).hasSize(1);
    String cursor = page.headers().firstValue("X-Next-Cursor").orElseThrow();
    assertThat(page.headers().firstValue("Link"))
        .hasValue(
            "<" + tasks() + "?priority=high,urgent&limit=1&cursor=" + cursor + ">; rel=\"next\"");
    HttpResponse<String> next =
        get(tasks() + "?priority=high,urgent&limit=1&cursor=" + cursor, token());
    assertThat(json(next).get(0).get("title").asText()).isEqualTo("two");
    assertThat(next.headers().firstValue("Link")).isEmpty();
  }

  @Test
  void unknownQueryParameterIsA400NamingIt() throws Exception {
    HttpResponse<String> response = get(tasks() + "?sortby=title&limit=0", token());

    assertProblem(response, 400, "/problems/validation-failed");
    assertThat(fields(response)).containsExactlyInAnyOrder("sortby", "limit");
  }

  @Test
  void registeredUserLogsInAndTheTokenOpensTheirTasks() throws Exception {
    String email = UUID.randomUUID() + "@example.com";
    HttpResponse<String> registered =
        post("/api/auth/register", "{\"email\":\"" + email + "\",\"password\":\"correct horse\"}");
    HttpResponse<String> loggedIn =
        post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"correct horse\"}");

    assertThat(registered.statusCode()).isEqualTo(201);
    assertThat(loggedIn.statusCode()).isEqualTo(200);
    JsonNode body = json(loggedIn);
    assertThat(body.get("user_id").asText()).isEqualTo(json(registered).get("user_id").asText());
    assertThat(body.get("expires_at").asText()).endsWith("Z");
    String ownTasks = "/api/" + body.get("user_id").asText() + "/tasks";
    assertThat(get(ownTasks, body.get("token").asText()).statusCode()).isEqualTo(200);
  }

  @Test
  void registeringATakenEmailIsA409() throws Exception {
    String body =
        "{\"email\":\"" + UUID.randomUUID() + "@example.com\",\"password\":\"1234567890\"}";
    post("/api/auth/register", body);

    assertProblem(post("/api/auth/register", body), 409, "/problems/email-taken");
  }

  @Test
  void repeatedWrongPasswordsEndInA429WithRetryAfter() throws Exception {
    String email = UUID.randomUUID() + "@example.com";
    post("/api/auth/register", "{\"email\":\"" + email + "\",\"password\":\"right-password\"}");
    String wrong = "{\"email\":\"" + email + "\",\"password\":\"wrong-password\"}";

    assertProblem(post("/api/auth/login", wrong), 401, "/problems/invalid-credentials");
    for (int i = 0; i < 4; i++) {
      post("/api/auth/login", wrong);
    }
    HttpResponse<String> throttled = post("/api/auth/login", wrong);

    assertProblem(throttled, 429, "/problems/too-many-login-attempts");
    assertThat(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow()))
        .isPositive();
  }

  private String tasks() {
    return "/api/" + user + "/tasks";
  }

  private String create(String body) throws Exception {
    HttpResponse<String> response = send("POST", tasks(), body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return response.headers().firstValue("Location").orElseThrow();
  }

  private String token() throws Exception {
    return token(user, SECRET, Instant.now());
  }

  private static String token(String subject, String secret, Instant issuedAt) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.HS256),
            new JWTClaimsSet.Builder()
                .subject(subject)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plusSeconds(7 * 24 * 3600)))
                .build());
    jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    return jwt.serialize();
  }

  private HttpResponse<String> send(String method, String path, String body, String... headers)
      throws Exception {
    HttpRequest.Builder request = authorized(path);
    boolean contentType = false;
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
      contentType |= headers[i].equalsIgnoreCase("Content-Type");
    }
    if (body != null && !contentType) {
      request.header("Content-Type", "application/json");
    }
    request.method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    return http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET().build(),
        BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(body))
            .build(),
        BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpRequest.Builder authorized(String path) throws Exception {
    return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + server.getPort() + path);
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  private static List<String> fields(HttpResponse<String> response) throws Exception {
    return json(response).get("errors").findValuesAsText("field");
  }

  private static void assertProblem(HttpResponse<String> response, int status, String type)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    JsonNode problem = json(response);
    assertThat(problem.get("type").asText()).isEqualTo(type);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asText()).isNotBlank();
    assertThat(problem.get("detail").asText()).isNotBlank();
    assertThat(problem.get("instance").asText()).startsWith("/");
  }
}
