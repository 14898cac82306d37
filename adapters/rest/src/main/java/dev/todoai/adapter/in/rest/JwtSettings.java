package dev.todoai.adapter.in.rest;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The HS256 secret and the token rules of this API, checked when the application starts: a missing
 * or short secret stops the start with a message that says what to set.
 *
 * <ul>
 *   <li>{@code todo.auth.token-lifetime} (default 7d): how long the tokens issued here live;
 *   <li>{@code todo.auth.max-token-lifetime} (default 7d, at least the lifetime): the longest an
 *       accepted token may live, counted from now and from its {@code iat};
 *   <li>{@code todo.auth.issuer} / {@code todo.auth.audience} ({@code TODO_JWT_ISSUER}, {@code
 *       TODO_JWT_AUDIENCE}): when set, issued tokens carry them and accepted tokens must.
 * </ul>
 */
@Context
final class JwtSettings {
  static final String SECRET_PROPERTY = "todo.auth.jwt-secret";
  static final String LIFETIME_PROPERTY = "todo.auth.token-lifetime";
  static final String MAX_LIFETIME_PROPERTY = "todo.auth.max-token-lifetime";
  static final String ISSUER_PROPERTY = "todo.auth.issuer";
  static final String AUDIENCE_PROPERTY = "todo.auth.audience";
  static final int MIN_SECRET_BYTES = 32;

  private final byte[] secret;
  private final Duration tokenLifetime;
  private final Duration maxTokenLifetime;
  private final String issuer;
  private final String audience;

  @Inject
  JwtSettings(
      @Value("${" + SECRET_PROPERTY + ":}") String secret,
      @Value("${" + LIFETIME_PROPERTY + ":7d}") Duration tokenLifetime,
      @Value("${" + MAX_LIFETIME_PROPERTY + ":7d}") Duration maxTokenLifetime,
      @Nullable @Value("${" + ISSUER_PROPERTY + ":}") String issuer,
      @Nullable @Value("${" + AUDIENCE_PROPERTY + ":}") String audience) {
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
    if (maxTokenLifetime == null || maxTokenLifetime.compareTo(tokenLifetime) < 0) {
      throw new ConfigurationException(
          MAX_LIFETIME_PROPERTY
              + " must be at least "
              + LIFETIME_PROPERTY
              + " ("
              + tokenLifetime
              + "), or the tokens issued here would be refused");
    }
    this.secret = bytes;
    this.tokenLifetime = tokenLifetime;
    this.maxTokenLifetime = maxTokenLifetime;
    this.issuer = issuer == null || issuer.isBlank() ? null : issuer.strip();
    this.audience = audience == null || audience.isBlank() ? null : audience.strip();
  }

  JwtSettings(String secret, Duration tokenLifetime) {
    this(secret, tokenLifetime, tokenLifetime, null, null);
  }

  byte[] secret() {
    return secret.clone();
  }

  Duration tokenLifetime() {
    return tokenLifetime;
  }

  Duration maxTokenLifetime() {
    return maxTokenLifetime;
  }

  Optional<String> issuer() {
    return Optional.ofNullable(issuer);
  }

  Optional<String> audience() {
    return Optional.ofNullable(audience);
  }
}
