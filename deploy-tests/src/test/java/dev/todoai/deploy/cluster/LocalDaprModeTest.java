package dev.todoai.deploy.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The local Dapr mode as an operator runs it: {@code scripts/run-dapr-local.sh} on a fresh data
 * directory (so PostgreSQL, Kafka and the scheduler start empty, and the Dapr state store's tables
 * appear before the first migration), the scenarios through the backend, loopback-only sockets, the
 * secret-source log line, and Ctrl-C stopping everything.
 */
@EnabledIfEnvironmentVariable(named = LocalDaprModeTest.ENABLED_VARIABLE, matches = "1")
class LocalDaprModeTest {
  /** Set by {@code scripts/test.sh} once Debian's PostgreSQL server is installed. */
  static final String ENABLED_VARIABLE = "TODO_LOCAL_DAPR_E2E";

  // the ports run-dapr-local.sh documents (not the scheduler's health port 5009: Dapr's scheduler
  // binds it on every address whatever --healthz-listen-address says; docs/deploy.md)
  static final List<Integer> PORTS =
      List.of(
          8080, 8081, 8082, 8083, 3500, 3501, 3502, 3503, 5001, 5002, 5003, 5004, 5006, 9092, 5432);

  @Test
  void theScriptStartsEverythingOnLoopbackServesTheScenariosAndCtrlCStopsAll() throws Exception {
    Path repo = KubeCluster.repoRoot();
    Path dir = Files.createTempDirectory("todo-dapr-local");
    // one Dapr end-to-end run at a time on this machine (mDNS name resolution)
    ProcessBuilder builder =
        new ProcessBuilder(
                "bash",
                "-c",
                "exec 9>/tmp/todo-e2e-dapr.lock && flock 9 && exec bash scripts/run-dapr-local.sh")
            .directory(repo.toFile())
            .redirectErrorStream(true);
    builder.environment().put("TODO_LOCAL_DIR", dir.toString());
    // PostgreSQL's own user must reach its directory: not inside the private temporary directory
    Path pgDir = Path.of("/tmp", dir.getFileName() + "-postgresql");
    builder.environment().put("TODO_LOCAL_PG_DIR", pgDir.toString());
    long started = System.nanoTime();
    Process run = builder.start();
    List<String> output = new CopyOnWriteArrayList<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  output.add(line);
                  System.out.println("[dapr-local] " + line);
                }
              } catch (IOException e) {
                output.add("read failed: " + e);
              }
            },
            "dapr-local-output");
    reader.setDaemon(true);
    reader.start();
    Throwable failure = null;
    try {
      await()
          .atMost(Duration.ofMinutes(20))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> output.stream().anyMatch(l -> l.contains("ready:")) || !run.isAlive());
      assertThat(run.isAlive()).as("script exited: " + String.join("\n", output)).isTrue();
      System.out.printf(
          "[dapr-local] ready in %d s%n",
          Duration.ofNanos(System.nanoTime() - started).toSeconds());

      // every port it opened listens on loopback only
      String sockets = exec("ss", "-Hltn");
      for (int port : PORTS) {
        List<String> listeners =
            sockets
                .lines()
                .map(l -> l.trim().split("\\s+"))
                .filter(f -> f.length >= 4 && f[3].endsWith(":" + port))
                .map(f -> f[3])
                .toList();
        assertThat(listeners).as("listeners on " + port).isNotEmpty();
        assertThat(listeners)
            .as("port " + port)
            .allSatisfy(
                a ->
                    assertThat(a)
                        .matches(
                            "(127\\.0\\.0\\.1|\\[::1\\]|\\[::ffff:127\\.0\\.0\\.1\\]):" + port));
      }

      // the secret source is logged at start, by every role
      for (String role : List.of("backend", "notification", "recurring", "audit")) {
        assertThat(Files.readString(dir.resolve("logs/" + role + ".log")))
            .contains("Start-up secrets from the Dapr secret store 'secretstore'");
      }

      // each sidecar answers its own app only (a per-role API token): not another local process
      for (int port = 3500; port <= 3503; port++) {
        java.net.http.HttpResponse<String> metadata =
            java.net.http.HttpClient.newHttpClient()
                .send(
                    java.net.http.HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/v1.0/metadata"))
                        .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(metadata.statusCode())
            .as("sidecar on " + port + " without a token")
            .isEqualTo(401);
      }

      TodoApi api = new TodoApi(URI.create("http://127.0.0.1:8080"));
      TodoApi.User ada = api.register();
      long id = api.createTask(ada, Map.of("title", "Local audit")).get("id").asLong();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> api.audit(ada).stream().anyMatch(e -> e.get("task_id").asLong() == id));

      long recurring =
          api.createTask(
                  ada, Map.of("title", "Daily", "due_date", "2030-06-01", "recurrence", "daily"))
              .get("id")
              .asLong();
      api.ok(
          api.call("PATCH", "/api/" + ada.id() + "/tasks/" + recurring + "/complete", ada, "{}"),
          "complete");
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> api.list(ada, "/tasks?limit=200").size() >= 3);

      Instant remindAt = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
      api.ok(
          api.call(
              "POST",
              "/api/" + ada.id() + "/tasks/" + id + "/reminders",
              ada,
              TodoApi.json(Map.of("remind_at", remindAt.toString()))),
          "reminder");
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> !api.list(ada, "/notifications").isEmpty());
      Thread.sleep(3000);
      assertThat(api.list(ada, "/notifications")).hasSize(1);
      assertThat(api.list(ada, "/tasks?limit=200")).hasSize(3);

      // the Dapr state store's tables share the database with the migrated schema
      String tables =
          exec(
              "env",
              "PGPASSWORD=todo",
              "psql",
              "-h",
              "127.0.0.1",
              "-U",
              "todo",
              "-d",
              "todo",
              "-tAc",
              "select string_agg(tablename, ',' order by tablename) from pg_tables"
                  + " where schemaname = 'public'");
      assertThat(tables).contains("dapr_state").contains("flyway_schema_history").contains("tasks");
    } catch (Throwable t) {
      failure = t;
      throw t;
    } finally {
      // the stop's checks never hide the failure above: they join it as suppressed
      try {
        boolean wasRunning = run.isAlive();
        List<ProcessHandle> tree = new ArrayList<>(run.descendants().toList());
        // Ctrl-C
        exec("kill", "-INT", Long.toString(run.pid()));
        boolean stopped = run.waitFor(120, TimeUnit.SECONDS);
        if (!stopped) {
          run.descendants().forEach(ProcessHandle::destroyForcibly);
          run.destroyForcibly();
        }
        assertThat(stopped).as("the script stops on SIGINT").isTrue();
        assertThat(
                tree.stream()
                    .filter(ProcessHandle::isAlive)
                    .map(p -> p.info().commandLine().orElse("?")))
            .as("processes left behind")
            .isEmpty();
        if (wasRunning) {
          assertThat(output).anyMatch(l -> l.contains("stopped"));
        }
      } catch (Exception | AssertionError stopFailure) {
        if (failure == null) {
          throw stopFailure;
        }
        failure.addSuppressed(stopFailure);
      }
    }
    String sockets = exec("ss", "-Hltn");
    for (int port : PORTS) {
      assertThat(
              sockets
                  .lines()
                  .map(l -> l.trim().split("\\s+"))
                  .filter(f -> f.length >= 4 && f[3].endsWith(":" + port)))
          .as("still listening on " + port)
          .isEmpty();
    }
    for (Path d : List.of(dir, pgDir)) {
      try (Stream<Path> files = Files.walk(d)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static String exec(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(60, TimeUnit.SECONDS);
    return out;
  }
}
