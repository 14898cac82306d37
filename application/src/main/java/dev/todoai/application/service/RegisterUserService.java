package dev.todoai.application.service;

import dev.todoai.application.port.in.EmailTakenException;
import dev.todoai.application.port.in.RegisterUserUseCase;
import dev.todoai.application.port.out.ClockPort;
import dev.todoai.application.port.out.PasswordHasherPort;
import dev.todoai.application.port.out.UserAccountsPort;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.user.UserAccount;
import java.util.UUID;

/** Registers accounts; the user id is a random UUID. */
public final class RegisterUserService implements RegisterUserUseCase {
  private final ClockPort clock;
  private final UserAccountsPort accounts;
  private final PasswordHasherPort hasher;

  public RegisterUserService(
      ClockPort clock, UserAccountsPort accounts, PasswordHasherPort hasher) {
    this.clock = clock;
    this.accounts = accounts;
    this.hasher = hasher;
  }

  @Override
  public UserAccount register(RegisterUserCommand command) {
    UserAccount account =
        new UserAccount(
            new UserId(UUID.randomUUID().toString()),
            command.email(),
            hasher.hash(command.password()),
            clock.now());
    if (!accounts.insert(account)) {
      throw new EmailTakenException("an account with this e-mail address exists already");
    }
    return account;
  }
}
