package dev.todoai.adapter.out.persistence;

import static dev.todoai.adapter.out.persistence.testsupport.TaskTestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.todoai.adapter.out.persistence.testsupport.TestDatabase;
import dev.todoai.application.port.out.LoginAttemptsPort;
import dev.todoai.application.port.out.SignUpAttemptsPort;
import dev.todoai.domain.user.Email;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginAttemptsPersistenceAdapterTest implements TestPropertyProvider {
  private static final String HERE = "198.51.100.4";
  private static final String THERE = "203.0.113.7";

  @Inject LoginAttemptsPort attempts;
  @Inject SignUpAttemptsPort signUps;

  @Override
  public Map<String, String> getProperties() {
    return TestDatabase.properties();
  }

  private static Email anEmail() {
    return new Email(UUID.randomUUID() + "@example.org");
  }

  private static String aClient() {
    return "2001:db8::" + Integer.toHexString(UUID.randomUUID().hashCode() & 0xffff);
  }

  @Test
  void failuresAreCountedFromTheGivenInstantOn() {
    Email email = anEmail();
    attempts.recordFailure(email, HERE, T0);
    attempts.recordFailure(email, HERE, T0.plusSeconds(10));
    attempts.recordFailure(email, HERE, T0.plusSeconds(20));

    assertThat(attempts.failuresSince(email, HERE, T0)).isEqualTo(3);
    assertThat(attempts.failuresSince(email, HERE, T0.plusSeconds(10))).isEqualTo(2);
    assertThat(attempts.failuresSince(email, HERE, T0.plusSeconds(21))).isZero();
  }

  @Test
  void oldestFailureSinceIsTheEarliestInTheWindowOrNull() {
    Email email = anEmail();
    attempts.recordFailure(email, HERE, T0.plusSeconds(20));
    attempts.recordFailure(email, HERE, T0);
    attempts.recordFailure(email, HERE, T0.plusSeconds(10));

    assertThat(attempts.oldestFailureSince(email, HERE, T0.plusSeconds(5)))
        .isEqualTo(T0.plusSeconds(10));
    assertThat(attempts.oldestFailureSince(email, HERE, T0.plusSeconds(30))).isNull();
  }

  @Test
  void failuresAreCountedPerEmailAndClient() {
    Email email = anEmail();
    Email other = anEmail();
    attempts.recordFailure(email, HERE, T0);

    assertThat(attempts.failuresSince(other, HERE, T0)).isZero();
    assertThat(attempts.failuresSince(email, THERE, T0)).isZero();
  }

  @Test
  void withoutAnEmailTheFailuresOfAllAccountsFromTheClientCount() {
    String client = aClient();
    attempts.recordFailure(anEmail(), client, T0);
    attempts.recordFailure(anEmail(), client, T0.plusSeconds(1));
    attempts.recordFailure(anEmail(), aClient(), T0);

    assertThat(attempts.failuresSince(null, client, T0)).isEqualTo(2);
    assertThat(attempts.oldestFailureSince(null, client, T0)).isEqualTo(T0);
  }

  @Test
  void clearFailuresForgetsOnlyThatEmailsFailuresFromThatClient() {
    Email email = anEmail();
    Email other = anEmail();
    attempts.recordFailure(email, HERE, T0);
    attempts.recordFailure(email, THERE, T0);
    attempts.recordFailure(other, HERE, T0);

    attempts.clearFailures(email, HERE);

    assertThat(attempts.failuresSince(email, HERE, T0)).isZero();
    assertThat(attempts.failuresSince(email, THERE, T0)).isEqualTo(1);
    assertThat(attempts.failuresSince(other, HERE, T0)).isEqualTo(1);
  }

  @Test
  void signUpAttemptsAreCountedPerClient() {
    String client = aClient();
    signUps.recordAttempt(client, T0.plusSeconds(5));
    signUps.recordAttempt(client, T0);
    signUps.recordAttempt(aClient(), T0);

    assertThat(signUps.attemptsSince(client, T0)).isEqualTo(2);
    assertThat(signUps.attemptsSince(client, T0.plusSeconds(1))).isEqualTo(1);
    assertThat(signUps.oldestAttemptSince(client, T0)).isEqualTo(T0);
    assertThat(signUps.oldestAttemptSince(client, T0.plusSeconds(6))).isNull();
  }
}
