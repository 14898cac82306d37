package dev.todoai.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.JsonWebTokenValidator;
import io.micronaut.security.token.jwt.validator.JwtAuthenticationFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachingAccessTokenValidatorTest {
  private static final byte[] SECRET =
      "a secret of at least thirty-two bytes for HS256".getBytes(StandardCharsets.UTF_8);
  private static final Instant START = Instant.parse("2026-12-02T08:00:00Z");

  private final MutableClock clock = new MutableClock(START);
  private final AtomicInteger checks = new AtomicInteger();

  /** Signature and expiry, as the real validator checks them, counted. */
  private final JsonWebTokenValidator<JWT, HttpRequest<?>> checking =
      (token, request) -> {
        checks.incrementAndGet();
        try {
          SignedJWT jwt = SignedJWT.parse(token);
          boolean valid =
              jwt.verify(new MACVerifier(SECRET))
                  && jwt.getJWTClaimsSet().getExpirationTime().toInstant().isAfter(clock.instant());
          return valid ? Optional.of(jwt) : Optional.empty();
        } catch (Exception e) {
          return Optional.empty();
        }
      };

  private final JwtAuthenticationFactory authentications =
      jwt -> {
        try {
          return Optional.of(Authentication.build(jwt.getJWTClaimsSet().getSubject()));
        } catch (java.text.ParseException e) {
          return Optional.empty();
        }
      };

  private final CachingAccessTokenValidator validator =
      new CachingAccessTokenValidator(checking, authentications, clock, 3);

  @Test
  void aValidTokenIsCheckedOnceAndThenRemembered() {
    String token = token("alice", START.plus(Duration.ofHours(1)), SECRET);

    for (int i = 0; i < 5; i++) {
      assertThat(validator.authenticate(token, null))
          .map(Authentication::getName)
          .hasValue("alice");
    }

    assertThat(checks).hasValue(1);
  }

  @Test
  void aRememberedTokenIsRefusedOnceItHasExpired() {
    String token = token("alice", START.plus(Duration.ofMinutes(10)), SECRET);
    assertThat(validator.authenticate(token, null)).isPresent();

    clock.now = START.plus(Duration.ofMinutes(10));

    assertThat(validator.authenticate(token, null)).isEmpty();
    assertThat(checks).hasValue(2);
    assertThat(validator.size()).isZero();
  }

  @Test
  void aForgedTokenIsCheckedEveryTimeAndNeverRemembered() {
    String forged =
        token(
            "mallory",
            START.plus(Duration.ofHours(1)),
            "another secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8));

    assertThat(validator.authenticate(forged, null)).isEmpty();
    assertThat(validator.authenticate(forged, null)).isEmpty();
    assertThat(validator.authenticate("not a jwt", null)).isEmpty();
    assertThat(validator.authenticate(null, null)).isEmpty();

    assertThat(checks).hasValue(3);
    assertThat(validator.size()).isZero();
  }

  @Test
  void atMostTheCapacityIsRemembered() {
    for (int i = 0; i < 10; i++) {
      String token = token("user-" + i, START.plus(Duration.ofHours(1)), SECRET);
      assertThat(validator.authenticate(token, null))
          .map(Authentication::getName)
          .hasValue("user-" + i);
      assertThat(validator.size()).isLessThanOrEqualTo(3);
    }
  }

  @Test
  void aFullCacheDropsExpiredTokensFirst() {
    String shortLived = token("a", START.plus(Duration.ofMinutes(1)), SECRET);
    String b = token("b", START.plus(Duration.ofHours(1)), SECRET);
    String c = token("c", START.plus(Duration.ofHours(1)), SECRET);
    validator.authenticate(shortLived, null);
    validator.authenticate(b, null);
    validator.authenticate(c, null);
    clock.now = START.plus(Duration.ofMinutes(2));

    validator.authenticate(token("d", START.plus(Duration.ofHours(1)), SECRET), null);
    int before = checks.get();
    validator.authenticate(b, null);
    validator.authenticate(c, null);

    assertThat(checks).hasValue(before);
    assertThat(validator.size()).isEqualTo(3);
  }

  private static String token(String subject, Instant expires, byte[] secret) {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.HS256),
            new JWTClaimsSet.Builder()
                .subject(subject)
                .issueTime(Date.from(START))
                .expirationTime(Date.from(expires))
                .build());
    try {
      jwt.sign(new MACSigner(secret));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  private static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
