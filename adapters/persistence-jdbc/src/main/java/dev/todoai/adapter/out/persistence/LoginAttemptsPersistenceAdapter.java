package dev.todoai.adapter.out.persistence;

import dev.todoai.adapter.out.persistence.LoginFailureRows.LoginFailureRow;
import dev.todoai.application.port.out.LoginAttemptsPort;
import dev.todoai.domain.user.Email;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/**
 * Failed log-ins in {@code login_failures}, one row per failure with its client address, shared by
 * all replicas. A null e-mail means: of any account, from that client.
 */
@Singleton
final class LoginAttemptsPersistenceAdapter implements LoginAttemptsPort {
  private final LoginFailureRows failures;

  LoginAttemptsPersistenceAdapter(LoginFailureRows failures) {
    this.failures = failures;
  }

  @Override
  public int failuresSince(Email email, String client, Instant since) {
    long count =
        email == null
            ? failures.countByClientAddressAndFailedAtGreaterThanEquals(client, Micros.of(since))
            : failures.countByClientAddressAndEmailAndFailedAtGreaterThanEquals(
                client, email.value(), Micros.of(since));
    return (int) count;
  }

  @Override
  public Instant oldestFailureSince(Email email, String client, Instant since) {
    Optional<LoginFailureRow> oldest =
        email == null
            ? failures.findFirstByClientAddressAndFailedAtGreaterThanEqualsOrderByFailedAt(
                client, Micros.of(since))
            : failures.findFirstByClientAddressAndEmailAndFailedAtGreaterThanEqualsOrderByFailedAt(
                client, email.value(), Micros.of(since));
    return oldest.map(LoginFailureRow::failedAt).orElse(null);
  }

  @Override
  public void recordFailure(Email email, String client, Instant at) {
    failures.save(new LoginFailureRow(null, email.value(), client, Micros.of(at)));
  }

  @Override
  public void clearFailures(Email email, String client) {
    failures.deleteByClientAddressAndEmail(client, email.value());
  }
}
