package dev.todoai.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The product as a user starts it: a separate JVM running the main class, here in a process group
 * (and session) of its own — as a terminal runs it — so that a test can kill that whole group.
 */
final class ProductProcess implements AutoCloseable {
  final Process process;
  final Path stdout;
  final Path stderr;
  final int port;
  final Api api;

  private ProductProcess(Process process, Path stdout, Path stderr, int port) {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
    this.port = port;
    this.api = new Api(URI.create("http://127.0.0.1:" + port));
  }

  static ProductProcess launch(Path work, Path dataDir, int port, Map<String, String> extraEnv)
      throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "setsid",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                // the product's logging, not the tests' logback-test.xml on this classpath
                "-Dlogback.configurationFile=logback.xml",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.todoai.bootstrap.TodoApplication"));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    for (String name :
        List.of("DATABASE_URL", "TODO_DB_URL", "TODO_JWT_SECRET", "TODO_ROLE", "TODO_DB_PORT")) {
      env.remove(name);
    }
    env.put("TODO_DATA_DIR", dataDir.toString());
    env.put("TODO_PORT", Integer.toString(port));
    env.putAll(extraEnv);
    long stamp = System.nanoTime();
    Path out = work.resolve("stdout-" + stamp + ".log");
    Path err = work.resolve("stderr-" + stamp + ".log");
    builder.redirectOutput(out.toFile());
    builder.redirectError(err.toFile());
    return new ProductProcess(builder.start(), out, err, port);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until /health answers 200; the time it took. */
  Duration awaitHealthy(Duration atMost) {
    long started = System.nanoTime();
    await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .until(
            () -> {
              assertThat(process.isAlive()).as("process exited early: %s", stderrText()).isTrue();
              return api.get("/health", null).status() == 200;
            });
    return Duration.ofNanos(System.nanoTime() - started);
  }

  /** kill -9 of the JVM's whole process group (the JVM leads it: it was started by setsid). */
  void killProcessGroup() throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-9", "--", "-" + process.pid()).inheritIO().start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("the JVM died").isTrue();
  }

  String stdoutText() {
    return read(stdout);
  }

  String stderrText() {
    return read(stderr);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** SIGTERM, as a service manager stops it; SIGKILL after a minute. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
