package dev.todoai.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todoai.adapter.out.persistence.testsupport.TestDatabase;
import dev.todoai.bootstrap.system.Api.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guessing passwords slows the guesser, never the owner: throttling is per client address (behind a
 * trusted proxy, the address it forwards), and sign-ups are limited per client address too.
 */
class AuthThrottlingSystemTest {
  private static final String ATTACKER = "203.0.113.7";
  private static final String OWNER = "198.51.100.4";
  private static RunningApp behindProxy;
  private static RunningApp direct;

  @BeforeAll
  static void start() {
    Map<String, Object> props = new HashMap<>(TestDatabase.properties());
    props.put("todo.http.trusted-proxies", "127.0.0.1/32, ::1");
    props.put("todo.auth.sign-ups-per-client", 3);
    behindProxy = RunningApp.start(props);
    Map<String, Object> directProps = new HashMap<>(TestDatabase.properties());
    directProps.put("todo.auth.sign-ups-per-client", 3);
    direct = RunningApp.start(directProps);
  }

  @AfterAll
  static void stop() {
    behindProxy.close();
    direct.close();
  }

  private static Response logIn(Api api, String email, String password, String client) {
    return api.send(
        "POST",
        "/api/auth/login",
        null,
        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}",
        client == null ? Map.of() : Map.of("X-Forwarded-For", client));
  }

  private static Response signUp(Api api, String client) {
    return api.send(
        "POST",
        "/api/auth/register",
        null,
        "{\"email\":\""
            + UUID.randomUUID()
            + "@example.org\",\"password\":\"correct horse battery\"}",
        client == null ? Map.of() : Map.of("X-Forwarded-For", client));
  }

  @Test
  void anAttackersWrongPasswordsThrottleTheAttackerButNotTheOwnerElsewhere() {
    Api api = behindProxy.api();
    Response registered =
        api.send(
            "POST",
            "/api/auth/register",
            null,
            "{\"email\":\"owner@example.org\",\"password\":\"correct horse battery\"}",
            Map.of("X-Forwarded-For", OWNER));
    assertThat(registered.status()).isEqualTo(201);
    for (int i = 0; i < 5; i++) {
      assertThat(logIn(api, "owner@example.org", "guess " + i, ATTACKER).status()).isEqualTo(401);
    }

    Response attacker = logIn(api, "owner@example.org", "correct horse battery", ATTACKER);
    Response owner = logIn(api, "owner@example.org", "correct horse battery", OWNER);

    assertThat(attacker.status()).isEqualTo(429);
    assertThat(attacker.contentType()).startsWith("application/problem+json");
    assertThat(Integer.parseInt(attacker.header("Retry-After"))).isBetween(1, 15 * 60);
    assertThat(owner.status()).isEqualTo(200);
  }

  @Test
  void guessingAcrossManyAccountsThrottlesThatClientForEveryAccount() {
    Api api = behindProxy.api();
    String guesser = "203.0.113.99";
    for (int i = 0; i < 20; i++) {
      assertThat(logIn(api, "nobody" + i + "@example.org", "guess guess", guesser).status())
          .isEqualTo(401);
    }

    assertThat(logIn(api, "nobody99@example.org", "guess guess", guesser).status()).isEqualTo(429);
    assertThat(logIn(api, "nobody99@example.org", "guess guess", "203.0.113.100").status())
        .isEqualTo(401);
  }

  @Test
  void signUpsAreLimitedPerClientAddress() {
    Api api = behindProxy.api();
    String crowd = "192.0.2.10";
    for (int i = 0; i < 3; i++) {
      assertThat(signUp(api, crowd).status()).isEqualTo(201);
    }

    Response refused = signUp(api, crowd);

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.json().get("type").asText()).isEqualTo("/problems/too-many-sign-ups");
    assertThat(refused.header("Retry-After")).isNotNull();
    assertThat(signUp(api, "192.0.2.11").status()).isEqualTo(201);
  }

  @Test
  void aForwardedForHeaderFromAnUntrustedPeerIsIgnored() {
    Api api = direct.api();
    for (int i = 0; i < 3; i++) {
      assertThat(signUp(api, "192.0.2." + (20 + i)).status()).isEqualTo(201);
    }

    assertThat(signUp(api, "192.0.2.99").status()).isEqualTo(429);
  }

  @Test
  void aGuessablePasswordIsRefusedWithAFieldErrorThatSaysWhy() {
    Response weak =
        direct
            .api()
            .post(
                "/api/auth/register",
                null,
                "{\"email\":\"weak@example.org\",\"password\":\"password1234\"}");
    Response shortOne =
        direct
            .api()
            .post(
                "/api/auth/register",
                null,
                "{\"email\":\"short@example.org\",\"password\":\"x7#kQ2!z\"}");

    assertThat(weak.status()).isEqualTo(400);
    assertThat(weak.json().at("/errors/0/field").asText()).isEqualTo("password");
    assertThat(weak.json().at("/errors/0/message").asText()).contains("too easy to guess");
    assertThat(shortOne.status()).isEqualTo(400);
    assertThat(shortOne.json().at("/errors/0/message").asText()).contains("at least 10");
  }
}
