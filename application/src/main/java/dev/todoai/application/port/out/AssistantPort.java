package dev.todoai.application.port.out;

import dev.todoai.application.assistant.ChatMessage;
import dev.todoai.application.assistant.ToolCallRecord;
import dev.todoai.application.assistant.ToolInvoker;
import dev.todoai.domain.shared.UserId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Turns a user's message into tool calls and a reply. The assistant changes tasks only through
 * {@code tools}; it holds no state between requests (the history is passed in).
 */
public interface AssistantPort {

  /**
   * @param zone the user's time zone, for relative dates ("tomorrow", "friday 3pm")
   * @param now the current time
   * @param history earlier messages of this conversation, oldest first
   */
  record AssistantRequest(
      UserId user, ZoneId zone, Instant now, List<ChatMessage> history, String message) {
    public AssistantRequest {
      history = history == null ? List.of() : List.copyOf(history);
    }
  }

  /** The reply text and every tool call made for it, in order. */
  record AssistantReply(String text, List<ToolCallRecord> toolCalls) {
    public AssistantReply {
      toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }
  }

  AssistantReply respond(AssistantRequest request, ToolInvoker tools);
}
