package dev.todoai.application.fakes;

import dev.todoai.application.port.out.PasswordHasherPort;
import dev.todoai.domain.user.Password;

/** A reversible "hash" for use-case tests only: makes stored values easy to assert on. */
public final class PlainTextHasher implements PasswordHasherPort {
  @Override
  public String hash(Password password) {
    return "plain:" + password.value();
  }

  @Override
  public boolean matches(String candidate, String hash) {
    return hash.equals("plain:" + candidate);
  }
}
