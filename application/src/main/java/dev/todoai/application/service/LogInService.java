package dev.todoai.application.service;

import dev.todoai.application.port.in.InvalidCredentialsException;
import dev.todoai.application.port.in.LogInUseCase;
import dev.todoai.application.port.in.TooManyLoginAttemptsException;
import dev.todoai.application.port.out.ClockPort;
import dev.todoai.application.port.out.LoginAttemptsPort;
import dev.todoai.application.port.out.PasswordHasherPort;
import dev.todoai.application.port.out.UserAccountsPort;
import dev.todoai.domain.user.Password;
import dev.todoai.domain.user.UserAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Logs users in. After {@link #MAX_FAILURES} failures for one address within {@link #WINDOW},
 * further attempts are refused until the oldest failure leaves the window. An unknown address costs
 * as much time as a wrong password, so timing does not reveal which addresses exist.
 */
public final class LogInService implements LogInUseCase {
  public static final int MAX_FAILURES = 5;
  public static final Duration WINDOW = Duration.ofMinutes(15);

  private final ClockPort clock;
  private final UserAccountsPort accounts;
  private final PasswordHasherPort hasher;
  private final LoginAttemptsPort attempts;
  private final String decoyHash;

  public LogInService(
      ClockPort clock,
      UserAccountsPort accounts,
      PasswordHasherPort hasher,
      LoginAttemptsPort attempts) {
    this.clock = clock;
    this.accounts = accounts;
    this.hasher = hasher;
    this.attempts = attempts;
    this.decoyHash = hasher.hash(new Password("decoy-password-never-matches"));
  }

  @Override
  public UserAccount logIn(LogInCommand command) {
    Instant now = clock.now();
    Instant windowStart = now.minus(WINDOW);
    if (attempts.failuresSince(command.email(), windowStart) >= MAX_FAILURES) {
      Instant oldest = attempts.oldestFailureSince(command.email(), windowStart);
      Duration wait = oldest == null ? WINDOW : Duration.between(now, oldest.plus(WINDOW));
      throw new TooManyLoginAttemptsException(wait.isNegative() ? Duration.ZERO : wait);
    }
    Optional<UserAccount> account = accounts.findByEmail(command.email());
    String password = command.password() == null ? "" : command.password();
    boolean ok = hasher.matches(password, account.map(UserAccount::passwordHash).orElse(decoyHash));
    if (account.isEmpty() || !ok) {
      attempts.recordFailure(command.email(), now);
      throw new InvalidCredentialsException("unknown e-mail address or wrong password");
    }
    attempts.clearFailures(command.email());
    return account.get();
  }
}
