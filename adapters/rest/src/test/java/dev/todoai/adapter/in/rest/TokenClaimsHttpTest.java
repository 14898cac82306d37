package dev.todoai.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Tokens signed with the right secret are not enough: with issuer and audience configured, a token
 * must name both, expire, not live longer than allowed and not be dated in the future.
 */
@MicronautTest
@Property(name = "todo.auth.jwt-secret", value = TaskApiHttpTest.SECRET)
@Property(name = "todo.auth.issuer", value = "https://todo.example.org")
@Property(name = "todo.auth.audience", value = "todo-api")
class TokenClaimsHttpTest {
  @Inject EmbeddedServer server;

  private final HttpClient http = HttpClient.newHttpClient();
  private final String user = "user-" + UUID.randomUUID();

  @Test
  void aTokenWithTheConfiguredIssuerAndAudienceIsAccepted() throws Exception {
    assertThat(status(token(c -> c))).isEqualTo(200);
  }

  @Test
  void aTokenOfThisServiceIsAccepted() throws Exception {
    assertThat(
            status(
                server
                    .getApplicationContext()
                    .getBean(AccessTokenIssuer.class)
                    .issue(
                        new dev.todoai.domain.user.UserAccount(
                            new dev.todoai.domain.shared.UserId(user),
                            new dev.todoai.domain.user.Email("claims@example.org"),
                            "hash",
                            Instant.now()))
                    .token()))
        .isEqualTo(200);
  }

  @Test
  void aTokenWithoutExpiryIsRefused() throws Exception {
    assertThat(status(token(c -> c.expirationTime(null)))).isEqualTo(401);
  }

  @Test
  void aTokenLivingTenYearsIsRefused() throws Exception {
    Instant now = Instant.now();
    assertThat(status(token(c -> c.expirationTime(Date.from(now.plus(Duration.ofDays(3650)))))))
        .isEqualTo(401);
  }

  @Test
  void aTokenIssuedLongBeforeItsFarExpiryIsRefused() throws Exception {
    Instant now = Instant.now();
    assertThat(
            status(
                token(
                    c ->
                        c.issueTime(Date.from(now.minus(Duration.ofDays(6))))
                            .expirationTime(Date.from(now.plus(Duration.ofDays(6)))))))
        .isEqualTo(401);
  }

  @Test
  void aTokenNotValidBeforeAFutureTimeIsRefused() throws Exception {
    Instant now = Instant.now();
    assertThat(status(token(c -> c.notBeforeTime(Date.from(now.plus(Duration.ofHours(1)))))))
        .isEqualTo(401);
  }

  @Test
  void aTokenIssuedInTheFutureIsRefused() throws Exception {
    Instant now = Instant.now();
    assertThat(status(token(c -> c.issueTime(Date.from(now.plus(Duration.ofHours(1)))))))
        .isEqualTo(401);
  }

  @Test
  void aTokenOfAnotherIssuerOrAudienceIsRefused() throws Exception {
    assertThat(status(token(c -> c.issuer("https://other.example.org")))).isEqualTo(401);
    assertThat(status(token(c -> c.issuer(null)))).isEqualTo(401);
    assertThat(status(token(c -> c.audience("other-api")))).isEqualTo(401);
    assertThat(status(token(c -> c.audience((String) null)))).isEqualTo(401);
  }

  @Test
  void anAcceptedTokenIsRememberedAndARefusedOneIsNot() throws Exception {
    CachingAccessTokenValidator validator =
        server.getApplicationContext().getBean(CachingAccessTokenValidator.class);
    String accepted = token(c -> c);
    String refused = token(c -> c.audience("other-api"));
    int before = validator.size();

    assertThat(status(refused)).isEqualTo(401);
    assertThat(validator.size()).isEqualTo(before);
    assertThat(status(accepted)).isEqualTo(200);
    assertThat(validator.size()).isEqualTo(before + 1);
    assertThat(status(accepted)).isEqualTo(200);
    assertThat(validator.size()).isEqualTo(before + 1);
  }

  private String token(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .subject(user)
            .issuer("https://todo.example.org")
            .audience("todo-api")
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(3600)));
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), change.apply(claims).build());
    jwt.sign(new MACSigner(TaskApiHttpTest.SECRET.getBytes(StandardCharsets.UTF_8)));
    return jwt.serialize();
  }

  private int status(String token) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + server.getPort() + "/api/" + user + "/tasks"))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }
}
