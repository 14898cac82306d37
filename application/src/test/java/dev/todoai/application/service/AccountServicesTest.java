package dev.todoai.application.service;

import static dev.todoai.domain.task.TaskTestData.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todoai.application.fakes.InMemoryStore;
import dev.todoai.application.fakes.MutableClock;
import dev.todoai.application.fakes.PlainTextHasher;
import dev.todoai.application.port.in.EmailTakenException;
import dev.todoai.application.port.in.InvalidCredentialsException;
import dev.todoai.application.port.in.LogInUseCase.LogInCommand;
import dev.todoai.application.port.in.RegisterUserUseCase.RegisterUserCommand;
import dev.todoai.application.port.in.TooManyLoginAttemptsException;
import dev.todoai.domain.user.Email;
import dev.todoai.domain.user.Password;
import dev.todoai.domain.user.UserAccount;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AccountServicesTest {
  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryStore store = new InMemoryStore();
  private final PlainTextHasher hasher = new PlainTextHasher();
  private final RegisterUserService register = new RegisterUserService(clock, store, hasher);
  private final LogInService logIn = new LogInService(clock, store, hasher, store);
  private final Email ada = new Email("ada@example.org");

  private UserAccount registerAda() {
    return register.register(new RegisterUserCommand(ada, new Password("correct horse")));
  }

  @Test
  void registeringStoresAHashNotThePassword() {
    UserAccount account = registerAda();

    assertThat(account.passwordHash()).isEqualTo("plain:correct horse");
    assertThat(account.id().value()).hasSize(36);
    assertThat(store.findByEmail(ada)).contains(account);
  }

  @Test
  void aTakenEmailIsRefusedWhateverItsCase() {
    registerAda();

    assertThatThrownBy(
            () ->
                register.register(
                    new RegisterUserCommand(
                        new Email("ADA@example.org"), new Password("other pass"))))
        .isInstanceOf(EmailTakenException.class);
  }

  @Test
  void logInWithTheRightPasswordReturnsTheAccount() {
    UserAccount account = registerAda();

    assertThat(logIn.logIn(new LogInCommand(ada, "correct horse"))).isEqualTo(account);
  }

  @Test
  void wrongPasswordAndUnknownEmailFailAlike() {
    registerAda();

    assertThatThrownBy(() -> logIn.logIn(new LogInCommand(ada, "wrong")))
        .isInstanceOf(InvalidCredentialsException.class);
    assertThatThrownBy(() -> logIn.logIn(new LogInCommand(new Email("bob@example.org"), "x")))
        .isInstanceOf(InvalidCredentialsException.class)
        .hasMessage("unknown e-mail address or wrong password");
  }

  @Test
  void fiveFailuresBlockTheAddressUntilTheOldestLeavesTheWindow() {
    registerAda();
    for (int i = 0; i < LogInService.MAX_FAILURES; i++) {
      clock.advance(Duration.ofMinutes(1));
      assertThatThrownBy(() -> logIn.logIn(new LogInCommand(ada, "wrong")))
          .isInstanceOf(InvalidCredentialsException.class);
    }

    assertThatThrownBy(() -> logIn.logIn(new LogInCommand(ada, "correct horse")))
        .isInstanceOfSatisfying(
            TooManyLoginAttemptsException.class,
            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(11)));

    clock.advance(Duration.ofMinutes(11).plusSeconds(1));
    assertThat(logIn.logIn(new LogInCommand(ada, "correct horse")).email()).isEqualTo(ada);
  }

  @Test
  void aSuccessfulLogInClearsEarlierFailures() {
    registerAda();
    for (int i = 0; i < LogInService.MAX_FAILURES - 1; i++) {
      assertThatThrownBy(() -> logIn.logIn(new LogInCommand(ada, "wrong")))
          .isInstanceOf(InvalidCredentialsException.class);
    }
    logIn.logIn(new LogInCommand(ada, "correct horse"));

    assertThat(store.failuresSince(ada, T0.minusSeconds(1))).isZero();
  }
}
