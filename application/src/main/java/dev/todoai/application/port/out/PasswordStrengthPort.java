package dev.todoai.application.port.out;

import java.util.List;
import java.util.Optional;

/** Estimates how easily a password is guessed (dictionaries, common passwords, patterns). */
public interface PasswordStrengthPort {

  /**
   * Why {@code password} is too easy to guess — taking into account words a guesser would try for
   * this account ({@code related}, e.g. the e-mail address) — or empty when it is strong enough.
   */
  Optional<String> weakness(String password, List<String> related);
}
