package dev.todoai.adapter.out.persistence;

import static dev.todoai.adapter.out.persistence.testsupport.TaskTestData.T0;
import static dev.todoai.adapter.out.persistence.testsupport.TaskTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.todoai.adapter.out.persistence.testsupport.TestDatabase;
import dev.todoai.application.port.out.UserAccountsPort;
import dev.todoai.domain.user.Email;
import dev.todoai.domain.user.UserAccount;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserAccountsPersistenceAdapterTest implements TestPropertyProvider {
  @Inject UserAccountsPort accounts;

  @Override
  public Map<String, String> getProperties() {
    return TestDatabase.properties();
  }

  private static Email anEmail() {
    return new Email(UUID.randomUUID() + "@example.org");
  }

  @Test
  void insertedAccountIsFoundByEmail() {
    UserAccount account = new UserAccount(aUser(), anEmail(), "$argon2id$hash", T0);

    assertThat(accounts.insert(account)).isTrue();

    assertThat(accounts.findByEmail(account.email())).contains(account);
  }

  @Test
  void insertReturnsFalseForATakenEmailAndKeepsTheFirstAccount() {
    Email email = anEmail();
    UserAccount first = new UserAccount(aUser(), email, "hash-1", T0);
    accounts.insert(first);

    assertThat(accounts.insert(new UserAccount(aUser(), email, "hash-2", T0))).isFalse();
    assertThat(accounts.findByEmail(email)).contains(first);
  }

  @Test
  void unknownEmailFindsNothing() {
    assertThat(accounts.findByEmail(anEmail())).isEmpty();
  }
}
