package dev.todoai.application.chat;

import dev.todoai.application.assistant.ChatMessage;
import dev.todoai.application.assistant.Conversation;
import dev.todoai.application.assistant.ConversationSummary;
import dev.todoai.application.port.out.ConversationStatePort;
import dev.todoai.application.port.out.ConversationStorePort;
import dev.todoai.application.port.out.TransactionPort;
import dev.todoai.domain.shared.UserId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Conversations and their assistant states in memory, with transactions that roll every change back
 * when the work throws.
 */
final class InMemoryConversations
    implements ConversationStorePort, ConversationStatePort, TransactionPort {
  private TreeMap<Long, Conversation> conversations = new TreeMap<>();
  private TreeMap<Long, String> states = new TreeMap<>();
  private long nextId = 1;
  private int commits;

  int commits() {
    return commits;
  }

  int size() {
    return conversations.size();
  }

  @Override
  public synchronized <T> T inTransaction(Supplier<T> work) {
    TreeMap<Long, Conversation> before = new TreeMap<>(conversations);
    TreeMap<Long, String> statesBefore = new TreeMap<>(states);
    long idBefore = nextId;
    try {
      T result = work.get();
      commits++;
      return result;
    } catch (RuntimeException e) {
      conversations = before;
      states = statesBefore;
      nextId = idBefore;
      throw e;
    }
  }

  @Override
  public synchronized long create(
      UserId owner, ZoneId zone, String title, Instant at, List<ChatMessage> messages) {
    long id = nextId++;
    conversations.put(id, new Conversation(id, owner, title, zone, at, at, messages));
    return id;
  }

  @Override
  public synchronized boolean append(
      UserId owner, long conversationId, ZoneId zone, Instant at, List<ChatMessage> messages) {
    Optional<Conversation> found = load(owner, conversationId);
    if (found.isEmpty()) {
      return false;
    }
    Conversation c = found.get();
    List<ChatMessage> all = new ArrayList<>(c.messages());
    all.addAll(messages);
    conversations.put(
        conversationId, new Conversation(c.id(), owner, c.title(), zone, c.createdAt(), at, all));
    return true;
  }

  @Override
  public synchronized Optional<Conversation> load(UserId owner, long conversationId) {
    return Optional.ofNullable(conversations.get(conversationId))
        .filter(c -> c.owner().equals(owner));
  }

  @Override
  public synchronized List<ConversationSummary> list(UserId owner, int limit) {
    return conversations.values().stream()
        .filter(c -> c.owner().equals(owner))
        .sorted(
            Comparator.comparing(Conversation::updatedAt)
                .thenComparing(Conversation::id)
                .reversed())
        .limit(limit)
        .map(c -> new ConversationSummary(c.id(), c.title(), c.createdAt(), c.updatedAt()))
        .toList();
  }

  @Override
  public synchronized Optional<String> read(UserId owner, long conversationId) {
    return load(owner, conversationId).isPresent()
        ? Optional.ofNullable(states.get(conversationId))
        : Optional.empty();
  }

  @Override
  public synchronized boolean write(UserId owner, long conversationId, String state) {
    if (load(owner, conversationId).isEmpty()) {
      return false;
    }
    states.put(conversationId, state);
    return true;
  }
}
