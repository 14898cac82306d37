package dev.todoai.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todoai.bootstrap.system.Api.Response;
import dev.todoai.bootstrap.system.Api.User;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default's database under crashes: what a kill of the whole process (group) leaves
 * behind must never stop the next start, and what was acknowledged must be there afterwards.
 */
class EmbeddedDatabaseCrashTest {
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

  @TempDir Path work;

  @Test
  void aKillOfTheWholeProcessGroupMidBurstLosesNothingAcknowledgedAndTheNextStartWorksAtOnce()
      throws Exception {
    Path dataDir = work.resolve("data");
    int port = ProductProcess.freePort();
    Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    List<Long> recurring = new ArrayList<>();
    User ada;
    Duration firstStart;
    ProductProcess first = ProductProcess.launch(work, dataDir, port, Map.of());
    try {
      firstStart = first.awaitHealthy(Duration.ofSeconds(240));
      Api api = first.api;
      ada = api.register("crash@example.org");
      String tomorrow =
          Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
      for (int i = 0; i < 40; i++) {
        JsonNode task =
            api.createTask(
                ada, Map.of("title", "Recurring " + i, "recurrence", "daily", "due_at", tomorrow));
        recurring.add(task.get("id").asLong());
        acknowledged.add(task.get("id").asLong());
      }
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService burst = Executors.newFixedThreadPool(5);
      User user = ada;
      for (int t = 0; t < 4; t++) {
        int thread = t;
        burst.submit(
            () -> {
              for (int i = 0; !stop.get(); i++) {
                try {
                  Response r =
                      api.post(
                          "/api/" + user.id() + "/tasks",
                          user.token(),
                          "{\"title\":\"Burst " + thread + "-" + i + "\"}");
                  if (r.status() == 201) {
                    acknowledged.add(r.json().get("id").asLong());
                  }
                } catch (RuntimeException connectionLost) {
                  return;
                }
              }
            });
      }
      burst.submit(
          () -> {
            for (long id : recurring) {
              if (stop.get()) {
                return;
              }
              try {
                api.send(
                    "PATCH",
                    "/api/" + user.id() + "/tasks/" + id + "/complete",
                    user.token(),
                    "{\"completed\":true}");
              } catch (RuntimeException connectionLost) {
                return;
              }
            }
          });
      await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 200);
      first.killProcessGroup();
      stop.set(true);
      burst.shutdown();
      assertThat(burst.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      first.close();
    }

    ProductProcess second = ProductProcess.launch(work, dataDir, port, Map.of());
    try {
      Duration restart = second.awaitHealthy(Duration.ofSeconds(240));
      System.out.printf(
          "restart after kill -9 of the process group: %d ms (first start %d ms), %d tasks"
              + " acknowledged%n",
          restart.toMillis(), firstStart.toMillis(), acknowledged.size());
      assertThat(restart).isLessThan(firstStart.plusSeconds(20));
      Api api = second.api;

      Map<Long, JsonNode> tasks = new HashMap<>();
      for (JsonNode task : all(api, "/api/" + ada.id() + "/tasks?limit=200", ada.token())) {
        tasks.put(task.get("id").asLong(), task);
      }
      assertThat(tasks.keySet()).containsAll(acknowledged);

      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> {
                Set<Long> created = new HashSet<>();
                for (JsonNode entry :
                    all(api, "/api/" + ada.id() + "/audit?limit=200", ada.token())) {
                  if (entry.get("event_type").asText().equals("created")) {
                    created.add(entry.get("task_id").asLong());
                  }
                }
                assertThat(created).containsAll(acknowledged);
              });

      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> {
                Map<String, Integer> perSeries = new HashMap<>();
                Map<Long, JsonNode> now = new HashMap<>();
                for (JsonNode task :
                    all(api, "/api/" + ada.id() + "/tasks?limit=200", ada.token())) {
                  now.put(task.get("id").asLong(), task);
                  if (task.hasNonNull("series_id")) {
                    perSeries.merge(task.get("series_id").asText(), 1, Integer::sum);
                  }
                }
                for (long id : recurring) {
                  JsonNode original = now.get(id);
                  int expected = original.get("completed").asBoolean() ? 2 : 1;
                  assertThat(perSeries.get(original.get("series_id").asText()))
                      .as(
                          "tasks in the series of %d (completed: %s)",
                          id, original.get("completed"))
                      .isEqualTo(expected);
                }
              });
    } finally {
      second.close();
    }
  }

  @Test
  void aServerLeftRunningByAnInstanceThatDiedIsStoppedAndTheDataIsKept() throws Exception {
    Path dataDir = work.resolve("data");
    int port = ProductProcess.freePort();
    User ada;
    long taskId;
    long leftover;
    ProductProcess first = ProductProcess.launch(work, dataDir, port, Map.of());
    try {
      first.awaitHealthy(Duration.ofSeconds(240));
      ada = first.api.register("leftover@example.org");
      taskId = first.api.createTask(ada, "Kept").get("id").asLong();
      leftover = postmasterPid(dataDir);
      // Everything around the server dies at once — its watchdog (and the watchdog's pipe
      // reader), then the JVM — and the server is left behind, as after a kill of everything but
      // PostgreSQL.
      Set<Long> server = new HashSet<>();
      server.add(leftover);
      ProcessHandle.of(leftover).ifPresent(p -> p.descendants().forEach(d -> server.add(d.pid())));
      List<ProcessHandle> around =
          first.process.toHandle().descendants().filter(p -> !server.contains(p.pid())).toList();
      // stopped first, all at once: a watchdog whose pipe reader died before it would otherwise
      // still ask the server to shut down, and then nothing would be left running
      List<String> stop = new ArrayList<>(List.of("kill", "-STOP"));
      around.forEach(p -> stop.add(Long.toString(p.pid())));
      if (!around.isEmpty()) {
        new ProcessBuilder(stop).inheritIO().start().waitFor();
      }
      around.forEach(ProcessHandle::destroyForcibly);
      first.killProcessGroup();
      assertThat(ProcessHandle.of(leftover).map(ProcessHandle::isAlive)).contains(true);
    } finally {
      first.close();
    }

    ProductProcess second = ProductProcess.launch(work, dataDir, port, Map.of());
    try {
      second.awaitHealthy(Duration.ofSeconds(240));
      assertThat(ProcessHandle.of(leftover).map(ProcessHandle::isAlive).orElse(false)).isFalse();
      assertThat(second.api.get("/api/" + ada.id() + "/tasks/" + taskId, ada.token()).status())
          .isEqualTo(200);
    } finally {
      second.close();
    }
    assertThat(second.stdoutText()).contains("left running");
  }

  @Test
  void aDataDirectoryInUseByALiveInstanceIsRefusedAtOnceWithOneLine() throws Exception {
    Path dataDir = work.resolve("data");
    ProductProcess first =
        ProductProcess.launch(work, dataDir, ProductProcess.freePort(), Map.of());
    try {
      first.awaitHealthy(Duration.ofSeconds(240));

      long started = System.nanoTime();
      ProductProcess second =
          ProductProcess.launch(work, dataDir, ProductProcess.freePort(), Map.of());
      boolean exited = second.process.waitFor(30, TimeUnit.SECONDS);
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(exited).as("the second instance gave up").isTrue();
      assertThat(took).isLessThan(Duration.ofSeconds(20));
      assertThat(second.process.exitValue()).isEqualTo(2);
      assertThat(second.stderrText().strip().lines())
          .singleElement()
          .asString()
          .startsWith("todo-ai: the data directory")
          .contains("in use by another running instance (pid " + first.process.pid() + ")");
      assertThat(first.api.get("/health", null).status()).isEqualTo(200);
    } finally {
      first.close();
    }
  }

  @Test
  void theDatabaseIsDurableListensOnLoopbackOnlyAndRefusesAConnectionWithoutItsPassword()
      throws Exception {
    Path dataDir = work.resolve("data");
    int dbPort = ProductProcess.freePort();
    ProductProcess product =
        ProductProcess.launch(
            work,
            dataDir,
            ProductProcess.freePort(),
            Map.of("TODO_DB_PORT", Integer.toString(dbPort)));
    try {
      product.awaitHealthy(Duration.ofSeconds(240));
      Path passwordFile = dataDir.resolve("postgres-password");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
          .isEqualTo("rw-------");
      String password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
      String url = "jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres";

      try (Connection c = DriverManager.getConnection(url, "postgres", password)) {
        assertThat(show(c, "fsync")).isEqualTo("on");
        assertThat(show(c, "synchronous_commit")).isEqualTo("on");
        assertThat(show(c, "full_page_writes")).isEqualTo("on");
        assertThat(show(c, "listen_addresses")).isEqualTo("127.0.0.1");
        assertThat(show(c, "unix_socket_directories")).isEmpty();
        assertThat(show(c, "password_encryption")).isEqualTo("scram-sha-256");
        assertThat(show(c, "data_checksums")).isEqualTo("on");
      }
      Properties noPassword = new Properties();
      noPassword.setProperty("user", "postgres");
      assertThatThrownBy(() -> DriverManager.getConnection(url, noPassword).close())
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("password");
      assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres").close())
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("password authentication failed");

      Response health = product.api.get("/health", null);
      assertThat(health.body()).doesNotContain(Integer.toString(dbPort)).doesNotContain("jdbc");
    } finally {
      product.close();
    }
    assertThat(product.stdoutText())
        .doesNotContain("jdbc:postgresql")
        .doesNotContain("127.0.0.1:" + dbPort);
  }

  private static String show(Connection c, String setting) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW " + setting)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static long postmasterPid(Path dataDir) throws Exception {
    return Long.parseLong(
        Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).strip());
  }

  /** Every element of a paged list, following {@code Link: <...>; rel="next"}. */
  static List<JsonNode> all(Api api, String path, String token) {
    List<JsonNode> all = new ArrayList<>();
    Optional<String> next = Optional.of(path);
    while (next.isPresent()) {
      Response r = api.get(next.get(), token);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      r.json().forEach(all::add);
      String link = r.header("Link");
      Matcher m = link == null ? null : NEXT.matcher(link);
      next = m != null && m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
    return all;
  }
}
