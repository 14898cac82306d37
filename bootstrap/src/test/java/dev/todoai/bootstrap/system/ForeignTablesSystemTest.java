package dev.todoai.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.todoai.adapter.out.persistence.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The Dapr state store on the application's database creates its tables as soon as a sidecar
 * starts, usually before the first migration: the first start must still migrate, and the foreign
 * tables must stay untouched.
 */
class ForeignTablesSystemTest {

  @Test
  void theFirstStartMigratesASchemaThatAlreadyHoldsTheDaprStateStoreTables() throws Exception {
    TestDatabase.Coordinates db = TestDatabase.freshDatabase();
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      // what state.postgresql v2 creates with tablePrefix "dapr_"
      s.execute("CREATE TABLE dapr_metadata (key text NOT NULL PRIMARY KEY, value text NOT NULL)");
      s.execute(
          "CREATE TABLE dapr_state (key text NOT NULL PRIMARY KEY, value bytea NOT NULL,"
              + " etag uuid NOT NULL, expires_at timestamptz)");
      s.execute("INSERT INTO dapr_metadata VALUES ('migrations', '1')");
    }

    Map<String, Object> props = new HashMap<>(db.properties());
    try (RunningApp app = RunningApp.start(props)) {
      // the first request of a fresh JVM can take long on a busy machine: retry the sign-up
      AtomicReference<Api.User> registered = new AtomicReference<>();
      await()
          .atMost(Duration.ofMinutes(3))
          .ignoreExceptions()
          .until(
              () -> {
                registered.compareAndSet(
                    null, app.api().register("first-" + System.nanoTime() + "@example.org"));
                return true;
              });
      Api.User user = registered.get();
      assertThat(app.api().createTask(user, "after the state store").path("title").asText())
          .isEqualTo("after the state store");
    }

    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      List<String> history = new ArrayList<>();
      try (ResultSet r =
          s.executeQuery(
              "SELECT version, type FROM flyway_schema_history ORDER BY installed_rank")) {
        while (r.next()) {
          history.add(r.getString(1) + ":" + r.getString(2));
        }
      }
      assertThat(history.get(0)).isEqualTo("0:BASELINE");
      assertThat(history).contains("1:SQL");
      assertThat(history.size()).isGreaterThan(2);
      try (ResultSet r =
          s.executeQuery("SELECT value FROM dapr_metadata WHERE key = 'migrations'")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getString(1)).isEqualTo("1");
      }
    }
  }
}
