package dev.todoai.bootstrap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default's PostgreSQL: a real server process whose data directory lives under the
 * data directory, so tasks survive restarts.
 */
final class EmbeddedDatabase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static EmbeddedDatabase start(Path dataDirectory, int port) {
    Path pgData = dataDirectory.resolve("postgres");
    try {
      Files.createDirectories(pgData);
      LOG.info("Starting embedded PostgreSQL with data in {}", pgData.toAbsolutePath());
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(pgData)
              .setCleanDataDirectory(false)
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("max_connections", "100");
      if (port > 0) {
        builder.setPort(port);
      }
      return new EmbeddedDatabase(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded PostgreSQL in " + pgData, e);
    }
  }

  DatabaseSettings settings() {
    return new DatabaseSettings(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
    }
  }
}
