package dev.todoai.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

  @Test
  void roleDefaultsToAll() {
    assertThat(LaunchOptions.parse(new String[0], Map.of()).role()).isEqualTo(Role.ALL);
  }

  @Test
  void roleComesFromTheFlagBeforeTheEnvironment() {
    Map<String, String> env = Map.of("TODO_ROLE", "all");

    assertThat(LaunchOptions.parse(new String[] {"--role=backend"}, env).role())
        .isEqualTo(Role.BACKEND);
    assertThat(LaunchOptions.parse(new String[] {"--role", "backend"}, env).role())
        .isEqualTo(Role.BACKEND);
    assertThat(LaunchOptions.parse(new String[0], Map.of("TODO_ROLE", "backend")).role())
        .isEqualTo(Role.BACKEND);
  }

  @Test
  void otherArgumentsPassThroughToMicronaut() {
    LaunchOptions options =
        LaunchOptions.parse(
            new String[] {"-Dx=1", "--role=all", "--micronaut.server.port=9"}, Map.of());

    assertThat(options.micronautArgs()).containsExactly("-Dx=1", "--micronaut.server.port=9");
  }

  @Test
  void anUnknownRoleIsRefusedNamingTheKnownOnes() {
    assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--role=frontend"}, Map.of()))
        .isInstanceOf(LaunchOptions.LaunchException.class)
        .hasMessage(
            "unknown role 'frontend' (expected one of: all, backend, audit, notification, recurring)");
  }

  @Test
  void aRoleFlagWithoutValueIsRefused() {
    assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--role"}, Map.of()))
        .isInstanceOf(LaunchOptions.LaunchException.class)
        .hasMessageStartingWith("--role needs a value");
  }

  @Test
  void rolesOfLaterMilestonesSayTheyAreNotAvailableYet() {
    assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--role=audit"}, Map.of()))
        .isInstanceOf(LaunchOptions.LaunchException.class)
        .hasMessageContaining("not available");
  }
}
