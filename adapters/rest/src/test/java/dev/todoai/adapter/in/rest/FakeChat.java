package dev.todoai.adapter.in.rest;

import dev.todoai.application.assistant.ChatMessage;
import dev.todoai.application.assistant.Conversation;
import dev.todoai.application.assistant.ConversationSummary;
import dev.todoai.application.assistant.ToolCallRecord;
import dev.todoai.application.assistant.ToolResult;
import dev.todoai.application.port.in.ChatUseCase;
import dev.todoai.application.port.in.ConversationNotFoundException;
import dev.todoai.application.port.in.GetConversationQuery;
import dev.todoai.application.port.in.ParseQuickAddQuery;
import dev.todoai.domain.shared.UserId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * In-memory stand-in for the chat use cases: every message is answered with one add_task call whose
 * title is the message; conversations are kept per owner. Remembers the last command, list limit
 * and quick-add parse per user.
 */
@Singleton
final class FakeChat implements ChatUseCase, GetConversationQuery, ParseQuickAddQuery {
  static final Instant AT = Instant.parse("2030-01-01T09:00:00Z");
  private static final ZoneId UTC = ZoneId.of("UTC");

  private final Map<Long, Conversation> conversations = new LinkedHashMap<>();
  private final Map<UserId, ChatCommand> lastCommands = new LinkedHashMap<>();
  private final Map<UserId, Integer> lastLimits = new LinkedHashMap<>();
  private final List<Object[]> parses = new ArrayList<>();
  private long nextId = 1;

  synchronized ChatCommand lastCommand(UserId user) {
    return lastCommands.get(user);
  }

  synchronized Integer lastLimit(UserId user) {
    return lastLimits.get(user);
  }

  synchronized Object[] lastParse() {
    return parses.get(parses.size() - 1);
  }

  @Override
  public synchronized ChatReply chat(ChatCommand command) {
    lastCommands.put(command.user(), command);
    Conversation existing = null;
    if (command.conversationId() != null) {
      existing = get(command.user(), command.conversationId());
    }
    Map<String, Object> arguments = new LinkedHashMap<>();
    arguments.put("title", command.message());
    arguments.put("tags", List.of("chat"));
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("id", 7);
    task.put("title", command.message());
    task.put("due_date", null);
    List<ToolCallRecord> calls =
        List.of(new ToolCallRecord("add_task", arguments, ToolResult.ok(task)));
    String response = "Added “" + command.message() + "”.";
    long id = existing == null ? nextId++ : existing.id();
    Instant at = AT.plusSeconds(id * 60);
    List<ChatMessage> messages =
        new ArrayList<>(existing == null ? List.of() : existing.messages());
    messages.add(new ChatMessage("user", command.message(), List.of(), at));
    messages.add(new ChatMessage("assistant", response, calls, at));
    ZoneId zone =
        command.timeZone() != null ? command.timeZone() : existing != null ? existing.zone() : UTC;
    conversations.put(
        id,
        new Conversation(
            id,
            command.user(),
            existing == null ? command.message() : existing.title(),
            zone,
            existing == null ? at : existing.createdAt(),
            at,
            messages));
    return new ChatReply(id, response, calls);
  }

  @Override
  public synchronized Conversation get(UserId owner, long conversationId) {
    Conversation c = conversations.get(conversationId);
    if (c == null || !c.owner().equals(owner)) {
      throw new ConversationNotFoundException(conversationId);
    }
    return c;
  }

  @Override
  public synchronized List<ConversationSummary> list(UserId owner, int limit) {
    lastLimits.put(owner, limit);
    return conversations.values().stream()
        .filter(c -> c.owner().equals(owner))
        .sorted(Comparator.comparing(Conversation::updatedAt).reversed())
        .limit(limit)
        .map(c -> new ConversationSummary(c.id(), c.title(), c.createdAt(), c.updatedAt()))
        .toList();
  }

  @Override
  public synchronized Map<String, Object> parse(String text, ZoneId zone) {
    parses.add(new Object[] {text, zone});
    Map<String, Object> arguments = new LinkedHashMap<>();
    arguments.put("title", text);
    arguments.put("due_date", "2030-01-02");
    arguments.put("time_zone", zone == null ? "UTC" : zone.getId());
    arguments.put("tags", List.of("home"));
    arguments.put("reminders", List.of(Map.of("before_due", "PT1H")));
    return arguments;
  }
}
