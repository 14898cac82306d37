package dev.todoai.application.port.out;

import dev.todoai.domain.user.Password;

/** Hashes passwords with a slow, salted algorithm and checks candidates against a hash. */
public interface PasswordHasherPort {
  String hash(Password password);

  boolean matches(String candidate, String hash);
}
