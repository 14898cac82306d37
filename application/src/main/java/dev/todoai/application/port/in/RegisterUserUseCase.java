package dev.todoai.application.port.in;

import dev.todoai.domain.user.Email;
import dev.todoai.domain.user.Password;
import dev.todoai.domain.user.UserAccount;

/** Creates an account for an e-mail address. */
public interface RegisterUserUseCase {

  /**
   * @throws EmailTakenException when an account with that address exists
   */
  UserAccount register(RegisterUserCommand command);

  record RegisterUserCommand(Email email, Password password) {}
}
