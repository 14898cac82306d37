package dev.todoai.adapter.out.persistence;

import dev.todoai.adapter.out.persistence.SignUpAttemptRows.SignUpAttemptRow;
import dev.todoai.application.port.out.SignUpAttemptsPort;
import jakarta.inject.Singleton;
import java.time.Instant;

/** Sign-up attempts in {@code sign_up_attempts}, one row per attempt, shared by all replicas. */
@Singleton
final class SignUpAttemptsPersistenceAdapter implements SignUpAttemptsPort {
  private final SignUpAttemptRows attempts;

  SignUpAttemptsPersistenceAdapter(SignUpAttemptRows attempts) {
    this.attempts = attempts;
  }

  @Override
  public int attemptsSince(String client, Instant since) {
    return (int)
        attempts.countByClientAddressAndAttemptedAtGreaterThanEquals(client, Micros.of(since));
  }

  @Override
  public Instant oldestAttemptSince(String client, Instant since) {
    return attempts
        .findFirstByClientAddressAndAttemptedAtGreaterThanEqualsOrderByAttemptedAt(
            client, Micros.of(since))
        .map(SignUpAttemptRow::attemptedAt)
        .orElse(null);
  }

  @Override
  public void recordAttempt(String client, Instant at) {
    attempts.save(new SignUpAttemptRow(null, client, Micros.of(at)));
  }
}
