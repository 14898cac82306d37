package dev.todoai.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TransportRolesTest {

  @Test
  void everyRoleButAllStartsWithTheDaprTransport() {
    for (String role : new String[] {"backend", "audit", "recurring", "notification"}) {
      LaunchOptions options =
          LaunchOptions.parse(new String[] {"--role=" + role}, Map.of("TODO_TRANSPORT", "dapr"));
      assertThat(options.role().id()).isEqualTo(role);
      assertThat(options.transport()).isEqualTo(Transport.DAPR);
    }
  }

  @Test
  void theTransportDefaultsToInProcess() {
    assertThat(LaunchOptions.parse(new String[0], Map.of()).transport())
        .isEqualTo(Transport.INPROCESS);
  }

  @Test
  void consumerRolesWithoutDaprAreRefusedWithOneLine() {
    assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--role=audit"}, Map.of()))
        .isInstanceOf(LaunchOptions.LaunchException.class)
        .hasMessageStartingWith("role 'audit' needs TODO_TRANSPORT=dapr")
        .hasMessageNotContaining("\n");
  }

  @Test
  void roleAllIsOneProcessAndRefusesDapr() {
    assertThatThrownBy(() -> LaunchOptions.parse(new String[0], Map.of("TODO_TRANSPORT", "dapr")))
        .isInstanceOf(LaunchOptions.LaunchException.class)
        .hasMessageContaining("role 'all'");
  }

  @Test
  void anUnknownTransportIsRefused() {
    assertThatThrownBy(
            () -> LaunchOptions.parse(new String[0], Map.of("TODO_TRANSPORT", "carrier-pigeon")))
        .isInstanceOf(LaunchOptions.LaunchException.class)
        .hasMessageContaining("unknown TODO_TRANSPORT");
  }

  @Test
  void secretsFromTheEnvironmentLeaveItUnchanged() {
    Map<String, String> env = Map.of("TODO_JWT_SECRET", "x".repeat(40));
    assertThat(StartupSecrets.resolve(env)).isSameAs(env);
  }

  @Test
  void anUnknownSecretSourceIsRefused() {
    assertThatThrownBy(() -> StartupSecrets.resolve(Map.of("TODO_SECRETS", "vault")))
        .isInstanceOf(LaunchOptions.LaunchException.class)
        .hasMessageContaining("TODO_SECRETS");
  }
}
