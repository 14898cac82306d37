package dev.todoai.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The HS256 signing secret: {@code TODO_JWT_SECRET} when set (at least 32 bytes), otherwise one
 * generated on first start and kept in {@code <data dir>/jwt-secret} so tokens survive restarts.
 */
final class JwtSecret {
  static final int MIN_BYTES = 32;

  private JwtSecret() {}

  static String resolve(Map<String, String> env, Path dataDirectory) {
    String configured = env.get("TODO_JWT_SECRET");
    if (configured != null && !configured.isBlank()) {
      if (configured.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
        throw new LaunchOptions.LaunchException(
            "TODO_JWT_SECRET must be at least " + MIN_BYTES + " bytes long");
      }
      return configured;
    }
    Path file = dataDirectory.resolve("jwt-secret");
    try {
      if (Files.exists(file)) {
        String stored = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (stored.getBytes(StandardCharsets.UTF_8).length >= MIN_BYTES) {
          return stored;
        }
      }
      byte[] random = new byte[48];
      new SecureRandom().nextBytes(random);
      String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      Files.createDirectories(dataDirectory);
      Path tmp = Files.createTempFile(dataDirectory, "jwt-secret", ".tmp");
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system: keep the default permissions
      }
      Files.writeString(tmp, secret + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read or create the JWT secret in " + file, e);
    }
  }
}
