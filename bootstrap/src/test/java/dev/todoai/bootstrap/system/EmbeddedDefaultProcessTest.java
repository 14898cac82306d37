package dev.todoai.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.todoai.bootstrap.system.Api.Response;
import dev.todoai.bootstrap.system.Api.User;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product as a user starts it: a separate JVM running the main class with no database settings,
 * so it starts its own PostgreSQL with data under the data directory.
 */
class EmbeddedDefaultProcessTest {
  @TempDir Path work;

  private Path lastStdout;
  private Path lastStderr;

  private Process launch(Path dataDir, int port, String... args) throws IOException {
    return launch(dataDir, port, Map.of(), args);
  }

  private Process launch(Path dataDir, int port, Map<String, String> extraEnv, String... args)
      throws IOException {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                // the product's logging, not the tests' logback-test.xml on this classpath
                "-Dlogback.configurationFile=logback.xml",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.todoai.bootstrap.TodoApplication"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    for (String name : List.of("DATABASE_URL", "TODO_DB_URL", "TODO_JWT_SECRET", "TODO_ROLE")) {
      env.remove(name);
    }
    env.put("TODO_DATA_DIR", dataDir.toString());
    env.put("TODO_PORT", Integer.toString(port));
    env.putAll(extraEnv);
    builder.redirectErrorStream(false);
    lastStdout = work.resolve("stdout-" + System.nanoTime() + ".log");
    builder.redirectOutput(lastStdout.toFile());
    lastStderr = work.resolve("stderr-" + System.nanoTime() + ".log");
    builder.redirectError(lastStderr.toFile());
    return builder.start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void awaitHealthy(Api api, Process process) {
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(
            () -> {
              assertThat(process.isAlive()).as("process exited early").isTrue();
              return api.get("/health", null).status() == 200;
            });
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void anUnknownRoleExitsNonZeroWithOneLine() throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            "dev.todoai.bootstrap.TodoApplication",
            "--role=frontend");
    builder.environment().put("TODO_DATA_DIR", work.resolve("unused").toString());
    Process process = builder.start();
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(stderr.strip().lines())
        .singleElement()
        .asString()
        .startsWith("todo-ai: unknown role 'frontend'");
    assertThat(work.resolve("unused")).doesNotExist();
  }

  @Test
  void theEmbeddedDefaultKeepsTasksAndTokensAcrossRestarts() throws Exception {
    Path dataDir = work.resolve("data");
    int port = freePort();
    Api api = new Api(URI.create("http://127.0.0.1:" + port));

    Process first = launch(dataDir, port);
    User ada;
    long taskId;
    try {
      awaitHealthy(api, first);
      ada = api.register("restart@example.org");
      taskId = api.createTask(ada, "Survives restarts").get("id").asLong();
    } finally {
      stop(first);
    }
    assertThat(dataDir.resolve("jwt-secret")).exists();
    assertThat(Files.list(dataDir.resolve("postgres")).count()).isPositive();

    Process second = launch(dataDir, port, Map.of("TODO_LOG_FORMAT", "json"));
    try {
      awaitHealthy(api, second);
      Response task = api.get("/api/" + ada.id() + "/tasks/" + taskId, ada.token());

      assertThat(task.status()).isEqualTo(200);
      assertThat(task.json().get("title").asText()).isEqualTo("Survives restarts");
    } finally {
      stop(second);
    }
    List<String> jsonLines = Files.readAllLines(lastStdout);
    assertThat(jsonLines).isNotEmpty();
    for (String line : jsonLines) {
      assertThat(Api.JSON.readTree(line).has("level")).as(line).isTrue();
    }
  }

  @Test
  void aTakenDatabasePortEndsTheStartWithTheDatabasesReasonInOneLine() throws Exception {
    Path dataDir = work.resolve("taken");
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Process process =
          launch(
              dataDir, freePort(), Map.of("TODO_DB_PORT", Integer.toString(taken.getLocalPort())));
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the start gave up").isTrue();
      String stderr = Files.readString(lastStderr, StandardCharsets.UTF_8);

      assertThat(process.exitValue()).isEqualTo(2);
      assertThat(stderr.strip().lines())
          .as(stderr)
          .singleElement()
          .asString()
          .startsWith("todo-ai: could not start the embedded PostgreSQL")
          .contains("is taken")
          .contains("TODO_DB_PORT");
    }
    // the data directory was released: the next start with a free port gets it
    int port = freePort();
    Process next = launch(dataDir, port);
    try {
      awaitHealthy(new Api(URI.create("http://127.0.0.1:" + port)), next);
    } finally {
      stop(next);
    }
  }

  @Test
  void aTrainingRunStartsCompletelyAndStopsWithStatusZero() throws Exception {
    Path dataDir = work.resolve("training");
    Process process = launch(dataDir, freePort(), Map.of("TODO_EXIT_AFTER_START", "1"));

    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the training run ended").isTrue();
    String stdout = Files.readString(lastStdout, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(stdout).isZero();
    assertThat(stdout).contains("Startup completed").contains("Running migrations");
    // the server it started is stopped: nothing holds the cluster any more
    assertThat(dataDir.resolve("postgres/postmaster.pid")).doesNotExist();
  }
}
