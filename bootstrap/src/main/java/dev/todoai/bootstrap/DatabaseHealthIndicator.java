package dev.todoai.bootstrap;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Whether the database answers, in place of Micronaut's JDBC indicator (whose details name the data
 * source's URL, with host and port): the product, its version and a round trip, nothing that
 * locates or opens the database.
 */
@Singleton
@Readiness
final class DatabaseHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
  private final DataSource dataSource;

  DatabaseHealthIndicator(DataSource dataSource) {
    // the pool itself, not Micronaut Data's view that expects a surrounding connection scope
    this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
  }

  @Override
  protected Map<String, Object> getHealthInformation() {
    Map<String, Object> details = new LinkedHashMap<>();
    long started = System.nanoTime();
    try (Connection c = dataSource.getConnection()) {
      boolean valid = c.isValid(2);
      healthStatus = valid ? HealthStatus.UP : HealthStatus.DOWN;
      details.put("database", c.getMetaData().getDatabaseProductName());
      details.put("version", c.getMetaData().getDatabaseProductVersion());
      details.put("round_trip_ms", (System.nanoTime() - started) / 1_000_000);
    } catch (SQLException e) {
      healthStatus = HealthStatus.DOWN;
      details.put("error", "the database does not answer (" + e.getSQLState() + ")");
    }
    return details;
  }

  @Override
  protected String getName() {
    return "database";
  }
}
