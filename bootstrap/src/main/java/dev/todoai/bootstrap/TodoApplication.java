package dev.todoai.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts Todo AI in one role. Without database settings it runs the embedded default: a PostgreSQL
 * server of its own with data under {@code TODO_DATA_DIR} (default {@code ./data}).
 */
public final class TodoApplication {
  private static final Logger LOG = LoggerFactory.getLogger(TodoApplication.class);

  /**
   * Set to {@code 1}, the application starts completely (in whatever role and mode the rest of the
   * environment gives), answers one {@code /health} request to itself and stops again with status
   * 0: the training run of the class-data sharing archive that the image and {@code scripts/run.sh}
   * make, there with the embedded default (ADR 0021).
   */
  static final String EXIT_AFTER_START = "TODO_EXIT_AFTER_START";

  private TodoApplication() {}

  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    LaunchOptions options;
    Path dataDir;
    try {
      options = LaunchOptions.parse(args, env);
      dataDir = Path.of(env.getOrDefault("TODO_DATA_DIR", "data"));
    } catch (LaunchOptions.LaunchException e) {
      System.err.println("todo-ai: " + e.getMessage());
      System.exit(2);
      return;
    }
    try {
      run(options, env, dataDir);
    } catch (LaunchOptions.LaunchException e) {
      System.err.println("todo-ai: " + e.getMessage());
      System.exit(2);
    }
  }

  static void run(LaunchOptions options, Map<String, String> processEnv, Path dataDir) {
    Map<String, String> env = StartupSecrets.resolve(processEnv);
    Map<String, Object> properties = new HashMap<>();
    properties.put("todo.role", options.role().id());
    properties.put("todo.transport", options.transport().id());
    String secret = JwtSecret.resolve(env, dataDir);
    properties.put("todo.auth.jwt-secret", secret);
    // page cursors are signed with a key of their own, derived from the secret all replicas share
    properties.put("todo.pagination.cursor-key", JwtSecret.derive(secret, "todo-ai page cursors"));

    // checked here so that a bad value ends the start with a reason, not a bean's stack trace
    int requestThreads = number(env, "TODO_REQUEST_THREADS", 0, 1024);
    if (requestThreads > 0) {
      properties.put("todo.requests.threads", requestThreads);
    }
    int managementPort = port(env, "TODO_MANAGEMENT_PORT");
    if (managementPort > 0) {
      properties.put("endpoints.all.port", managementPort);
    }

    Optional<DatabaseSettings> external = DatabaseSettings.external(env);
    EmbeddedDatabase.Starting embedded = null;
    if (external.isPresent()) {
      LOG.info("Using the external PostgreSQL given by the environment");
      properties.putAll(external.get().asProperties());
    } else if (options.transport() == Transport.DAPR) {
      throw new LaunchOptions.LaunchException(
          "TODO_TRANSPORT=dapr needs a shared external PostgreSQL (DATABASE_URL or TODO_DB_URL)");
    } else {
      // starts beside the application; the connection pool waits for it (EmbeddedDatabaseGate)
      embedded = EmbeddedDatabase.begin(dataDir, port(env, "TODO_DB_PORT"));
      properties.putAll(embedded.settings().asProperties());
    }

    LOG.info(
        "Starting role '{}' with the {} transport", options.role().id(), options.transport().id());
    String[] environments =
        options.transport() == Transport.DAPR
            ? new String[] {options.role().id(), Transport.DAPR.id()}
            : new String[] {options.role().id()};
    ApplicationContext context =
        Micronaut.build(options.micronautArgs().toArray(String[]::new))
            .mainClass(TodoApplication.class)
            .banner(!"json".equals(env.get("TODO_LOG_FORMAT")))
            .environments(environments)
            .properties(properties)
            .singletons(embedded == null ? new Object[0] : new Object[] {embedded})
            .start();
    EmbeddedDatabase database = embedded == null ? null : embedded.await();
    if ("1".equals(env.get(EXIT_AFTER_START))) {
      // a training run: the JVM records the classes a start and a first request load (the
      // class-data sharing archive); the first request after a start is a health probe
      context
          .findBean(EmbeddedServer.class)
          .ifPresent(server -> firstRequest(server.getPort(), "/health"));
      LOG.info("Started; stopping again ({}=1)", EXIT_AFTER_START);
      context.stop();
      if (database != null) {
        database.close();
      }
      System.exit(0);
    }
    if (database != null) {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(() -> stopAfter(context, database), "todo-ai-embedded-db-stopper"));
    }
  }

  /** Sends one GET to this process, for the training run; a failure only ends the training. */
  private static void firstRequest(int port, String path) {
    try {
      HttpResponse<Void> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                      .timeout(Duration.ofSeconds(30))
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
      LOG.info("Training request GET {}: {}", path, response.statusCode());
    } catch (IOException e) {
      LOG.warn("Training request GET {} failed: {}", path, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Stops the embedded database only once the application (and its connection pool) has stopped.
   */
  private static void stopAfter(ApplicationContext context, EmbeddedDatabase database) {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (context.isRunning() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    database.close();
  }

  /** A whole number from the environment within [min, max]; 0 when unset or blank. */
  static int number(Map<String, String> env, String name, int min, int max) {
    return bounded(env, name, min, max, "a number from " + min + " to " + max);
  }

  /** A port number from the environment; 0 when unset or blank (the caller's default). */
  static int port(Map<String, String> env, String name) {
    return bounded(env, name, 1, 65535, "a port number (1-65535)");
  }

  private static int bounded(Map<String, String> env, String name, int min, int max, String what) {
    String value = env.getOrDefault(name, "").strip();
    if (value.isEmpty()) {
      return 0;
    }
    if (!value.matches("[0-9]{1,9}")
        || Integer.parseInt(value) < min
        || Integer.parseInt(value) > max) {
      throw new LaunchOptions.LaunchException(name + " must be " + what + ", not '" + value + "'");
    }
    return Integer.parseInt(value);
  }
}
