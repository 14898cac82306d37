package dev.todoai.application.port.out;

import dev.todoai.domain.user.Email;
import dev.todoai.domain.user.UserAccount;
import java.util.Optional;

/** Stores user accounts; e-mail addresses are unique. */
public interface UserAccountsPort {
  Optional<UserAccount> findByEmail(Email email);

  /** Inserts the account; false when the e-mail address is taken. */
  boolean insert(UserAccount account);
}
