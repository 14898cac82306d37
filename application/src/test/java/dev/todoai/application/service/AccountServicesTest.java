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
import dev.todoai.application.port.in.TooManySignUpsException;
import dev.todoai.application.port.out.PasswordStrengthPort;
import dev.todoai.domain.shared.InvalidValueException;
import dev.todoai.domain.user.Email;
import dev.todoai.domain.user.Password;
import dev.todoai.domain.user.UserAccount;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountServicesTest {
  private static final String ATTACKER = "203.0.113.7";
  private static final String OWNER = "198.51.100.4";

  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryStore store = new InMemoryStore();
  private final PlainTextHasher hasher = new PlainTextHasher();
  private final List<List<String>> strengthQuestions = new ArrayList<>();
  private final PasswordStrengthPort strength =
      (password, related) -> {
        strengthQuestions.add(related);
        return password.contains("password")
            ? Optional.of("is a common password")
            : Optional.empty();
      };
  private final RegisterUserService register =
      new RegisterUserService(clock, store, hasher, strength, store, 3, Duration.ofHours(1));
  private final LogInService logIn = new LogInService(clock, store, hasher, store);
  private final Email ada = new Email("ada@example.org");

  private UserAccount registerAda() {
    return register.register(new RegisterUserCommand(ada, new Password("correct horse"), OWNER));
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
                        new Email("ADA@example.org"), new Password("other pass phrase"))))
        .isInstanceOf(EmailTakenException.class);
  }

  @Test
  void aGuessablePasswordIsRefusedWithTheEstimatorsReasonAndTheAddressIsConsidered() {
    assertThatThrownBy(
            () ->
                register.register(new RegisterUserCommand(ada, new Password("password123"), OWNER)))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.field()).isEqualTo("password");
              assertThat(e.getMessage()).isEqualTo("is a common password");
            });
    assertThat(strengthQuestions).containsExactly(List.of("ada@example.org", "ada"));
    assertThat(store.findByEmail(ada)).isEmpty();
  }

  @Test
  void signUpsFromOneClientAreLimitedPerWindowOthersAreNot() {
    for (int i = 0; i < 3; i++) {
      register.register(
          new RegisterUserCommand(
              new Email("u" + i + "@example.org"), new Password("correct horse"), ATTACKER));
    }

    assertThatThrownBy(
            () ->
                register.register(
                    new RegisterUserCommand(
                        new Email("u9@example.org"), new Password("correct horse"), ATTACKER)))
        .isInstanceOfSatisfying(
            TooManySignUpsException.class,
            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(1)));
    assertThat(registerAda().email()).isEqualTo(ada);

    clock.advance(Duration.ofHours(1).plusSeconds(1));
    assertThat(
            register
                .register(
                    new RegisterUserCommand(
                        new Email("u9@example.org"), new Password("correct horse"), ATTACKER))
                .email())
        .isEqualTo(new Email("u9@example.org"));
  }

  @Test
  void logInWithTheRightPasswordReturnsTheAccount() {
    UserAccount account = registerAda();

    assertThat(logIn.logIn(new LogInCommand(ada, "correct horse", OWNER))).isEqualTo(account);
  }

  @Test
  void wrongPasswordAndUnknownEmailFailAlike() {
    registerAda();

    assertThatThrownBy(() -> logIn.logIn(new LogInCommand(ada, "wrong", ATTACKER)))
        .isInstanceOf(InvalidCredentialsException.class);
    assertThatThrownBy(
            () -> logIn.logIn(new LogInCommand(new Email("bob@example.org"), "x", ATTACKER)))
        .isInstanceOf(InvalidCredentialsException.class)
        .hasMessage("unknown e-mail address or wrong password");
  }

  @Test
  void failuresFromOneClientThrottleThatClientNeverTheOwnerElsewhere() {
    registerAda();
    for (int i = 0; i < LogInService.MAX_FAILURES_PER_ACCOUNT; i++) {
      clock.advance(Duration.ofMinutes(1));
      assertThatThrownBy(() -> logIn.logIn(new LogInCommand(ada, "wrong", ATTACKER)))
          .isInstanceOf(InvalidCredentialsException.class);
    }

    assertThatThrownBy(() -> logIn.logIn(new LogInCommand(ada, "correct horse", ATTACKER)))
        .isInstanceOfSatisfying(
            TooManyLoginAttemptsException.class,
            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(11)));
    assertThat(logIn.logIn(new LogInCommand(ada, "correct horse", OWNER)).email()).isEqualTo(ada);

    clock.advance(Duration.ofMinutes(11).plusSeconds(1));
    assertThat(logIn.logIn(new LogInCommand(ada, "correct horse", ATTACKER)).email())
        .isEqualTo(ada);
  }

  @Test
  void aClientGuessingAcrossManyAccountsIsThrottledForAllOfThem() {
    registerAda();
    for (int i = 0; i < LogInService.MAX_FAILURES_PER_CLIENT; i++) {
      Email victim = new Email("victim" + i + "@example.org");
      assertThatThrownBy(() -> logIn.logIn(new LogInCommand(victim, "wrong", ATTACKER)))
          .isInstanceOf(InvalidCredentialsException.class);
    }

    assertThatThrownBy(() -> logIn.logIn(new LogInCommand(ada, "correct horse", ATTACKER)))
        .isInstanceOf(TooManyLoginAttemptsException.class);
    assertThat(logIn.logIn(new LogInCommand(ada, "correct horse", OWNER)).email()).isEqualTo(ada);
  }

  @Test
  void aSuccessfulLogInClearsThatClientsEarlierFailures() {
    registerAda();
    for (int i = 0; i < LogInService.MAX_FAILURES_PER_ACCOUNT - 1; i++) {
      assertThatThrownBy(() -> logIn.logIn(new LogInCommand(ada, "wrong", OWNER)))
          .isInstanceOf(InvalidCredentialsException.class);
    }
    logIn.logIn(new LogInCommand(ada, "correct horse", OWNER));

    assertThat(store.failuresSince(ada, OWNER, T0.minusSeconds(1))).isZero();
  }
}
