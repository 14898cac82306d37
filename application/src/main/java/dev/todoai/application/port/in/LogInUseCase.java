package dev.todoai.application.port.in;

import dev.todoai.domain.user.Email;
import dev.todoai.domain.user.UserAccount;

/**
 * Checks an e-mail address and password. Repeated failures are throttled per client address (for
 * one account, and over all accounts), never for the account as such: the owner logging in from
 * elsewhere is not locked out by someone else's guesses.
 */
public interface LogInUseCase {

  /**
   * @throws InvalidCredentialsException when the address or password is wrong
   * @throws TooManyLoginAttemptsException when this client has failed too often recently
   */
  UserAccount logIn(LogInCommand command);

  /**
   * @param client the client's network address as the transport sees it ({@link #UNKNOWN_CLIENT}
   *     when it has none)
   */
  record LogInCommand(Email email, String password, String client) {
    public static final String UNKNOWN_CLIENT = "unknown";

    public LogInCommand {
      client = client == null || client.isBlank() ? UNKNOWN_CLIENT : client;
    }

    public LogInCommand(Email email, String password) {
      this(email, password, UNKNOWN_CLIENT);
    }

    @Override
    public String toString() {
      return "LogInCommand[" + email.value() + "]";
    }
  }
}
