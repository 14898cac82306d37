package dev.todoai.application.port.out;

import dev.todoai.application.assistant.ChatMessage;
import dev.todoai.application.assistant.Conversation;
import dev.todoai.application.assistant.ConversationSummary;
import dev.todoai.domain.shared.UserId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Stores chat conversations and their messages (with the tool calls of each reply). Every read and
 * update is scoped to the owner: another user's conversation is as absent as a missing one.
 */
public interface ConversationStorePort {

  /** Creates a conversation holding {@code messages}, created and updated {@code at}; its id. */
  long create(UserId owner, ZoneId zone, String title, Instant at, List<ChatMessage> messages);

  /**
   * Appends {@code messages}, sets the conversation's zone and marks it updated {@code at}; false
   * when the owner has no such conversation.
   */
  boolean append(
      UserId owner, long conversationId, ZoneId zone, Instant at, List<ChatMessage> messages);

  /** The owner's conversation with all its messages, oldest first. */
  Optional<Conversation> load(UserId owner, long conversationId);

  /** The owner's conversations, most recently updated first. */
  List<ConversationSummary> list(UserId owner, int limit);
}
