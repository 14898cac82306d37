package dev.todoai.adapter.out.persistence;

import dev.todoai.adapter.out.persistence.UserRows.UserRow;
import dev.todoai.application.port.out.UserAccountsPort;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.user.Email;
import dev.todoai.domain.user.UserAccount;
import jakarta.inject.Singleton;
import java.util.Optional;

/** User accounts in {@code users}; the e-mail address is unique. */
@Singleton
final class UserAccountsPersistenceAdapter implements UserAccountsPort {
  private final UserRows users;

  UserAccountsPersistenceAdapter(UserRows users) {
    this.users = users;
  }

  @Override
  public Optional<UserAccount> findByEmail(Email email) {
    return users.findByEmail(email.value()).map(UserAccountsPersistenceAdapter::account);
  }

  @Override
  public boolean insert(UserAccount account) {
    return users.insertUnlessTaken(
            account.id().value(),
            account.email().value(),
            account.passwordHash(),
            Micros.of(account.createdAt()))
        == 1;
  }

  private static UserAccount account(UserRow row) {
    return new UserAccount(
        new UserId(row.id()), new Email(row.email()), row.passwordHash(), row.createdAt());
  }
}
