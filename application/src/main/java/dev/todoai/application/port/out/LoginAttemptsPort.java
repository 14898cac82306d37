package dev.todoai.application.port.out;

import dev.todoai.domain.user.Email;
import java.time.Instant;

/** Counts failed log-ins per e-mail address (shared by all replicas). */
public interface LoginAttemptsPort {
  int failuresSince(Email email, Instant since);

  /** The oldest failure at or after {@code since}, or null. */
  Instant oldestFailureSince(Email email, Instant since);

  void recordFailure(Email email, Instant at);

  void clearFailures(Email email);
}
