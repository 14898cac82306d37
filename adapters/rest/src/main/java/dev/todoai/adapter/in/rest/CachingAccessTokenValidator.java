package dev.todoai.adapter.in.rest;

import com.nimbusds.jwt.JWT;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.JsonWebTokenValidator;
import io.micronaut.security.token.jwt.validator.JwtAuthenticationFactory;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The access-token validator: checks a bearer JWT once (signature, {@link
 * AccessTokenClaimsValidator}'s claims) and then remembers the outcome until the token's {@code
 * exp}, so that the following requests of a client skip parsing, the HMAC and the claim checks
 * (together ~8 % of a request's CPU in the read benchmark).
 *
 * <p>Only tokens that passed every check are remembered, keyed by their exact text: a forged or
 * expired token is checked (and refused) every time and takes no room. Remembering is sound because
 * none of the checks depends on the request and the only one that depends on time, the expiry, is
 * re-applied on every hit ({@code exp}, without the clock-skew allowance the first check grants).
 * At most {@link #CAPACITY} tokens are remembered; when full, expired ones are dropped and, if that
 * is not enough, all.
 *
 * <p>The checks are micronaut-security's (its blocking validator, which needs no I/O for
 * HMAC-signed tokens). The application switches its reactive validator off ({@code
 * micronaut.security.token.jwt.nimbus.reactive-validator: false}); where it is on, it only repeats
 * the refusal of a token this one refused, as this one runs first.
 */
@Singleton
final class CachingAccessTokenValidator implements TokenValidator<HttpRequest<?>> {
  static final int CAPACITY = 10_000;

  private final JsonWebTokenValidator<JWT, HttpRequest<?>> validator;
  private final JwtAuthenticationFactory authentications;
  private final Clock clock;
  private final int capacity;
  private final Map<String, Validated> validated = new ConcurrentHashMap<>();

  @Inject
  CachingAccessTokenValidator(
      JsonWebTokenValidator<JWT, HttpRequest<?>> validator,
      JwtAuthenticationFactory authentications) {
    this(validator, authentications, Clock.systemUTC(), CAPACITY);
  }

  CachingAccessTokenValidator(
      JsonWebTokenValidator<JWT, HttpRequest<?>> validator,
      JwtAuthenticationFactory authentications,
      Clock clock,
      int capacity) {
    this.validator = validator;
    this.authentications = authentications;
    this.clock = clock;
    this.capacity = capacity;
  }

  @Override
  public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
    return Mono.justOrEmpty(authenticate(token, request));
  }

  /** The authentication {@code token} stands for, or empty when it is not a valid access token. */
  Optional<Authentication> authenticate(String token, HttpRequest<?> request) {
    if (token == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Validated known = validated.get(token);
    if (known != null) {
      if (now.isBefore(known.expires())) {
        return Optional.of(known.authentication());
      }
      validated.remove(token, known);
    }
    Optional<JWT> jwt = validator.validate(token, request);
    if (jwt.isEmpty()) {
      return Optional.empty();
    }
    Optional<Authentication> authentication = authentications.createAuthentication(jwt.get());
    Instant expires = expiry(jwt.get());
    if (authentication.isPresent() && expires != null && now.isBefore(expires)) {
      remember(token, new Validated(authentication.get(), expires), now);
    }
    return authentication;
  }

  int size() {
    return validated.size();
  }

  private void remember(String token, Validated entry, Instant now) {
    if (validated.size() >= capacity) {
      validated.values().removeIf(v -> !now.isBefore(v.expires()));
      if (validated.size() >= capacity) {
        validated.clear();
      }
    }
    validated.put(token, entry);
  }

  private static Instant expiry(JWT jwt) {
    try {
      Date exp = jwt.getJWTClaimsSet().getExpirationTime();
      return exp == null ? null : exp.toInstant();
    } catch (ParseException e) {
      return null;
    }
  }

  /** First of the validators; a stream ticket is not a JWT and falls through to its own. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  private record Validated(Authentication authentication, Instant expires) {}
}
