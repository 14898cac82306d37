package dev.todoai.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

  @Test
  void noSettingsMeansTheEmbeddedDatabase() {
    assertThat(DatabaseSettings.external(Map.of())).isEmpty();
    assertThat(DatabaseSettings.external(Map.of("DATABASE_URL", " "))).isEmpty();
  }

  @Test
  void aHostedPostgresUrlBecomesJdbcWithCredentials() {
    DatabaseSettings settings =
        DatabaseSettings.external(
                Map.of(
                    "DATABASE_URL",
                    "postgres://ada:s%40cret@db.internal:6543/todo?sslmode=require"))
            .orElseThrow();

    assertThat(settings.jdbcUrl())
        .isEqualTo("jdbc:postgresql://db.internal:6543/todo?sslmode=require");
    assertThat(settings.username()).isEqualTo("ada");
    assertThat(settings.password()).isEqualTo("s@cret");
    assertThat(settings.toString()).doesNotContain("s@cret");
  }

  @Test
  void todoDbVariablesWinOverDatabaseUrl() {
    DatabaseSettings settings =
        DatabaseSettings.external(
                Map.of(
                    "TODO_DB_URL", "jdbc:postgresql://localhost:5432/todo",
                    "TODO_DB_USER", "todo",
                    "TODO_DB_PASSWORD", "pw",
                    "DATABASE_URL", "postgres://x:y@elsewhere/db"))
            .orElseThrow();

    assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/todo");
    assertThat(settings.asProperties())
        .containsEntry("datasources.default.username", "todo")
        .containsEntry("datasources.default.password", "pw");
  }

  @Test
  void otherSchemesAreRefused() {
    assertThatThrownBy(() -> DatabaseSettings.fromUrl("mysql://x@y/z", null, null))
        .isInstanceOf(LaunchOptions.LaunchException.class);
  }
}
