package dev.todoai.adapter.in.rest;

import dev.todoai.application.port.in.EmailTakenException;
import dev.todoai.application.port.in.InvalidCredentialsException;
import dev.todoai.application.port.in.LogInUseCase;
import dev.todoai.application.port.in.RegisterUserUseCase;
import dev.todoai.application.port.in.TooManyLoginAttemptsException;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.user.UserAccount;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** In-memory stand-in for registration and log-in (5 failures per address, then throttled). */
@Singleton
final class FakeAccountUseCases implements RegisterUserUseCase, LogInUseCase {
  private final Map<String, UserAccount> accounts = new HashMap<>();
  private final Map<String, Integer> failures = new HashMap<>();

  /** Not a real hash: the password hasher is an adapter of its own (adapters/passwords). */
  private static String fakeHash(String password) {
    return "fake-hash:" + password;
  }

  @Override
  public synchronized UserAccount register(RegisterUserCommand command) {
    if (accounts.containsKey(command.email().value())) {
      throw new EmailTakenException("an account with this e-mail address exists already");
    }
    UserAccount account =
        new UserAccount(
            new UserId(UUID.randomUUID().toString()),
            command.email(),
            fakeHash(command.password().value()),
            Instant.now());
    accounts.put(command.email().value(), account);
    return account;
  }

  @Override
  public synchronized UserAccount logIn(LogInCommand command) {
    String email = command.email().value();
    if (failures.getOrDefault(email, 0) >= 5) {
      throw new TooManyLoginAttemptsException(Duration.ofMinutes(15));
    }
    UserAccount account = accounts.get(email);
    if (account == null || !fakeHash(command.password()).equals(account.passwordHash())) {
      failures.merge(email, 1, Integer::sum);
      throw new InvalidCredentialsException("unknown e-mail address or wrong password");
    }
    return account;
  }
}
