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
    builder.redirectError(work.resolve("stderr-" + System.nanoTime() + ".log").toFile());
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
}
