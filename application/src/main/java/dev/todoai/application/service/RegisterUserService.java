package dev.todoai.application.service;

import dev.todoai.application.port.in.EmailTakenException;
import dev.todoai.application.port.in.RegisterUserUseCase;
import dev.todoai.application.port.in.TooManySignUpsException;
import dev.todoai.application.port.out.ClockPort;
import dev.todoai.application.port.out.PasswordHasherPort;
import dev.todoai.application.port.out.PasswordStrengthPort;
import dev.todoai.application.port.out.SignUpAttemptsPort;
import dev.todoai.application.port.out.UserAccountsPort;
import dev.todoai.domain.shared.InvalidValueException;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.user.UserAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Registers accounts; the user id is a random UUID. At most {@code maxPerClient} sign-ups (each
 * costs a password hash) are accepted from one client address within {@code window}; a password
 * that the strength estimator finds easy to guess (also in view of the e-mail address) is refused
 * with the estimator's reason.
 */
public final class RegisterUserService implements RegisterUserUseCase {
  public static final int DEFAULT_MAX_PER_CLIENT = 10;
  public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);

  private final ClockPort clock;
  private final UserAccountsPort accounts;
  private final PasswordHasherPort hasher;
  private final PasswordStrengthPort strength;
  private final SignUpAttemptsPort signUps;
  private final int maxPerClient;
  private final Duration window;

  public RegisterUserService(
      ClockPort clock,
      UserAccountsPort accounts,
      PasswordHasherPort hasher,
      PasswordStrengthPort strength,
      SignUpAttemptsPort signUps,
      int maxPerClient,
      Duration window) {
    if (maxPerClient < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("the sign-up limit must be positive");
    }
    this.clock = clock;
    this.accounts = accounts;
    this.hasher = hasher;
    this.strength = strength;
    this.signUps = signUps;
    this.maxPerClient = maxPerClient;
    this.window = window;
  }

  @Override
  public UserAccount register(RegisterUserCommand command) {
    Instant now = clock.now();
    Instant windowStart = now.minus(window);
    if (signUps.attemptsSince(command.client(), windowStart) >= maxPerClient) {
      Instant oldest = signUps.oldestAttemptSince(command.client(), windowStart);
      Duration wait = oldest == null ? window : Duration.between(now, oldest.plus(window));
      throw new TooManySignUpsException(wait.isNegative() ? Duration.ZERO : wait);
    }
    String email = command.email().value();
    Optional<String> weakness =
        strength.weakness(
            command.password().value(), List.of(email, email.substring(0, email.indexOf('@'))));
    if (weakness.isPresent()) {
      throw new InvalidValueException("password", weakness.get());
    }
    signUps.recordAttempt(command.client(), now);
    UserAccount account =
        new UserAccount(
            new UserId(UUID.randomUUID().toString()),
            command.email(),
            hasher.hash(command.password()),
            now);
    if (!accounts.insert(account)) {
      throw new EmailTakenException("an account with this e-mail address exists already");
    }
    return account;
  }
}
