package dev.todoai.application.port.in;

import dev.todoai.application.assistant.Conversation;
import dev.todoai.application.assistant.ConversationSummary;
import dev.todoai.domain.shared.UserId;
import java.util.List;

/** Reads a user's stored conversations. */
public interface GetConversationQuery {
  int DEFAULT_LIMIT = 20;
  int MAX_LIMIT = 100;

  /**
   * One conversation with all its messages, oldest first.
   *
   * @throws dev.todoai.application.port.in.ConversationNotFoundException when the user has no such
   *     conversation (or it belongs to someone else)
   */
  Conversation get(UserId owner, long conversationId);

  /** The user's conversations, most recently updated first, at most {@code limit} (1-100). */
  List<ConversationSummary> list(UserId owner, int limit);
}
