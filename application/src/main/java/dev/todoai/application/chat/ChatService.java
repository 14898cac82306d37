package dev.todoai.application.chat;

import dev.todoai.application.assistant.ChatMessage;
import dev.todoai.application.assistant.Conversation;
import dev.todoai.application.assistant.ToolCallRecord;
import dev.todoai.application.assistant.ToolInvoker;
import dev.todoai.application.assistant.ToolResult;
import dev.todoai.application.port.in.ChatUseCase;
import dev.todoai.application.port.in.ConversationNotFoundException;
import dev.todoai.application.port.out.AssistantPort;
import dev.todoai.application.port.out.AssistantPort.AssistantReply;
import dev.todoai.application.port.out.AssistantPort.AssistantRequest;
import dev.todoai.application.port.out.ClockPort;
import dev.todoai.application.port.out.ConversationStatePort;
import dev.todoai.application.port.out.ConversationStorePort;
import dev.todoai.application.port.out.TaskToolsPort;
import dev.todoai.application.port.out.TransactionPort;
import dev.todoai.domain.shared.UserId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Runs one chat turn: loads the conversation, lets the assistant answer (its only way to change
 * anything is the task tools, called as the user through {@link TaskToolsPort}), then stores the
 * message and the reply with its tool calls. The assistant runs outside any transaction (it may
 * wait on a model for a while); each tool call commits on its own, the two messages together with
 * the assistant's state of the conversation ({@link ConversationStatePort}).
 */
public final class ChatService implements ChatUseCase {
  /** The most recent messages the assistant sees; older ones stay stored but are not sent. */
  static final int HISTORY_LIMIT = 50;

  static final int TITLE_LENGTH = 60;
  static final String FAILED_REPLY = "Sorry, something went wrong while I was answering.";
  static final String USER = "user";
  static final String ASSISTANT = "assistant";
  private static final ZoneId UTC = ZoneId.of("UTC");

  private final ClockPort clock;
  private final TransactionPort transactions;
  private final ConversationStorePort conversations;
  private final AssistantPort assistant;
  private final TaskToolsPort tools;
  private final ConversationStatePort states;

  public ChatService(
      ClockPort clock,
      TransactionPort transactions,
      ConversationStorePort conversations,
      AssistantPort assistant,
      TaskToolsPort tools,
      ConversationStatePort states) {
    this.clock = clock;
    this.transactions = transactions;
    this.conversations = conversations;
    this.assistant = assistant;
    this.tools = tools;
    this.states = states;
  }

  @Override
  public ChatReply chat(ChatCommand command) {
    UserId user = command.user();
    Long id = command.conversationId();
    Conversation existing =
        id == null
            ? null
            : conversations.load(user, id).orElseThrow(() -> new ConversationNotFoundException(id));
    ZoneId zone =
        command.timeZone() != null ? command.timeZone() : existing != null ? existing.zone() : UTC;
    List<ChatMessage> history = existing == null ? List.of() : recent(existing.messages());
    String state = existing == null ? null : states.read(user, existing.id()).orElse(null);
    Instant asked = clock.now();
    ChatMessage question = new ChatMessage(USER, command.message(), List.of(), asked);

    List<ToolCallRecord> executed = Collections.synchronizedList(new ArrayList<>());
    ToolInvoker asUser = tools.asUser(user);
    ToolInvoker invoker = (tool, arguments) -> execute(asUser, tool, arguments, executed);
    AssistantReply reply;
    try {
      reply =
          assistant.respond(
              new AssistantRequest(user, zone, asked, history, command.message(), state), invoker);
    } catch (RuntimeException failure) {
      if (!executed.isEmpty()) {
        // Tools changed something: keep the history true to it before reporting the failure.
        store(
            user,
            existing,
            zone,
            question,
            answer(FAILED_REPLY, List.copyOf(executed), asked),
            null);
      }
      throw failure;
    }
    String text = reply.text() == null ? "" : reply.text();
    long conversationId =
        store(
            user, existing, zone, question, answer(text, reply.toolCalls(), asked), reply.state());
    return new ChatReply(conversationId, text, reply.toolCalls());
  }

  private static ToolResult execute(
      ToolInvoker tools, String tool, Map<String, Object> arguments, List<ToolCallRecord> log) {
    ToolResult result;
    try {
      result = tools.invoke(tool, arguments);
    } catch (RuntimeException e) {
      log.add(
          new ToolCallRecord(tool, arguments, ToolResult.error(String.valueOf(e.getMessage()))));
      throw e;
    }
    log.add(new ToolCallRecord(tool, arguments, result));
    return result;
  }

  private ChatMessage answer(String text, List<ToolCallRecord> calls, Instant asked) {
    Instant now = clock.now();
    return new ChatMessage(ASSISTANT, text, calls, now.isBefore(asked) ? asked : now);
  }

  /** Stores the turn, and {@code state} unless it is null (then the stored one stays). */
  private long store(
      UserId user,
      Conversation existing,
      ZoneId zone,
      ChatMessage question,
      ChatMessage answer,
      String state) {
    List<ChatMessage> turn = List.of(question, answer);
    String kept = state != null && state.length() > ConversationStatePort.MAX_LENGTH ? null : state;
    return transactions.inTransaction(
        () -> {
          long id;
          if (existing == null) {
            id = conversations.create(user, zone, title(question.content()), question.at(), turn);
          } else {
            if (!conversations.append(user, existing.id(), zone, answer.at(), turn)) {
              throw new ConversationNotFoundException(existing.id());
            }
            id = existing.id();
          }
          if (kept != null) {
            states.write(user, id, kept);
          }
          return id;
        });
  }

  private static List<ChatMessage> recent(List<ChatMessage> messages) {
    return messages.size() <= HISTORY_LIMIT
        ? messages
        : messages.subList(messages.size() - HISTORY_LIMIT, messages.size());
  }

  /** The first line of the first message, white space collapsed, cut at a word if long. */
  static String title(String message) {
    String line = message.strip().lines().findFirst().orElse("").replaceAll("\\s+", " ").strip();
    if (line.codePointCount(0, line.length()) <= TITLE_LENGTH) {
      return line;
    }
    String cut = line.substring(0, line.offsetByCodePoints(0, TITLE_LENGTH));
    int space = cut.lastIndexOf(' ');
    if (space >= TITLE_LENGTH / 2) {
      cut = cut.substring(0, space);
    }
    return cut.strip() + "…";
  }
}
