package dev.todoai.application.chat;

import dev.todoai.application.assistant.Conversation;
import dev.todoai.application.assistant.ConversationSummary;
import dev.todoai.application.port.in.ConversationNotFoundException;
import dev.todoai.application.port.in.GetConversationQuery;
import dev.todoai.application.port.out.ConversationStorePort;
import dev.todoai.domain.shared.InvalidValueException;
import dev.todoai.domain.shared.UserId;
import java.util.List;

/** Reads a user's stored conversations. */
public final class GetConversationService implements GetConversationQuery {
  private final ConversationStorePort conversations;

  public GetConversationService(ConversationStorePort conversations) {
    this.conversations = conversations;
  }

  @Override
  public Conversation get(UserId owner, long conversationId) {
    return conversations
        .load(owner, conversationId)
        .orElseThrow(() -> new ConversationNotFoundException(conversationId));
  }

  @Override
  public List<ConversationSummary> list(UserId owner, int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidValueException("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
    return conversations.list(owner, limit);
  }
}
