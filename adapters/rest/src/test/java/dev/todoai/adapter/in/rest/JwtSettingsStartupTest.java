package dev.todoai.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwtSettingsStartupTest {

  @Test
  void shortSecretStopsTheApplicationFromStarting() {
    assertThatThrownBy(() -> ApplicationContext.run(Map.of("todo.auth.jwt-secret", "short")))
        .hasStackTraceContaining("todo.auth.jwt-secret (env TODO_JWT_SECRET) must be at least 32");
  }

  @Test
  void tokenLifetimeIsReadAsADuration() {
    try (ApplicationContext context =
        ApplicationContext.run(
            Map.of(
                "todo.auth.jwt-secret", "0123456789abcdef0123456789abcdef",
                "todo.auth.token-lifetime", "2h"))) {
      assertThat(context.getBean(JwtSettings.class).tokenLifetime()).isEqualTo(Duration.ofHours(2));
    }
  }

  @Test
  void tokenLifetimeDefaultsToSevenDays() {
    try (ApplicationContext context =
        ApplicationContext.run(
            Map.of("todo.auth.jwt-secret", "0123456789abcdef0123456789abcdef"))) {
      assertThat(context.getBean(JwtSettings.class).tokenLifetime()).isEqualTo(Duration.ofDays(7));
    }
  }
}
