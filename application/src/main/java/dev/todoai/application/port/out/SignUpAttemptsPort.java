package dev.todoai.application.port.out;

import java.time.Instant;

/** Sign-up attempts by client address (shared by all replicas). */
public interface SignUpAttemptsPort {
  int attemptsSince(String client, Instant since);

  /** The oldest attempt at or after {@code since}, or null. */
  Instant oldestAttemptSince(String client, Instant since);

  void recordAttempt(String client, Instant at);
}
