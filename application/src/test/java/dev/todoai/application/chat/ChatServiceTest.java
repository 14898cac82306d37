package dev.todoai.application.chat;

import static dev.todoai.domain.task.TaskTestData.ALICE;
import static dev.todoai.domain.task.TaskTestData.BOB;
import static dev.todoai.domain.task.TaskTestData.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todoai.application.assistant.ChatMessage;
import dev.todoai.application.assistant.Conversation;
import dev.todoai.application.assistant.ConversationSummary;
import dev.todoai.application.assistant.ToolCallRecord;
import dev.todoai.application.chat.RecordingTools.Call;
import dev.todoai.application.fakes.MutableClock;
import dev.todoai.application.port.in.ChatUseCase.ChatCommand;
import dev.todoai.application.port.in.ChatUseCase.ChatReply;
import dev.todoai.application.port.in.ConversationNotFoundException;
import dev.todoai.domain.shared.InvalidValueException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatServiceTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId UTC = ZoneId.of("UTC");

  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryConversations store = new InMemoryConversations();
  private final ScriptedAssistant assistant = new ScriptedAssistant();
  private final RecordingTools tools = new RecordingTools();
  private final ChatService chat = new ChatService(clock, store, store, assistant, tools, store);
  private final GetConversationService conversations = new GetConversationService(store);

  private ChatReply say(Long conversationId, String message, ZoneId zone) {
    return chat.chat(new ChatCommand(ALICE, conversationId, message, zone));
  }

  @Test
  void theAssistantActsThroughTheTaskToolsAsTheUser() {
    ChatReply reply = say(null, "add buy milk", null);

    assertThat(tools.calls)
        .containsExactly(new Call(ALICE, "add_task", Map.of("title", "buy milk")));
    assertThat(reply.response()).isEqualTo("Added “buy milk”.");
    assertThat(reply.toolCalls())
        .singleElement()
        .satisfies(
            call -> {
              assertThat(call.tool()).isEqualTo("add_task");
              assertThat(call.result().isError()).isFalse();
              assertThat(call.result().content()).isEqualTo(Map.of("id", 1, "title", "buy milk"));
            });
  }

  @Test
  void aNewConversationStoresTheMessageAndTheReplyWithItsToolCalls() {
    ChatReply reply = say(null, "add buy milk", null);
    clock.advance(Duration.ofMinutes(1));

    Conversation stored = conversations.get(ALICE, reply.conversationId());

    assertThat(stored.title()).isEqualTo("add buy milk");
    assertThat(stored.createdAt()).isEqualTo(T0);
    assertThat(stored.updatedAt()).isEqualTo(T0);
    assertThat(stored.messages())
        .extracting(ChatMessage::role)
        .containsExactly("user", "assistant");
    assertThat(stored.messages().get(0).content()).isEqualTo("add buy milk");
    assertThat(stored.messages().get(0).toolCalls()).isEmpty();
    assertThat(stored.messages().get(1).content()).isEqualTo(reply.response());
    assertThat(stored.messages().get(1).toolCalls()).isEqualTo(reply.toolCalls());
    assertThat(store.commits()).isEqualTo(1);
  }

  @Test
  void aContinuedConversationGivesTheAssistantItsHistoryOldestFirst() {
    long id = say(null, "hello", null).conversationId();
    clock.advance(Duration.ofMinutes(5));

    ChatReply second = say(id, "add call mum", null);

    assertThat(second.conversationId()).isEqualTo(id);
    assertThat(assistant.last().history())
        .extracting(ChatMessage::content)
        .containsExactly("hello", "You said: hello");
    assertThat(assistant.last().now()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    Conversation stored = conversations.get(ALICE, id);
    assertThat(stored.messages()).hasSize(4);
    assertThat(stored.updatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    assertThat(stored.title()).isEqualTo("hello");
  }

  @Test
  void theTimeZoneDefaultsToUtcAndAGivenOneIsRememberedForLaterMessages() {
    long id = say(null, "hello", null).conversationId();
    assertThat(assistant.last().zone()).isEqualTo(UTC);

    say(id, "hi again", BERLIN);
    say(id, "and again", null);

    assertThat(assistant.last().zone()).isEqualTo(BERLIN);
    assertThat(conversations.get(ALICE, id).zone()).isEqualTo(BERLIN);
  }

  @Test
  void anUnknownOrForeignConversationIsNotFoundAndNothingIsAskedOrStored() {
    long bobs = chat.chat(new ChatCommand(BOB, null, "hello", null)).conversationId();
    assistant.requests.clear();

    assertThatThrownBy(() -> say(bobs, "add steal", null))
        .isInstanceOf(ConversationNotFoundException.class);
    assertThatThrownBy(() -> say(999L, "add steal", null))
        .isInstanceOf(ConversationNotFoundException.class);
    assertThat(assistant.requests).isEmpty();
    assertThat(tools.calls).isEmpty();
    assertThat(conversations.get(BOB, bobs).messages()).hasSize(2);
  }

  @Test
  void anAssistantFailureAfterAToolCallStillRecordsTheTurnAndPropagates() {
    assertThatThrownBy(() -> say(null, "fail after add buy milk", null))
        .isInstanceOf(IllegalStateException.class);

    assertThat(store.size()).isEqualTo(1);
    Conversation stored =
        conversations.list(ALICE, 10).stream()
            .map(s -> conversations.get(ALICE, s.id()))
            .findFirst()
            .orElseThrow();
    ChatMessage reply = stored.messages().get(1);
    assertThat(reply.content()).isEqualTo(ChatService.FAILED_REPLY);
    assertThat(reply.toolCalls()).extracting(ToolCallRecord::tool).containsExactly("add_task");
  }

  @Test
  void anAssistantFailureWithoutToolCallsStoresNothing() {
    ChatService failing =
        new ChatService(
            clock,
            store,
            store,
            (request, invoker) -> {
              throw new IllegalStateException("down");
            },
            tools,
            store);

    assertThatThrownBy(() -> failing.chat(new ChatCommand(ALICE, null, "hello", null)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(store.size()).isZero();
  }

  @Test
  void theAssistantsStateIsStoredWithTheConversationAndHandedBackNextTime() {
    long id = say(null, "remember task 7", null).conversationId();
    assertThat(assistant.last().state()).isNull();

    say(id, "hello", null);
    assertThat(assistant.last().state()).isEqualTo("task 7");

    say(id, "remember task 8", null);
    say(id, "hello again", null);
    assertThat(assistant.last().state()).isEqualTo("task 8");
    assertThat(store.read(BOB, id)).isEmpty();

    long other = say(null, "hello", null).conversationId();
    say(other, "hello", null);
    assertThat(assistant.last().state()).isNull();
  }

  @Test
  void theStateIsNotStoredWhenTheTurnIsNot() {
    long id = say(null, "remember task 7", null).conversationId();
    ChatService failing =
        new ChatService(
            clock,
            store,
            store,
            (request, invoker) -> {
              throw new IllegalStateException("down");
            },
            tools,
            store);

    assertThatThrownBy(() -> failing.chat(new ChatCommand(ALICE, id, "remember task 9", null)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(store.read(ALICE, id)).contains("task 7");
  }

  @Test
  void theAssistantSeesOnlyTheMostRecentMessages() {
    long id = say(null, "message 0", null).conversationId();
    for (int i = 1; i < ChatService.HISTORY_LIMIT; i++) {
      say(id, "message " + i, null);
    }

    say(id, "last", null);

    assertThat(assistant.last().history()).hasSize(ChatService.HISTORY_LIMIT);
    assertThat(assistant.last().history().get(ChatService.HISTORY_LIMIT - 1).content())
        .isEqualTo("You said: message " + (ChatService.HISTORY_LIMIT - 1));
  }

  @Test
  void conversationsAreListedMostRecentlyUpdatedFirst() {
    long older = say(null, "first", null).conversationId();
    clock.advance(Duration.ofMinutes(1));
    long newer = say(null, "second", null).conversationId();
    clock.advance(Duration.ofMinutes(1));
    say(older, "bump", null);

    assertThat(conversations.list(ALICE, 10))
        .extracting(ConversationSummary::id)
        .containsExactly(older, newer);
    assertThat(conversations.list(ALICE, 1)).hasSize(1);
    assertThat(conversations.list(BOB, 10)).isEmpty();
  }

  @Test
  void aListLimitOutsideOneToOneHundredIsInvalid() {
    assertThatThrownBy(() -> conversations.list(ALICE, 0))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> conversations.list(ALICE, 101))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void aTitleIsTheFirstLineCutAtAWordWhenLong() {
    assertThat(ChatService.title("  buy   milk \nand more")).isEqualTo("buy milk");
    String longMessage = "please add a task to ".repeat(5);
    String title = ChatService.title(longMessage);
    assertThat(title).endsWith("…").startsWith("please add a task to please");
    assertThat(title.length()).isLessThanOrEqualTo(ChatService.TITLE_LENGTH + 1);
    assertThat(title).doesNotContain("  ");
  }

  @Test
  void aBlankMissingOrTooLongMessageIsInvalid() {
    assertThatThrownBy(() -> new ChatCommand(ALICE, null, null, null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("is required");
    assertThatThrownBy(() -> new ChatCommand(ALICE, null, " \n", null))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new ChatCommand(ALICE, null, "x".repeat(4001), null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("4000");
    assertThat(new ChatCommand(ALICE, null, "x".repeat(4000), null).message()).hasSize(4000);
  }
}
