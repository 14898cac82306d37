package dev.todoai.adapter.out.persistence;

import static dev.todoai.adapter.out.persistence.testsupport.TaskTestData.T0;
import static dev.todoai.adapter.out.persistence.testsupport.TaskTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todoai.adapter.out.persistence.testsupport.TestDatabase;
import dev.todoai.application.assistant.ChatMessage;
import dev.todoai.application.assistant.Conversation;
import dev.todoai.application.assistant.ConversationSummary;
import dev.todoai.application.assistant.ToolCallRecord;
import dev.todoai.application.assistant.ToolResult;
import dev.todoai.application.port.out.ConversationStorePort;
import dev.todoai.application.port.out.TransactionPort;
import dev.todoai.domain.shared.UserId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationPersistenceAdapterTest implements TestPropertyProvider {
  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private final TestDatabase.Coordinates database = TestDatabase.freshDatabase();

  @Inject ConversationStorePort conversations;
  @Inject TransactionPort transactions;

  @Override
  public Map<String, String> getProperties() {
    return database.properties();
  }

  private static ChatMessage user(String text, Instant at) {
    return new ChatMessage("user", text, List.of(), at);
  }

  private static ChatMessage assistant(String text, Instant at, ToolCallRecord... calls) {
    return new ChatMessage("assistant", text, List.of(calls), at);
  }

  private static ToolCallRecord addTask() {
    Map<String, Object> arguments = new LinkedHashMap<>();
    arguments.put("title", "buy milk");
    arguments.put("due_date", "2030-01-02");
    arguments.put("time_zone", "Europe/Berlin");
    arguments.put("tags", List.of("home", "shop"));
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("id", 42);
    task.put("title", "buy milk");
    task.put("completed", false);
    task.put("due_at", null);
    task.put("score", 1.5);
    return new ToolCallRecord("add_task", arguments, ToolResult.ok(task));
  }

  @Test
  void aCreatedConversationLoadsWithItsMessagesAndToolCallsInOrder() {
    UserId owner = aUser();
    Instant later = T0.plus(Duration.ofSeconds(2));
    long id =
        transactions.inTransaction(
            () ->
                conversations.create(
                    owner,
                    BERLIN,
                    "add buy milk tomorrow",
                    T0,
                    List.of(
                        user("add buy milk tomorrow", T0),
                        assistant("Added “buy milk”.", later, addTask()))));

    Conversation loaded = conversations.load(owner, id).orElseThrow();

    assertThat(loaded.id()).isEqualTo(id);
    assertThat(loaded.owner()).isEqualTo(owner);
    assertThat(loaded.title()).isEqualTo("add buy milk tomorrow");
    assertThat(loaded.zone()).isEqualTo(BERLIN);
    assertThat(loaded.createdAt()).isEqualTo(T0);
    assertThat(loaded.updatedAt()).isEqualTo(T0);
    assertThat(loaded.messages())
        .containsExactly(
            user("add buy milk tomorrow", T0), assistant("Added “buy milk”.", later, addTask()));
    assertThat(loaded.messages().get(1).toolCalls().get(0).arguments().keySet())
        .containsExactly("title", "due_date", "time_zone", "tags");
  }

  @Test
  void anErrorResultKeepsItsMessageAndNoContent() {
    UserId owner = aUser();
    ToolCallRecord failed =
        new ToolCallRecord("complete_task", Map.of("task_id", 7), ToolResult.error("no task 7"));
    long id =
        conversations.create(
            owner, UTC, "done 7", T0, List.of(assistant("Sorry, I couldn't.", T0, failed)));

    ToolCallRecord loaded =
        conversations.load(owner, id).orElseThrow().messages().get(0).toolCalls().get(0);

    assertThat(loaded).isEqualTo(failed);
    assertThat(loaded.result().isError()).isTrue();
    assertThat(loaded.result().content()).isNull();
  }

  @Test
  void contentThatIsNotJsonLikeIsStoredAsText() {
    UserId owner = aUser();
    ToolCallRecord odd =
        new ToolCallRecord(
            "list_tasks",
            Map.of("ids", new long[] {1, 2}),
            ToolResult.ok(Arrays.asList(T0, Double.NaN, null)));
    long id = conversations.create(owner, UTC, "odd", T0, List.of(assistant("ok", T0, odd)));

    ToolCallRecord loaded =
        conversations.load(owner, id).orElseThrow().messages().get(0).toolCalls().get(0);

    assertThat(loaded.arguments()).isEqualTo(Map.of("ids", List.of(1, 2)));
    assertThat(loaded.result().content()).isEqualTo(Arrays.asList(T0.toString(), "NaN", null));
  }

  @Test
  void appendingAddsMessagesAfterTheOthersAndUpdatesZoneAndTime() {
    UserId owner = aUser();
    long id = conversations.create(owner, UTC, "hello", T0, List.of(user("hello", T0)));
    Instant later = T0.plus(Duration.ofMinutes(3));

    boolean appended =
        conversations.append(
            owner, id, BERLIN, later, List.of(user("again", later), assistant("hi", later)));

    assertThat(appended).isTrue();
    Conversation loaded = conversations.load(owner, id).orElseThrow();
    assertThat(loaded.messages())
        .extracting(ChatMessage::content)
        .containsExactly("hello", "again", "hi");
    assertThat(loaded.zone()).isEqualTo(BERLIN);
    assertThat(loaded.createdAt()).isEqualTo(T0);
    assertThat(loaded.updatedAt()).isEqualTo(later);
  }

  @Test
  void anotherUsersConversationCanNeitherBeReadNorAppendedTo() {
    UserId owner = aUser();
    UserId intruder = aUser();
    long id = conversations.create(owner, UTC, "mine", T0, List.of(user("mine", T0)));

    assertThat(conversations.load(intruder, id)).isEmpty();
    assertThat(conversations.append(intruder, id, UTC, T0, List.of(user("theirs", T0)))).isFalse();
    assertThat(conversations.load(owner, id).orElseThrow().messages()).hasSize(1);
    assertThat(conversations.load(owner, id + 1000)).isEmpty();
    assertThat(conversations.list(intruder, 10)).isEmpty();
  }

  @Test
  void conversationsAreListedMostRecentlyUpdatedFirstUpToTheLimit() {
    UserId owner = aUser();
    long first = conversations.create(owner, UTC, "first", T0, List.of(user("first", T0)));
    long second =
        conversations.create(
            owner, UTC, "second", T0.plusSeconds(60), List.of(user("second", T0.plusSeconds(60))));
    long third =
        conversations.create(
            owner, UTC, "third", T0.plusSeconds(120), List.of(user("third", T0.plusSeconds(120))));
    conversations.append(
        owner, first, UTC, T0.plusSeconds(180), List.of(user("bump", T0.plusSeconds(180))));

    List<ConversationSummary> listed = conversations.list(owner, 10);

    assertThat(listed).extracting(ConversationSummary::id).containsExactly(first, third, second);
    assertThat(listed.get(0))
        .isEqualTo(new ConversationSummary(first, "first", T0, T0.plusSeconds(180)));
    assertThat(conversations.list(owner, 2))
        .extracting(ConversationSummary::id)
        .containsExactly(first, third);
  }

  @Test
  void aFailedTransactionStoresNeitherTheConversationNorItsMessages() {
    UserId owner = aUser();

    assertThatThrownBy(
            () ->
                transactions.inTransaction(
                    () -> {
                      conversations.create(owner, UTC, "lost", T0, List.of(user("lost", T0)));
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");

    assertThat(conversations.list(owner, 10)).isEmpty();
  }

  @Test
  void deletingAConversationDeletesItsMessages() throws SQLException {
    UserId owner = aUser();
    long id =
        conversations.create(owner, UTC, "bye", T0, List.of(user("bye", T0), assistant("ok", T0)));

    try (Connection c = database.connect();
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM conversations WHERE id = " + id);
      try (ResultSet rs =
          s.executeQuery("SELECT count(*) FROM chat_messages WHERE conversation_id = " + id)) {
        rs.next();
        assertThat(rs.getInt(1)).isZero();
      }
    }
  }

  @Test
  void theMigrationCreatesTheIndexesOfTheQueries() throws SQLException {
    List<String> indexes = new ArrayList<>();
    try (Connection c = database.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT indexname FROM pg_indexes WHERE tablename IN ('conversations', 'chat_messages')")) {
      while (rs.next()) {
        indexes.add(rs.getString(1));
      }
    }
    assertThat(indexes)
        .contains("conversations_user_updated_idx", "chat_messages_conversation_idx");
  }
}
