package dev.todoai.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todoai.bootstrap.system.Api.Response;
import dev.todoai.bootstrap.system.Api.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input never causes a 500 or a stack trace: each request below must get a 400 problem+json
 * response that names the offending field (or parameter, or header).
 */
class BadInputSystemTest {
  private static RunningApp app;
  private static Api api;
  private static User ada;
  private static long taskId;

  @BeforeAll
  static void start() {
    app = RunningApp.start();
    api = app.api();
    ada = api.register("bad-input@example.org");
    taskId = api.createTask(ada, "Existing").get("id").asLong();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static final String TASKS = "{tasks}";
  private static final String TASK = "{task}";

  private static Arguments post(String name, String body, String field) {
    return Arguments.of(name, "POST", TASKS, body, Map.of(), field);
  }

  private static Arguments query(String name, String query, String field) {
    return Arguments.of(name, "GET", TASKS + "?" + query, null, Map.of(), field);
  }

  static Stream<Arguments> badRequests() {
    List<Arguments> cases = new ArrayList<>();
    cases.add(post("malformed JSON", "{\"title\":", "body"));
    cases.add(post("trailing garbage", "{\"title\":\"x\"} x", "body"));
    cases.add(post("array instead of object", "[]", "body"));
    cases.add(post("string instead of object", "\"buy milk\"", "body"));
    cases.add(post("empty body", "", "body"));
    cases.add(post("duplicate key", "{\"title\":\"a\",\"title\":\"b\"}", "body"));
    cases.add(post("missing title", "{}", "title"));
    cases.add(post("null title", "{\"title\":null}", "title"));
    cases.add(post("empty title", "{\"title\":\"\"}", "title"));
    cases.add(post("blank title", "{\"title\":\"   \"}", "title"));
    cases.add(post("title too long", "{\"title\":\"" + "x".repeat(201) + "\"}", "title"));
    cases.add(post("numeric title", "{\"title\":5}", "title"));
    cases.add(post("boolean title", "{\"title\":true}", "title"));
    cases.add(post("object title", "{\"title\":{\"text\":\"x\"}}", "title"));
    cases.add(
        post(
            "description too long",
            "{\"title\":\"x\",\"description\":\"" + "d".repeat(4001) + "\"}",
            "description"));
    cases.add(post("numeric description", "{\"title\":\"x\",\"description\":7}", "description"));
    cases.add(post("unknown priority", "{\"title\":\"x\",\"priority\":\"p1\"}", "priority"));
    cases.add(post("upper-case priority", "{\"title\":\"x\",\"priority\":\"URGENT\"}", "priority"));
    cases.add(post("numeric priority", "{\"title\":\"x\",\"priority\":3}", "priority"));
    cases.add(post("tags as string", "{\"title\":\"x\",\"tags\":\"work\"}", "tags"));
    cases.add(post("numeric tag", "{\"title\":\"x\",\"tags\":[1]}", "tags"));
    cases.add(post("empty tag", "{\"title\":\"x\",\"tags\":[\"\"]}", "tags"));
    cases.add(post("tag with space", "{\"title\":\"x\",\"tags\":[\"has space\"]}", "tags"));
    cases.add(
        post("tag too long", "{\"title\":\"x\",\"tags\":[\"" + "t".repeat(41) + "\"]}", "tags"));
    StringBuilder many = new StringBuilder("[");
    for (int i = 0; i < 21; i++) {
      many.append(i == 0 ? "" : ",").append("\"t").append(i).append('"');
    }
    cases.add(post("21 tags", "{\"title\":\"x\",\"tags\":" + many + "]}", "tags"));
    cases.add(post("due_at words", "{\"title\":\"x\",\"due_at\":\"tomorrow\"}", "due_at"));
    cases.add(
        post("due_at month 13", "{\"title\":\"x\",\"due_at\":\"2026-13-01T00:00:00Z\"}", "due_at"));
    cases.add(
        post(
            "due_at without offset",
            "{\"title\":\"x\",\"due_at\":\"2026-03-01T10:00:00\"}",
            "due_at"));
    cases.add(post("due_at as number", "{\"title\":\"x\",\"due_at\":1700000000}", "due_at"));
    cases.add(
        post("due_date 30 February", "{\"title\":\"x\",\"due_date\":\"2026-02-30\"}", "due_date"));
    cases.add(
        post("due_date US format", "{\"title\":\"x\",\"due_date\":\"03/01/2026\"}", "due_date"));
    cases.add(
        post(
            "due_date with time",
            "{\"title\":\"x\",\"due_date\":\"2026-03-01T10:00:00Z\"}",
            "due_date"));
    cases.add(
        post("unknown time zone", "{\"title\":\"x\",\"time_zone\":\"Mars/Olympus\"}", "time_zone"));
    cases.add(
        post("offset as time zone", "{\"title\":\"x\",\"time_zone\":\"+02:00\"}", "time_zone"));
    cases.add(post("numeric time zone", "{\"title\":\"x\",\"time_zone\":5}", "time_zone"));
    cases.add(
        post(
            "hourly rule",
            "{\"title\":\"x\",\"due_date\":\"2026-03-01\",\"recurrence_rule\":\"FREQ=HOURLY\"}",
            "recurrence_rule"));
    cases.add(
        post(
            "nonsense rule",
            "{\"title\":\"x\",\"due_date\":\"2026-03-01\",\"recurrence_rule\":\"every day\"}",
            "recurrence_rule"));
    cases.add(
        post(
            "rule without due",
            "{\"title\":\"x\",\"recurrence_rule\":\"FREQ=DAILY\"}",
            "recurrence_rule"));
    cases.add(
        post(
            "unknown anchor",
            "{\"title\":\"x\",\"recurrence_anchor\":\"start\"}",
            "recurrence_anchor"));
    cases.add(post("unknown field", "{\"title\":\"x\",\"titel\":\"y\"}", "titel"));
    cases.add(post("completed on create", "{\"title\":\"x\",\"completed\":true}", "completed"));
    cases.add(
        Arguments.of(
            "idempotency key too long",
            "POST",
            TASKS,
            "{\"title\":\"x\"}",
            Map.of("Idempotency-Key", "k".repeat(256)),
            "Idempotency-Key"));
    cases.add(query("unknown status", "status=open", "status"));
    cases.add(query("unknown priority filter", "priority=high,p1", "priority"));
    cases.add(query("unknown tag mode", "tags=a&tag_mode=some", "tag_mode"));
    cases.add(query("bad tag filter", "tags=has%20space", "tags"));
    cases.add(query("due_after words", "due_after=yesterday", "due_after"));
    cases.add(query("due_before bad date", "due_before=2026-02-30", "due_before"));
    cases.add(query("overdue maybe", "overdue=maybe", "overdue"));
    cases.add(query("has_due as number", "has_due=1", "has_due"));
    cases.add(query("unknown sort", "sort_by=importance", "sort_by"));
    cases.add(query("unknown order", "sort_order=up", "sort_order"));
    cases.add(query("limit zero", "limit=0", "limit"));
    cases.add(query("limit too large", "limit=201", "limit"));
    cases.add(query("limit not a number", "limit=ten", "limit"));
    cases.add(query("garbage cursor", "cursor=not-a-cursor", "cursor"));
    cases.add(query("misspelt parameter", "sortby=title", "sortby"));
    cases.add(Arguments.of("non-numeric id", "GET", TASKS + "/abc", null, Map.of(), "id"));
    cases.add(Arguments.of("negative id", "GET", TASKS + "/-1", null, Map.of(), "id"));
    cases.add(
        Arguments.of("huge id", "GET", TASKS + "/99999999999999999999", null, Map.of(), "id"));
    cases.add(
        Arguments.of(
            "bad If-Match",
            "PUT",
            TASK,
            "{\"title\":\"x\"}",
            Map.of("If-Match", "yesterday"),
            "If-Match"));
    cases.add(
        Arguments.of("patch removes title", "PATCH", TASK, "{\"title\":null}", Map.of(), "title"));
    cases.add(Arguments.of("patch wrong type", "PATCH", TASK, "{\"tags\":{}}", Map.of(), "tags"));
    cases.add(
        Arguments.of(
            "put without title", "PUT", TASK, "{\"description\":\"x\"}", Map.of(), "title"));
    cases.add(
        Arguments.of(
            "complete with string",
            "PATCH",
            TASK + "/complete",
            "{\"completed\":\"yes\"}",
            Map.of(),
            "completed"));
    cases.add(
        Arguments.of(
            "register bad email",
            "POST",
            "/api/auth/register",
            "{\"email\":\"not-an-email\",\"password\":\"long enough pw\"}",
            Map.of(),
            "email"));
    cases.add(
        Arguments.of(
            "register short password",
            "POST",
            "/api/auth/register",
            "{\"email\":\"short@example.org\",\"password\":\"short\"}",
            Map.of(),
            "password"));
    cases.add(
        Arguments.of(
            "login without password",
            "POST",
            "/api/auth/login",
            "{\"email\":\"x@example.org\"}",
            Map.of(),
            "password"));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void badInputIsA400ProblemNamingTheField(
      String name,
      String method,
      String path,
      String body,
      Map<String, String> headers,
      String field) {
    String resolved =
        path.replace(TASK, "/api/" + ada.id() + "/tasks/" + taskId)
            .replace(TASKS, "/api/" + ada.id() + "/tasks");

    Response response = api.send(method, resolved, ada.token(), body, headers);

    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    JsonNode problem = response.json();
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("type").asText()).isNotBlank();
    assertThat(problem.get("title").asText()).isNotBlank();
    assertThat(problem.get("detail").asText()).isNotBlank();
    assertThat(problem.get("errors"))
        .as(response.body())
        .isNotNull()
        .anySatisfy(e -> assertThat(e.get("field").asText()).isEqualTo(field));
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }
}
