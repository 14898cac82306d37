package dev.todoai.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.todoai.bootstrap.system.Api.User;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Random JSON bodies, query strings, path values and headers — hostile values on purpose (NUL and
 * other control characters, huge and negative numbers, extreme dates, forged cursors, wrong types,
 * deep nesting) — at every route of the running application (as its router lists them), with a
 * valid token most of the time. Whatever comes in, the answer is never a 5xx, and the log gets no
 * ERROR and no stack trace. Bounded: {@code -Dtodo.fuzz.seconds} (default 45) of sending, seed
 * {@code -Dtodo.fuzz.seed} (printed, to replay a failure).
 */
class HostileInputFuzzSystemTest {
  private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> FIELDS =
      List.of(
          "title",
          "description",
          "priority",
          "tags",
          "due_at",
          "due_date",
          "time_zone",
          "recurrence",
          "recurrence_rule",
          "recurrence_anchor",
          "completed",
          "reminders",
          "remind_at",
          "before_due",
          "time_of_day",
          "email",
          "password",
          "message",
          "conversation_id",
          "text",
          "jsonrpc",
          "id",
          "method",
          "params",
          "name",
          "arguments",
          "limit",
          "cursor",
          "status",
          "search");
  private static final List<String> QUERY_NAMES =
      List.of(
          "status",
          "priority",
          "tags",
          "tag_mode",
          "due_after",
          "due_before",
          "overdue",
          "has_due",
          "search",
          "sort_by",
          "sort_order",
          "limit",
          "cursor",
          "unread",
          "last_event_id",
          "ticket",
          "access_token",
          "q",
          "x");
  private static final List<String> HOSTILE_STRINGS =
      List.of(
          "",
          " ",
          "a\u0000b",
          "\u0000",
          "\u0001\u0002\u0003",
          "tab\there",
          "line\nbreak",
          "\u001b[31mred",
          "\u007f",
          "'; DROP TABLE tasks; --",
          "%00",
          "%s%n%x",
          "../../etc/passwd",
          "😀".repeat(300),
          "x".repeat(10_000),
          "+999999999-12-31T23:59:59Z",
          "-999999999-01-01T00:00:00Z",
          "9999-12-31",
          "0000-00-00",
          "2030-02-30",
          "1970-01-01T00:00:00Z",
          "P99999999D",
          "PT-1S",
          "FREQ=SECONDLY",
          "FREQ=DAILY;COUNT=0",
          "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=31",
          "Europe/Nowhere",
          "high",
          "urgent",
          "daily",
          "true",
          "null",
          "NaN",
          "-1",
          "0",
          "9223372036854775808",
          "1e309",
          "<script>",
          "\ud800",
          "st_" + "A".repeat(43),
          "eyJhbGciOiJub25lIn0.e30.",
          "MQ",
          "bm9wZQ");

  private static RunningApp app;
  private static Api api;
  private static User ada;
  private static long taskId;
  private static long reminderId;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final java.util.function.Supplier<HttpClient> FRESH =
      () -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() {
    app = RunningApp.start(McpSystemTest.mcpProperties());
    api = app.api();
    ada = api.register("fuzz@example.org");
    taskId =
        api.createTask(
                ada,
                Map.of(
                    "title",
                    "Fuzz target",
                    "due_at",
                    "2031-01-01T10:00:00Z",
                    "recurrence",
                    "daily"))
            .get("id")
            .asLong();
    reminderId =
        api.post(
                "/api/" + ada.id() + "/tasks/" + taskId + "/reminders",
                ada.token(),
                "{\"before_due\":\"PT15M\"}")
            .json()
            .get("id")
            .asLong();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void noRouteAnswersAnyHostileInputWithAServerErrorOrAStackTrace() throws Exception {
    long seed = Long.getLong("todo.fuzz.seed", System.nanoTime());
    Duration budget = Duration.ofSeconds(Long.getLong("todo.fuzz.seconds", 45));
    Random random = new Random(seed);
    List<UriRouteInfo<?, ?>> routes = new ArrayList<>();
    app.context().getBean(Router.class).uriRoutes().forEach(routes::add);
    assertThat(routes).hasSizeGreaterThan(20);

    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    root.addAppender(log);
    Map<String, Integer> perRoute = new TreeMap<>();
    List<String> serverErrors = new ArrayList<>();
    int tried = 0;
    long deadline = System.nanoTime() + budget.toNanos();
    try {
      // every route at least a few times, then at random until the budget is spent
      for (int round = 0; System.nanoTime() < deadline || round < 3; round++) {
        for (UriRouteInfo<?, ?> route : routes) {
          if (round >= 3 && System.nanoTime() >= deadline) {
            break;
          }
          String method = route.getHttpMethodName();
          String path = path(route.getUriMatchTemplate().toPathString(), random);
          String query = query(random);
          String body = random.nextInt(5) == 0 ? null : body(path, random);
          int status;
          try {
            status = send(method, path + query, body, random);
          } catch (java.io.IOException dropped) {
            serverErrors.add(
                "no answer ("
                    + dropped.getMessage()
                    + ") "
                    + method
                    + " "
                    + path
                    + query
                    + " "
                    + abbreviate(body));
            continue;
          }
          if (status < 0) {
            continue;
          }
          tried++;
          perRoute.merge(
              method + " " + route.getUriMatchTemplate().toPathString(), 1, Integer::sum);
          if (status >= 500) {
            serverErrors.add(status + " " + method + " " + path + query + " " + abbreviate(body));
          }
        }
      }
    } finally {
      root.detachAppender(log);
    }
    List<ILoggingEvent> errors =
        log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR)).toList();
    List<ILoggingEvent> traces =
        log.list.stream()
            .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN) && e.getThrowableProxy() != null)
            .toList();
    long warnings = log.list.stream().filter(e -> e.getLevel() == Level.WARN).count();
    System.out.printf(
        "hostile-input fuzz: seed %d, %d inputs over %d routes, %d server errors, %d WARN lines,"
            + " %d ERROR lines%n",
        seed, tried, perRoute.size(), serverErrors.size(), warnings, errors.size());

    assertThat(serverErrors).as("5xx answers (seed %d)", seed).isEmpty();
    assertThat(errors.stream().map(ILoggingEvent::getFormattedMessage))
        .as("ERROR lines (seed %d)", seed)
        .isEmpty();
    assertThat(traces.stream().map(ILoggingEvent::getFormattedMessage))
        .as("WARN lines with a stack trace (seed %d)", seed)
        .isEmpty();
    assertThat(warnings).as("at most one WARN line per input").isLessThanOrEqualTo(tried);
  }

  private static String path(String template, Random random) {
    Matcher m = VARIABLE.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1).replaceAll("[:?*].*", "");
      String value;
      int pick = random.nextInt(10);
      if (name.toLowerCase().contains("user")) {
        value = pick < 8 ? ada.id() : hostileSegment(random);
      } else if (pick < 4) {
        value = Long.toString(name.toLowerCase().contains("reminder") ? reminderId : taskId);
      } else {
        value = hostileSegment(random);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String hostileSegment(Random random) {
    String raw =
        switch (random.nextInt(6)) {
          case 0 -> Long.toString(random.nextLong());
          case 1 -> "-1";
          case 2 -> "99999999999999999999";
          default -> pick(HOSTILE_STRINGS, random);
        };
    return raw.isEmpty() ? "x" : URLEncoder.encode(raw, StandardCharsets.UTF_8);
  }

  private static String query(Random random) {
    int n = random.nextInt(4);
    if (n == 0) {
      return "";
    }
    StringBuilder q = new StringBuilder("?");
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        q.append('&');
      }
      String name =
          random.nextInt(8) == 0 ? pick(HOSTILE_STRINGS, random) : pick(QUERY_NAMES, random);
      q.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(scalar(random), StandardCharsets.UTF_8));
    }
    return q.toString();
  }

  private static String scalar(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> Integer.toString(random.nextInt(400) - 50);
      case 1 ->
          pick(List.of("pending", "completed", "due", "priority", "asc", "desc", "true"), random);
      default -> pick(HOSTILE_STRINGS, random);
    };
  }

  private static String body(String path, Random random) {
    if (random.nextInt(15) == 0) {
      return pick(
          List.of("{", "[]", "null", "\"x\"", "{\"a\":1,\"a\":2}", "{} {}", "\u0000"), random);
    }
    if (path.equals("/mcp") && random.nextBoolean()) {
      ObjectNode rpc = NODES.objectNode();
      rpc.put("jsonrpc", random.nextInt(5) == 0 ? "1.0" : "2.0");
      rpc.set("id", value(random, 1));
      rpc.put(
          "method",
          pick(
              List.of("initialize", "tools/list", "tools/call", "ping", "nope", "\u0000"), random));
      ObjectNode params = rpc.putObject("params");
      params.put("name", pick(List.of("add_task", "list_tasks", "update_task", "x"), random));
      params.set("arguments", object(random, 2));
      return rpc.toString();
    }
    return object(random, 3).toString();
  }

  private static ObjectNode object(Random random, int depth) {
    ObjectNode node = NODES.objectNode();
    int n = random.nextInt(5);
    for (int i = 0; i < n; i++) {
      String name = random.nextInt(10) == 0 ? pick(HOSTILE_STRINGS, random) : pick(FIELDS, random);
      node.set(name, value(random, depth - 1));
    }
    return node;
  }

  private static JsonNode value(Random random, int depth) {
    switch (random.nextInt(depth > 0 ? 9 : 7)) {
      case 0:
        return NODES.nullNode();
      case 1:
        return NODES.booleanNode(random.nextBoolean());
      case 2:
        return NODES.numberNode(random.nextLong());
      case 3:
        return NODES.numberNode(random.nextDouble() * 1e12 - 5e11);
      case 4:
        return NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
      case 5:
      case 6:
        return NODES.textNode(pick(HOSTILE_STRINGS, random));
      case 7:
        ArrayNode array = NODES.arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          array.add(value(random, depth - 1));
        }
        return array;
      default:
        return object(random, depth - 1);
    }
  }

  private static int send(String method, String pathAndQuery, String body, Random random)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30));
    int auth = random.nextInt(10);
    if (auth < 8) {
      b.header("Authorization", "Bearer " + ada.token());
    } else if (auth == 8) {
      b.header(
          "Authorization",
          "Bearer " + pick(HOSTILE_STRINGS, random).replaceAll("[^\\x21-\\x7e]", ""));
    }
    if (body != null) {
      b.header("Content-Type", random.nextInt(12) == 0 ? "text/plain" : "application/json");
    }
    if (random.nextInt(4) == 0) {
      b.header(
          pick(List.of("If-Match", "Idempotency-Key", "Last-Event-ID", "Accept"), random),
          pick(
              List.of(
                  "\"1\"",
                  "*",
                  "x".repeat(300),
                  "W/\"-1\"",
                  "key-1",
                  "text/event-stream",
                  "application/json, text/event-stream"),
              random));
    }
    if (pathAndQuery.startsWith("/mcp")) {
      b.header("Accept", "application/json, text/event-stream");
    }
    boolean bodiless = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    b.method(
        method,
        body == null || bodiless
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    HttpRequest request;
    try {
      request = b.build();
    } catch (IllegalArgumentException notSendable) {
      return -1;
    }
    HttpResponse<InputStream> response;
    try {
      response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (java.io.IOException closed) {
      // a kept-alive connection the server closed just then: once more on a fresh one
      response = FRESH.get().send(request, HttpResponse.BodyHandlers.ofInputStream());
    }
    try (InputStream in = response.body()) {
      String type = response.headers().firstValue("Content-Type").orElse("");
      if (!type.startsWith("text/event-stream")) {
        in.readNBytes(1 << 20);
      }
    }
    return response.statusCode();
  }

  private static URI uri(String pathAndQuery) {
    try {
      return URI.create(app.uri() + pathAndQuery);
    } catch (IllegalArgumentException notAUri) {
      return URI.create(app.uri() + "/" + URLEncoder.encode(pathAndQuery, StandardCharsets.UTF_8));
    }
  }

  private static <T> T pick(List<T> list, Random random) {
    return list.get(random.nextInt(list.size()));
  }

  private static String abbreviate(String body) {
    if (body == null) {
      return "(no body)";
    }
    String printable = body.replaceAll("[\\x00-\\x1f\\x7f]", "?");
    return printable.length() > 300 ? printable.substring(0, 300) + "..." : printable;
  }
}
