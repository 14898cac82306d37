package dev.todoai.application.service;

import dev.todoai.application.port.in.InvalidCredentialsException;
import dev.todoai.application.port.in.LogInUseCase;
import dev.todoai.application.port.in.TooManyLoginAttemptsException;
import dev.todoai.application.port.out.ClockPort;
import dev.todoai.application.port.out.LoginAttemptsPort;
import dev.todoai.application.port.out.PasswordHasherPort;
import dev.todoai.application.port.out.UserAccountsPort;
import dev.todoai.domain.user.Email;
import dev.todoai.domain.user.Password;
import dev.todoai.domain.user.UserAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Logs users in, throttling the client that fails — never the account: after {@link
 * #MAX_FAILURES_PER_ACCOUNT} failures for one account from one client address within {@link
 * #WINDOW}, or {@link #MAX_FAILURES_PER_CLIENT} failures for any accounts from one address, that
 * address is refused (before the password is even checked) until the oldest of those failures
 * leaves the window. The owner, logging in from another address, is not affected; logging in clears
 * that client's failures for the account. An unknown address costs as much time as a wrong
 * password, so timing does not reveal which addresses exist.
 */
public final class LogInService implements LogInUseCase {
  public static final int MAX_FAILURES_PER_ACCOUNT = 5;
  public static final int MAX_FAILURES_PER_CLIENT = 20;
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
    refuseWhenThrottled(command.email(), command.client(), MAX_FAILURES_PER_ACCOUNT, now);
    refuseWhenThrottled(null, command.client(), MAX_FAILURES_PER_CLIENT, now);
    Optional<UserAccount> account = accounts.findByEmail(command.email());
    String password = command.password() == null ? "" : command.password();
    boolean ok = hasher.matches(password, account.map(UserAccount::passwordHash).orElse(decoyHash));
    if (account.isEmpty() || !ok) {
      attempts.recordFailure(command.email(), command.client(), now);
      throw new InvalidCredentialsException("unknown e-mail address or wrong password");
    }
    if (attempts.failuresSince(command.email(), command.client(), windowStart) > 0) {
      attempts.clearFailures(command.email(), command.client());
    }
    return account.get();
  }

  private void refuseWhenThrottled(Email email, String client, int max, Instant now) {
    Instant windowStart = now.minus(WINDOW);
    if (attempts.failuresSince(email, client, windowStart) >= max) {
      Instant oldest = attempts.oldestFailureSince(email, client, windowStart);
      Duration wait = oldest == null ? WINDOW : Duration.between(now, oldest.plus(WINDOW));
      throw new TooManyLoginAttemptsException(wait.isNegative() ? Duration.ZERO : wait);
    }
  }
}
