package dev.todoai.adapter.in.rest;

import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The claims an access token must have besides a valid signature, so that a token signed with the
 * shared secret by another front end cannot be more than a short-lived login for this API:
 *
 * <ul>
 *   <li>{@code exp} is required, in the future, and at most {@code todo.auth.max-token-lifetime}
 *       away (from now, and from {@code iat} when present);
 *   <li>{@code nbf} and {@code iat}, when present, are not in the future;
 *   <li>{@code iss} and {@code aud} match {@code todo.auth.issuer} / {@code todo.auth.audience}
 *       when those are configured.
 * </ul>
 *
 * Clocks may differ by {@link #SKEW}.
 */
@Singleton
final class AccessTokenClaimsValidator<T> implements GenericJwtClaimsValidator<T> {
  static final Duration SKEW = Duration.ofSeconds(60);
  private static final Logger LOG = LoggerFactory.getLogger(AccessTokenClaimsValidator.class);

  private final JwtSettings settings;
  private final Clock clock;

  @Inject
  AccessTokenClaimsValidator(JwtSettings settings) {
    this(settings, Clock.systemUTC());
  }

  AccessTokenClaimsValidator(JwtSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public boolean validate(Claims claims, T request) {
    String refusal = refusal(claims);
    if (refusal != null) {
      LOG.debug("refused an access token: {}", refusal);
      return false;
    }
    return true;
  }

  /** Why the claims are not acceptable, or null when they are. */
  String refusal(Claims claims) {
    Instant now = clock.instant();
    Instant exp = instant(claims.get(Claims.EXPIRATION_TIME));
    if (exp == null) {
      return "no exp";
    }
    if (!exp.isAfter(now.minus(SKEW))) {
      return "expired";
    }
    Duration cap = settings.maxTokenLifetime().plus(SKEW);
    if (Duration.between(now, exp).compareTo(cap) > 0) {
      return "exp too far in the future";
    }
    if (claims.contains(Claims.ISSUED_AT)) {
      Instant iat = instant(claims.get(Claims.ISSUED_AT));
      if (iat == null || iat.isAfter(now.plus(SKEW))) {
        return "iat in the future";
      }
      if (Duration.between(iat, exp).compareTo(cap) > 0) {
        return "lifetime longer than allowed";
      }
    }
    if (claims.contains(Claims.NOT_BEFORE)) {
      Instant nbf = instant(claims.get(Claims.NOT_BEFORE));
      if (nbf == null || nbf.isAfter(now.plus(SKEW))) {
        return "not valid yet (nbf)";
      }
    }
    if (settings.issuer().isPresent()
        && !settings.issuer().get().equals(String.valueOf(claims.get(Claims.ISSUER)))) {
      return "wrong issuer";
    }
    if (settings.audience().isPresent()
        && !audiences(claims.get(Claims.AUDIENCE)).contains(settings.audience().get())) {
      return "wrong audience";
    }
    return null;
  }

  private static List<String> audiences(Object value) {
    if (value instanceof String single) {
      return List.of(single);
    }
    if (value instanceof Collection<?> many) {
      return many.stream().map(String::valueOf).toList();
    }
    return List.of();
  }

  private static Instant instant(Object value) {
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof Number seconds) {
      return Instant.ofEpochSecond(seconds.longValue());
    }
    return null;
  }
}
