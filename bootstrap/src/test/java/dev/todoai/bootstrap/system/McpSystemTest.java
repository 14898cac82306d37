package dev.todoai.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todoai.adapter.out.persistence.testsupport.TestDatabase;
import dev.todoai.bootstrap.system.Api.Response;
import dev.todoai.bootstrap.system.Api.User;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MCP endpoint against the whole application: the official MCP TypeScript SDK client (a node
 * process, {@code mcp-client-test/client-test.mjs}) initializes, lists and calls every tool with a
 * user's Bearer token; the effects are then checked through the REST API.
 */
class McpSystemTest {
  private static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
          + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
          + "\"clientInfo\":{\"name\":\"java\",\"version\":\"0\"}}}";
  private static final Map<String, String> MCP_HEADERS =
      Map.of("Accept", "application/json, text/event-stream");

  private static RunningApp app;
  private static Api api;

  /** The MCP settings the application is expected to carry in application.yml. */
  static Map<String, Object> mcpProperties() {
    Map<String, Object> props = new HashMap<>(TestDatabase.properties());
    props.put("micronaut.mcp.server.transport", "HTTP");
    props.put("micronaut.mcp.server.info.name", "todo-ai");
    props.put("micronaut.mcp.server.info.version", "0.1.0");
    return props;
  }

  @BeforeAll
  static void start() {
    app = RunningApp.start(mcpProperties());
    api = app.api();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void theMcpEndpointRefusesRequestsWithoutAValidToken() {
    Response none = api.send("POST", "/mcp", null, INITIALIZE, MCP_HEADERS);
    Response bad = api.send("POST", "/mcp", "not-a-jwt", INITIALIZE, MCP_HEADERS);

    assertThat(none.status()).isEqualTo(401);
    assertThat(bad.status()).isEqualTo(401);
  }

  @Test
  void theMcpEndpointInitializesForAUserWithAToken() {
    User ada = api.register("mcp-init@example.org");

    Response init = api.send("POST", "/mcp", ada.token(), INITIALIZE, MCP_HEADERS);

    assertThat(init.status()).isEqualTo(200);
    assertThat(init.json().at("/result/serverInfo/name").asText()).isEqualTo("todo-ai");
    assertThat(init.json().at("/result/capabilities/tools").isObject()).isTrue();
  }

  @Test
  void theMcpEndpointIsOffWhenTodoMcpIsDisabled() {
    Map<String, Object> props = mcpProperties();
    props.put("todo.mcp.enabled", "false");
    props.put("micronaut.mcp.server.enabled", "${todo.mcp.enabled:true}");

    try (RunningApp off = RunningApp.start(props)) {
      User ada = off.api().register("mcp-off@example.org");
      Response init = off.api().send("POST", "/mcp", ada.token(), INITIALIZE, MCP_HEADERS);

      assertThat(init.status()).isEqualTo(404);
      assertThat(off.context().getBeansOfType(SyncToolSpecification.class)).isEmpty();
    }
  }

  @Test
  void theOfficialTypeScriptClientUsesEveryToolAndTheRestApiSeesTheEffects() throws Exception {
    User ada = api.register("mcp-ada@example.org");
    User bob = api.register("mcp-bob@example.org");

    ClientRun run = runClient(ada, bob);

    JsonNode report = run.report();
    List<String> failed = new ArrayList<>();
    report
        .get("checks")
        .forEach(
            c -> {
              if (!c.get("ok").asBoolean()) {
                failed.add(c.get("name").asText() + " -> " + c.get("detail"));
              }
            });
    assertThat(failed).as("failed client checks; stderr:\n%s", run.stderr()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(report.get("checks").size()).isGreaterThan(25);
    assertThat(report.get("tools")).hasSize(10);
    System.out.println("MCP client: " + report.get("checks").size() + " checks passed");

    long taskId = report.get("taskId").asLong();
    Response task = api.get("/api/" + ada.id() + "/tasks/" + taskId, ada.token());
    assertThat(task.status()).isEqualTo(200);
    assertThat(task.json().get("title").asText()).isEqualTo("Buy oat milk via MCP");
    assertThat(task.json().get("completed").asBoolean()).isTrue();
    assertThat(task.json().get("due_at").asText()).isEqualTo("2030-01-15T16:00:00Z");
    assertThat(task.json().get("due_date").isNull()).isTrue();
    assertThat(task.json().get("tags").get(0).asText()).isEqualTo("errands");

    Response all = api.get("/api/" + ada.id() + "/tasks?status=all", ada.token());
    List<Long> ids = new ArrayList<>();
    all.json().forEach(t -> ids.add(t.get("id").asLong()));
    assertThat(ids)
        .contains(taskId, report.get("keptTaskId").asLong())
        .doesNotContain(report.get("deletedTaskId").asLong());
    assertThat(
            api.get(
                    "/api/" + ada.id() + "/tasks/" + report.get("deletedTaskId").asLong(),
                    ada.token())
                .status())
        .isEqualTo(404);

    Response reminders =
        api.get("/api/" + ada.id() + "/tasks/" + taskId + "/reminders", ada.token());
    assertThat(reminders.status()).isEqualTo(200);
    JsonNode list =
        reminders.json().isArray() ? reminders.json() : reminders.json().get("reminders");
    List<Long> reminderIds = new ArrayList<>();
    list.forEach(r -> reminderIds.add(r.get("id").asLong()));
    assertThat(reminderIds)
        .containsExactly(report.get("reminderId").asLong())
        .doesNotContain(report.get("deletedReminderId").asLong());

    Response bobs = api.get("/api/" + bob.id() + "/tasks?status=all", bob.token());
    assertThat(bobs.json()).isEmpty();
  }

  private record ClientRun(int exitCode, JsonNode report, String stderr) {}

  /** A missing tool skips the test on a workstation, but fails it in CI (CI=true). */
  private static void needed(String executable, String why) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      assertThat(executable).as(why + " (CI=true)").isNotNull();
    } else {
      assumeThat(executable).as(why).isNotNull();
    }
  }

  private ClientRun runClient(User user, User other) throws Exception {
    Path dir = clientDirectory();
    String node = executable("node");
    needed(node, "node (20+) is needed for the MCP client test");
    if (!installedSdkMatches(dir)) {
      String npm = executable("npm");
      needed(npm, "npm is needed to install the MCP client");
      Process install =
          new ProcessBuilder(npm, "ci", "--no-audit", "--no-fund")
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("npm-ci.log").toFile())
              .start();
      assertThat(install.waitFor(10, TimeUnit.MINUTES)).as("npm ci finished").isTrue();
      assertThat(install.exitValue())
          .as("npm ci: %s", Files.readString(dir.resolve("npm-ci.log")))
          .isZero();
    }
    Path stdout = Files.createTempFile("mcp-client", ".out");
    Path stderr = Files.createTempFile("mcp-client", ".err");
    try {
      Process client =
          new ProcessBuilder(
                  node,
                  "client-test.mjs",
                  app.uri().toString(),
                  user.token(),
                  other.token(),
                  user.id(),
                  other.id())
              .directory(dir.toFile())
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile())
              .start();
      if (!client.waitFor(3, TimeUnit.MINUTES)) {
        client.destroyForcibly();
        throw new AssertionError("the MCP client did not finish within 3 minutes");
      }
      String out = Files.readString(stdout, StandardCharsets.UTF_8).strip();
      String err = Files.readString(stderr, StandardCharsets.UTF_8);
      String lastLine = out.substring(out.lastIndexOf('\n') + 1);
      assertThat(lastLine).as("client output (stderr: %s)", err).startsWith("{");
      return new ClientRun(client.exitValue(), Api.JSON.readTree(lastLine), err);
    } finally {
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
    }
  }

  /** Whether node_modules holds the SDK version that package.json pins (else: npm ci). */
  private static boolean installedSdkMatches(Path dir) throws IOException {
    Path installed = dir.resolve("node_modules/@modelcontextprotocol/sdk/package.json");
    if (!Files.isRegularFile(installed)) {
      return false;
    }
    String wanted =
        Api.JSON
            .readTree(dir.resolve("package.json").toFile())
            .at("/dependencies/@modelcontextprotocol~1sdk")
            .asText();
    return Api.JSON.readTree(installed.toFile()).get("version").asText().equals(wanted);
  }

  /** {@code mcp-client-test/} of the repository, found from the working directory upwards. */
  private static Path clientDirectory() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("mcp-client-test");
      if (Files.isRegularFile(candidate.resolve("client-test.mjs"))) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "mcp-client-test/ not found above " + Path.of("").toAbsolutePath());
  }

  private static String executable(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String entry : path.split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(entry, name);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }
}
