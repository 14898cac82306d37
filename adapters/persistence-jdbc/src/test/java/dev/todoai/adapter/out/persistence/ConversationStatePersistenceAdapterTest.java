package dev.todoai.adapter.out.persistence;

import static dev.todoai.adapter.out.persistence.testsupport.TaskTestData.T0;
import static dev.todoai.adapter.out.persistence.testsupport.TaskTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todoai.adapter.out.persistence.testsupport.TestDatabase;
import dev.todoai.application.assistant.ChatMessage;
import dev.todoai.application.port.out.ConversationStatePort;
import dev.todoai.application.port.out.ConversationStorePort;
import dev.todoai.application.port.out.TransactionPort;
import dev.todoai.domain.shared.UserId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationStatePersistenceAdapterTest implements TestPropertyProvider {
  private final TestDatabase.Coordinates database = TestDatabase.freshDatabase();

  @Inject ConversationStorePort conversations;
  @Inject ConversationStatePort states;
  @Inject TransactionPort transactions;

  @Override
  public Map<String, String> getProperties() {
    return database.properties();
  }

  private long conversationOf(UserId owner) {
    return conversations.create(
        owner,
        ZoneId.of("UTC"),
        "hello",
        T0,
        List.of(new ChatMessage("user", "hello", List.of(), T0)));
  }

  @Test
  void aConversationHasNoStateUntilOneIsWrittenThenTheLatestOne() {
    UserId ada = aUser();
    long id = conversationOf(ada);

    assertThat(states.read(ada, id)).isEmpty();
    assertThat(states.write(ada, id, "{\"focus\":[1]}")).isTrue();
    assertThat(states.write(ada, id, "{\"focus\": [2], \"text\": \"“it” ünïcode\"}")).isTrue();

    assertThat(states.read(ada, id)).get().asString().contains("[2]").contains("“it” ünïcode");
  }

  @Test
  void anotherUsersConversationHasNoStateAndCannotBeWritten() {
    UserId ada = aUser();
    UserId bob = aUser();
    long id = conversationOf(ada);
    states.write(ada, id, "{\"focus\":[1]}");

    assertThat(states.read(bob, id)).isEmpty();
    assertThat(states.write(bob, id, "{\"focus\":[666]}")).isFalse();
    assertThat(states.read(ada, id)).get().asString().contains("[1]");
    assertThat(states.write(ada, id + 1000, "{}")).isFalse();
  }

  @Test
  void aStateIsWrittenWithTheTurnOrNotAtAll() {
    UserId ada = aUser();
    long id = conversationOf(ada);
    states.write(ada, id, "{\"v\":1}");

    assertThatThrownBy(
            () ->
                transactions.inTransaction(
                    () -> {
                      states.write(ada, id, "{\"v\":2}");
                      throw new IllegalStateException("the turn failed");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(states.read(ada, id)).get().asString().contains("1");
  }

  @Test
  void aStateThatIsNotJsonOrTooLongIsRefused() {
    UserId ada = aUser();
    long id = conversationOf(ada);

    assertThatThrownBy(() -> states.write(ada, id, "not json"))
        .isInstanceOf(RuntimeException.class);
    assertThatThrownBy(
            () -> states.write(ada, id, "\"" + "x".repeat(ConversationStatePort.MAX_LENGTH) + "\""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(states.read(ada, id)).isEmpty();
  }
}
