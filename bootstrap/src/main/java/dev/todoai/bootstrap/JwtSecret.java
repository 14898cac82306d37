package dev.todoai.bootstrap;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The HS256 signing secret: {@code TODO_JWT_SECRET} when set (at least 32 bytes), otherwise one
 * generated on first start and kept in {@code <data dir>/jwt-secret} (mode 0600) so tokens survive
 * restarts.
 */
final class JwtSecret {
  static final int MIN_BYTES = 32;

  private JwtSecret() {}

  /** A key for another purpose, derived from the secret (HMAC-SHA256 of the purpose). */
  static String derive(String secret, String purpose) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(
          new javax.crypto.spec.SecretKeySpec(
              secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return java.util.Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

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
      return SecretFile.readOrCreate(file, MIN_BYTES);
    } catch (UncheckedIOException e) {
      throw new LaunchOptions.LaunchException(
          "could not read or create the JWT secret in " + file + ": " + e.getCause().getMessage());
    }
  }
}
