package dev.todoai.adapter.in.rest;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.todoai.domain.user.UserAccount;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

/**
 * Issues the HS256 access tokens of this API: {@code sub} = user id, {@code email}, {@code iat},
 * {@code exp}, and {@code iss}/{@code aud} when configured. Uses the real clock because
 * micronaut-security checks {@code exp} against it.
 */
@Singleton
final class AccessTokenIssuer {
  private final MACSigner signer;
  private final JwtSettings settings;
  private final Clock clock;

  @Inject
  AccessTokenIssuer(JwtSettings settings) throws JOSEException {
    this(settings, Clock.systemUTC());
  }

  AccessTokenIssuer(JwtSettings settings, Clock clock) throws JOSEException {
    this.signer = new MACSigner(settings.secret());
    this.settings = settings;
    this.clock = clock;
  }

  /** A signed token and the instant it expires. */
  record AccessToken(String token, Instant expiresAt) {}

  AccessToken issue(UserAccount account) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant expiresAt = now.plus(settings.tokenLifetime());
    JWTClaimsSet.Builder builder =
        new JWTClaimsSet.Builder()
            .subject(account.id().value())
            .claim("email", account.email().value())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(expiresAt));
    settings.issuer().ifPresent(builder::issuer);
    settings.audience().ifPresent(builder::audience);
    JWTClaimsSet claims = builder.build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("could not sign an access token", e);
    }
    return new AccessToken(jwt.serialize(), expiresAt);
  }
}
