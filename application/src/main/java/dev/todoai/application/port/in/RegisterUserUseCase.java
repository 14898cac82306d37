package dev.todoai.application.port.in;

import dev.todoai.domain.user.Email;
import dev.todoai.domain.user.Password;
import dev.todoai.domain.user.UserAccount;

/**
 * Creates an account for an e-mail address; sign-ups are rate-limited per client address, and a
 * password that is easy to guess is refused.
 */
public interface RegisterUserUseCase {

  /**
   * @throws EmailTakenException when an account with that address exists
   * @throws TooManySignUpsException when this client signed up too often recently
   * @throws dev.todoai.domain.shared.InvalidValueException (field {@code password}) when the
   *     password is too easy to guess
   */
  UserAccount register(RegisterUserCommand command);

  /**
   * @param client the client's network address as the transport sees it
   */
  record RegisterUserCommand(Email email, Password password, String client) {
    public RegisterUserCommand {
      client =
          client == null || client.isBlank() ? LogInUseCase.LogInCommand.UNKNOWN_CLIENT : client;
    }

    public RegisterUserCommand(Email email, Password password) {
      this(email, password, LogInUseCase.LogInCommand.UNKNOWN_CLIENT);
    }
  }
}
