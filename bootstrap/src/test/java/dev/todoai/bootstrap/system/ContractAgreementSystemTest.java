package dev.todoai.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.todoai.bootstrap.system.Api.Response;
import dev.todoai.bootstrap.system.Api.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * REST and MCP read a task with one contract: for every task field, the same values are accepted
 * and the same are refused with the same field named and the same message — when a task is created
 * ({@code POST .../tasks} and add_task) and when it is changed ({@code PATCH .../tasks/{id}} and
 * update_task).
 */
class ContractAgreementSystemTest {
  private static final Map<String, String> MCP_HEADERS =
      Map.of("Accept", "application/json, text/event-stream");
  private static final AtomicInteger REQUESTS = new AtomicInteger();
  private static final Pattern UNKNOWN =
      Pattern.compile("is not a known (field|argument)(; known are [a-z_]+(, [a-z_]+)*)?");

  private static RunningApp app;
  private static Api api;
  private static User ada;

  @BeforeAll
  static void start() {
    app = RunningApp.start(McpSystemTest.mcpProperties());
    api = app.api();
    ada = api.register("agreement@example.org");
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  /** A field and a value (JSON text); with a due where the field needs one. */
  static Stream<Arguments> values() {
    List<Arguments> cases = new ArrayList<>();
    add(cases, "title", "\"Pay rent\"", "\"\"", "\"   \"", "5", "true", "null", longText(201));
    add(cases, "description", "\"notes\"", "\"\"", "7", "null", longText(4001));
    add(cases, "priority", "\"high\"", "\"none\"", "\"p1\"", "\"URGENT\"", "3", "null");
    add(cases, "tags", "[\"home\",\"Work\"]", "[]", "\"work\"", "[1]", "[\"has space\"]", "null");
    add(
        cases,
        "due_at",
        "\"2030-01-15T17:00:00+01:00\"",
        "\"2030-01-15\"",
        "\"tomorrow\"",
        "\"2030-01-15T17:00:00\"",
        "5",
        "null");
    add(cases, "due_date", "\"2030-01-15\"", "\"2030-02-30\"", "\"15.01.2030\"", "1", "null");
    add(cases, "time_zone", "\"Europe/Berlin\"", "\"Mars/Olympus\"", "\"\"", "2", "null");
    add(
        cases,
        "recurrence_rule",
        "\"FREQ=WEEKLY;BYDAY=MO\"",
        "\"FREQ=SOMETIMES\"",
        "\"RRULE:FREQ=DAILY\"",
        "7",
        "null");
    add(cases, "recurrence", "\"weekly\"", "\"fortnightly\"", "true", "null");
    add(cases, "recurrence_anchor", "\"completion\"", "\"start\"", "1", "null");
    add(
        cases,
        "reminders",
        "[{\"before_due\":\"PT1H\"}]",
        "[{\"remind_at\":\"2031-01-01T09:00:00Z\"}]",
        "[]",
        "[{\"before_due\":\"soon\"}]",
        "[{\"before_due\":\"PT1H\",\"remind_at\":\"2031-01-01T09:00:00Z\"}]",
        "[{\"colour\":\"red\"}]",
        "[{}]",
        "\"PT1H\"",
        "[5]",
        "null");
    add(cases, "completed", "true", "false", "\"yes\"", "1", "null");
    add(cases, "colour", "\"red\"");
    return cases.stream();
  }

  private static void add(List<Arguments> cases, String field, String... values) {
    for (String value : values) {
      cases.add(Arguments.of(field, value));
    }
  }

  private static String longText(int length) {
    return "\"" + "x".repeat(length) + "\"";
  }

  @ParameterizedTest(name = "create with {0} = {1}")
  @MethodSource("values")
  void creatingATaskAcceptsAndRefusesTheSameValues(String field, String value) {
    ObjectNode fields = fields(field, value);

    Outcome rest = rest("POST", "/api/" + ada.id() + "/tasks", fields);
    Outcome mcp = mcp("add_task", fields);

    assertThat(mcp).as("%s = %s; REST: %s", field, value, rest).isEqualTo(rest);
  }

  @ParameterizedTest(name = "change {0} to {1}")
  @MethodSource("values")
  void changingATaskAcceptsAndRefusesTheSameValues(String field, String value) {
    ObjectNode change = Api.JSON.createObjectNode();
    change.set(field, Api.JSON.valueToTree(parse(value)));
    long viaRest = newTask();
    long viaMcp = newTask();

    Outcome rest = rest("PATCH", "/api/" + ada.id() + "/tasks/" + viaRest, change);
    ObjectNode arguments = change.deepCopy();
    arguments.put("task_id", viaMcp);
    Outcome mcp = mcp("update_task", arguments);

    assertThat(mcp).as("%s = %s; REST: %s", field, value, rest).isEqualTo(rest);
  }

  /**
   * Accepted, or refused with these errors ({@code field: message; ...} in the order they were
   * found; the wording of an unknown member aside).
   */
  record Outcome(boolean accepted, String errors) {}

  private static ObjectNode fields(String field, String value) {
    ObjectNode fields = Api.JSON.createObjectNode();
    if (!field.equals("title")) {
      fields.put("title", "Agree");
    }
    if (!field.startsWith("due_")) {
      fields.put("due_date", "2030-01-15");
    }
    fields.set(field, Api.JSON.valueToTree(parse(value)));
    return fields;
  }

  private static long newTask() {
    return api.createTask(ada, Map.of("title", "Agree", "due_date", "2030-01-15"))
        .get("id")
        .asLong();
  }

  private static Object parse(String json) {
    try {
      return Api.JSON.readValue(json, Object.class);
    } catch (Exception e) {
      throw new IllegalArgumentException(json, e);
    }
  }

  private static Outcome rest(String method, String path, ObjectNode body) {
    Response r = api.send(method, path, ada.token(), body.toString());
    if (r.status() / 100 == 2) {
      return new Outcome(true, "");
    }
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    List<String> errors = new ArrayList<>();
    r.json()
        .get("errors")
        .forEach(e -> errors.add(e.get("field").asText() + ": " + e.get("message").asText()));
    return new Outcome(false, wording(String.join("; ", errors)));
  }

  private static Outcome mcp(String tool, ObjectNode arguments) {
    ObjectNode call = Api.JSON.createObjectNode();
    call.put("jsonrpc", "2.0");
    call.put("id", REQUESTS.incrementAndGet());
    call.put("method", "tools/call");
    ObjectNode params = call.putObject("params");
    params.put("name", tool);
    params.set("arguments", arguments);
    Response r = api.send("POST", "/mcp", ada.token(), call.toString(), MCP_HEADERS);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode result = r.json().get("result");
    assertThat(result).as(r.body()).isNotNull();
    if (!result.path("isError").asBoolean()) {
      return new Outcome(true, "");
    }
    return new Outcome(false, wording(result.at("/content/0/text").asText()));
  }

  /** REST says "field" where a tool says "argument" (and lists the known ones). */
  private static String wording(String errors) {
    return UNKNOWN.matcher(errors).replaceAll("is not a known member");
  }
}
