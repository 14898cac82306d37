package dev.todoai.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtSecretTest {
  @TempDir Path dataDir;

  @Test
  void aConfiguredSecretIsUsedAsIs() {
    String secret = "s".repeat(32);

    assertThat(JwtSecret.resolve(Map.of("TODO_JWT_SECRET", secret), dataDir)).isEqualTo(secret);
    assertThat(dataDir.resolve("jwt-secret")).doesNotExist();
  }

  @Test
  void aShortConfiguredSecretIsRefused() {
    assertThatThrownBy(() -> JwtSecret.resolve(Map.of("TODO_JWT_SECRET", "short"), dataDir))
        .isInstanceOf(LaunchOptions.LaunchException.class)
        .hasMessageContaining("32 bytes");
  }

  @Test
  void withoutConfigurationASecretIsGeneratedOnceAndKeptPrivately() throws Exception {
    String first = JwtSecret.resolve(Map.of(), dataDir);
    String second = JwtSecret.resolve(Map.of(), dataDir);

    assertThat(first).hasSizeGreaterThanOrEqualTo(43).isEqualTo(second);
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dataDir.resolve("jwt-secret"))))
        .isEqualTo("rw-------");
  }
}
