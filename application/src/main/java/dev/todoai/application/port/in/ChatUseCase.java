package dev.todoai.application.port.in;

import dev.todoai.application.assistant.ToolCallRecord;
import dev.todoai.domain.shared.InvalidValueException;
import dev.todoai.domain.shared.UserId;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Answers one chat message of a user with the assistant, which acts on tasks only through the task
 * tools ({@link dev.todoai.application.port.out.TaskToolsPort}); the message and the reply are
 * stored in the conversation.
 */
public interface ChatUseCase {
  int MAX_MESSAGE_LENGTH = 4000;

  /**
   * @param conversationId the conversation to continue; null starts a new one
   * @param timeZone the user's zone; null keeps the conversation's (UTC for a new one), a zone
   *     given replaces the conversation's for this and later messages
   */
  record ChatCommand(UserId user, Long conversationId, String message, ZoneId timeZone) {
    public ChatCommand {
      Objects.requireNonNull(user, "user");
      if (message == null) {
        throw new InvalidValueException("message", "is required");
      }
      if (message.isBlank()) {
        throw new InvalidValueException("message", "must not be blank");
      }
      if (message.codePointCount(0, message.length()) > MAX_MESSAGE_LENGTH) {
        throw new InvalidValueException(
            "message", "must be at most " + MAX_MESSAGE_LENGTH + " characters");
      }
    }
  }

  /** The assistant's answer and every tool call it made for it, in order. */
  record ChatReply(long conversationId, String response, List<ToolCallRecord> toolCalls) {
    public ChatReply {
      toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }
  }

  /**
   * @throws dev.todoai.application.port.in.ConversationNotFoundException when the user has no
   *     conversation {@code conversationId}
   */
  ChatReply chat(ChatCommand command);
}
