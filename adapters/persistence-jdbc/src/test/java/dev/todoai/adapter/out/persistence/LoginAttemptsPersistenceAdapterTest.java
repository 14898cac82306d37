package dev.todoai.adapter.out.persistence;

import static dev.todoai.adapter.out.persistence.testsupport.TaskTestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.todoai.adapter.out.persistence.testsupport.TestDatabase;
import dev.todoai.application.port.out.LoginAttemptsPort;
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
  @Inject LoginAttemptsPort attempts;

  @Override
  public Map<String, String> getProperties() {
    return TestDatabase.properties();
  }

  private static Email anEmail() {
    return new Email(UUID.randomUUID() + "@example.org");
  }

  @Test
  void failuresAreCountedFromTheGivenInstantOn() {
    Email email = anEmail();
    attempts.recordFailure(email, T0);
    attempts.recordFailure(email, T0.plusSeconds(10));
    attempts.recordFailure(email, T0.plusSeconds(20));

    assertThat(attempts.failuresSince(email, T0)).isEqualTo(3);
    assertThat(attempts.failuresSince(email, T0.plusSeconds(10))).isEqualTo(2);
    assertThat(attempts.failuresSince(email, T0.plusSeconds(21))).isZero();
  }

  @Test
  void oldestFailureSinceIsTheEarliestInTheWindowOrNull() {
    Email email = anEmail();
    attempts.recordFailure(email, T0.plusSeconds(20));
    attempts.recordFailure(email, T0);
    attempts.recordFailure(email, T0.plusSeconds(10));

    assertThat(attempts.oldestFailureSince(email, T0.plusSeconds(5))).isEqualTo(T0.plusSeconds(10));
    assertThat(attempts.oldestFailureSince(email, T0.plusSeconds(30))).isNull();
  }

  @Test
  void failuresAreCountedPerEmail() {
    Email email = anEmail();
    Email other = anEmail();
    attempts.recordFailure(email, T0);

    assertThat(attempts.failuresSince(other, T0)).isZero();
  }

  @Test
  void clearFailuresForgetsOnlyThatEmailsFailures() {
    Email email = anEmail();
    Email other = anEmail();
    attempts.recordFailure(email, T0);
    attempts.recordFailure(other, T0);

    attempts.clearFailures(email);

    assertThat(attempts.failuresSince(email, T0)).isZero();
    assertThat(attempts.failuresSince(other, T0)).isEqualTo(1);
  }
}
