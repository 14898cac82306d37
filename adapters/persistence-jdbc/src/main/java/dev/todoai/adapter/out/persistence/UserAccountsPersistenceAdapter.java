package dev.todoai.adapter.out.persistence;

import dev.todoai.application.port.out.UserAccountsPort;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.user.Email;
import dev.todoai.domain.user.UserAccount;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;

/** User accounts in {@code users}; the e-mail address is unique. */
@Singleton
final class UserAccountsPersistenceAdapter implements UserAccountsPort {
  private final Jdbc jdbc;

  UserAccountsPersistenceAdapter(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<UserAccount> findByEmail(Email email) {
    return jdbc.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, email, password_hash, created_at FROM users WHERE email = ?")) {
            ps.setString(1, email.value());
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              return Optional.of(
                  new UserAccount(
                      new UserId(rs.getString("id")),
                      new Email(rs.getString("email")),
                      rs.getString("password_hash"),
                      Jdbc.instant(rs, "created_at")));
            }
          }
        });
  }

  @Override
  public boolean insert(UserAccount account) {
    return jdbc.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO users (id, email, password_hash, created_at) VALUES (?, ?, ?, ?)"
                      + " ON CONFLICT (email) DO NOTHING")) {
            Jdbc.bind(
                ps,
                List.of(
                    account.id().value(),
                    account.email().value(),
                    account.passwordHash(),
                    account.createdAt()));
            return ps.executeUpdate() == 1;
          }
        });
  }
}
