package dev.todoai.bootstrap.system;

import dev.todoai.adapter.out.persistence.testsupport.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole application, role {@code all}, on a random port against a fresh database of the shared
 * embedded PostgreSQL — what a user runs, minus the process boundary.
 */
public final class RunningApp implements AutoCloseable {
  public static final String JWT_SECRET = "system-test-secret-that-is-long-enough-0123456789";

  private final EmbeddedServer server;
  private final Map<String, Object> properties;

  private RunningApp(Map<String, Object> properties) {
    this.properties = properties;
    this.server = ApplicationContext.run(EmbeddedServer.class, properties, "all");
  }

  /** A new app on a new, empty database. */
  public static RunningApp start() {
    return start(new HashMap<>(TestDatabase.properties()));
  }

  /** A new app with these properties on top of the defaults (e.g. another app's database). */
  public static RunningApp start(Map<String, ?> databaseAndOverrides) {
    Map<String, Object> props = new HashMap<>();
    props.put("micronaut.server.port", -1);
    props.put("todo.role", "all");
    props.put("todo.auth.jwt-secret", JWT_SECRET);
    // system tests sign many users up from one address; the limit has tests of its own
    props.put("todo.auth.sign-ups-per-client", 10_000);
    props.putAll(databaseAndOverrides);
    return new RunningApp(props);
  }

  /** The properties this app started with, to start another one on the same database. */
  public Map<String, Object> properties() {
    return Map.copyOf(properties);
  }

  public URI uri() {
    return server.getURI();
  }

  public ApplicationContext context() {
    return server.getApplicationContext();
  }

  public Api api() {
    return new Api(uri());
  }

  @Override
  public void close() {
    server.getApplicationContext().close();
  }
}
