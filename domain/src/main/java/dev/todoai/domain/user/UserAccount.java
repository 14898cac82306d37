package dev.todoai.domain.user;

import dev.todoai.domain.shared.UserId;
import java.time.Instant;
import java.util.Objects;

/** A registered user: an e-mail address and the hash of a password (never the password). */
public record UserAccount(UserId id, Email email, String passwordHash, Instant createdAt) {
  public UserAccount {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(passwordHash, "passwordHash");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
