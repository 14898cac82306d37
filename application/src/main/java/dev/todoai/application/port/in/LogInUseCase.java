package dev.todoai.application.port.in;

import dev.todoai.domain.user.Email;
import dev.todoai.domain.user.UserAccount;

/** Checks an e-mail address and password; repeated failures for one address are throttled. */
public interface LogInUseCase {

  /**
   * @throws InvalidCredentialsException when the address or password is wrong
   * @throws TooManyLoginAttemptsException when the address has failed too often recently
   */
  UserAccount logIn(LogInCommand command);

  record LogInCommand(Email email, String password) {
    @Override
    public String toString() {
      return "LogInCommand[" + email.value() + "]";
    }
  }
}
