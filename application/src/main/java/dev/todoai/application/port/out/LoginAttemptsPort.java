package dev.todoai.application.port.out;

import dev.todoai.domain.user.Email;
import java.time.Instant;

/**
 * Failed log-ins by e-mail address and client address (shared by all replicas). An {@code email} of
 * null means: of any account.
 */
public interface LoginAttemptsPort {
  int failuresSince(Email email, String client, Instant since);

  /** The oldest failure at or after {@code since}, or null. */
  Instant oldestFailureSince(Email email, String client, Instant since);

  void recordFailure(Email email, String client, Instant at);

  /** Forgets the failures of one account from one client (after it logged in). */
  void clearFailures(Email email, String client);
}
