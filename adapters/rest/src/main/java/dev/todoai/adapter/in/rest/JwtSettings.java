package dev.todoai.adapter.in.rest;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The HS256 secret and token lifetime of this API, checked when the application starts: a missing
 * or short secret stops the start with a message that says what to set.
 */
@Context
final class JwtSettings {
  static final String SECRET_PROPERTY = "todo.auth.jwt-secret";
  static final String LIFETIME_PROPERTY = "todo.auth.token-lifetime";
  static final int MIN_SECRET_BYTES = 32;

  private final byte[] secret;
  private final Duration tokenLifetime;

  JwtSettings(
      @Value("${" + SECRET_PROPERTY + ":}") String secret,
      @Value("${" + LIFETIME_PROPERTY + ":7d}") Duration tokenLifetime) {
    byte[] bytes = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < MIN_SECRET_BYTES) {
      throw new ConfigurationException(
          SECRET_PROPERTY
              + " (env TODO_JWT_SECRET) must be at least "
              + MIN_SECRET_BYTES
              + " bytes for HS256 JWTs, but it is "
              + (bytes.length == 0 ? "not set" : bytes.length + " bytes long")
              + ". Set a random secret of 32 or more characters.");
    }
    if (tokenLifetime == null || tokenLifetime.isNegative() || tokenLifetime.isZero()) {
      throw new ConfigurationException(LIFETIME_PROPERTY + " must be a positive duration, e.g. 7d");
    }
    this.secret = bytes;
    this.tokenLifetime = tokenLifetime;
  }

  byte[] secret() {
    return secret.clone();
  }

  Duration tokenLifetime() {
    return tokenLifetime;
  }
}
