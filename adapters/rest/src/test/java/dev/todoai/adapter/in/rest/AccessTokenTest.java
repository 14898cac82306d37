package dev.todoai.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.todoai.adapter.in.rest.AccessTokenIssuer.AccessToken;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.user.Email;
import dev.todoai.domain.user.UserAccount;
import io.micronaut.context.exceptions.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AccessTokenTest {
  private static final String SECRET = "0123456789abcdef0123456789abcdef";

  @Test
  void tokenCarriesSubjectEmailIssuedAtAndExpiry() throws Exception {
    Instant now = Instant.parse("2030-01-01T12:00:00.700Z");
    AccessTokenIssuer issuer =
        new AccessTokenIssuer(
            new JwtSettings(SECRET, Duration.ofDays(7)), Clock.fixed(now, ZoneOffset.UTC));
    UserAccount account =
        new UserAccount(new UserId("u-1"), new Email("A@Example.com"), "hash", now);

    AccessToken token = issuer.issue(account);

    SignedJWT jwt = SignedJWT.parse(token.token());
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
    assertThat(jwt.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
    assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("u-1");
    assertThat(jwt.getJWTClaimsSet().getStringClaim("email")).isEqualTo("a@example.com");
    assertThat(jwt.getJWTClaimsSet().getIssueTime().toInstant())
        .isEqualTo(Instant.parse("2030-01-01T12:00:00Z"));
    assertThat(token.expiresAt()).isEqualTo(Instant.parse("2030-01-08T12:00:00Z"));
    assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant()).isEqualTo(token.expiresAt());
  }

  @Test
  void secretShorterThan32BytesStopsTheStartWithAClearMessage() {
    assertThatThrownBy(() -> new JwtSettings("too-short", Duration.ofDays(7)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("todo.auth.jwt-secret")
        .hasMessageContaining("at least 32 bytes");
    assertThatThrownBy(() -> new JwtSettings("", Duration.ofDays(7)))
        .hasMessageContaining("not set");
  }

  @Test
  void signatureCheckAcceptsOnlyHmacTokensWithTheSecret() throws Exception {
    JwtSettings settings = new JwtSettings(SECRET, Duration.ofDays(7));
    JwtSecretSignature signature = new JwtSecretSignature(settings);
    String ours = new AccessTokenIssuer(settings).issue(account()).token();
    String theirs =
        new AccessTokenIssuer(new JwtSettings(SECRET + "-other", Duration.ofDays(7)))
            .issue(account())
            .token();

    assertThat(signature.verify(SignedJWT.parse(ours))).isTrue();
    assertThat(signature.verify(SignedJWT.parse(theirs))).isFalse();
    assertThat(signature.supports(JWSAlgorithm.RS256)).isFalse();
  }

  private static UserAccount account() {
    return new UserAccount(new UserId("u-1"), new Email("a@example.com"), "hash", Instant.now());
  }
}
