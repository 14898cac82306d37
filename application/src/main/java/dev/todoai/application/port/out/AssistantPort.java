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
 * {@code tools}; it holds no state between requests: the history and the state it handed back last
 * time in this conversation are passed in.
 */
public interface AssistantPort {

  /**
   * @param zone the user's time zone, for relative dates ("tomorrow", "friday 3pm")
   * @param now the current time
   * @param history earlier messages of this conversation, oldest first
   * @param state what the assistant returned as {@link AssistantReply#state()} last time in this
   *     conversation (opaque to the application), or null
   */
  record AssistantRequest(
      UserId user,
      ZoneId zone,
      Instant now,
      List<ChatMessage> history,
      String message,
      String state) {
    public AssistantRequest {
      history = history == null ? List.of() : List.copyOf(history);
    }

    public AssistantRequest(
        UserId user, ZoneId zone, Instant now, List<ChatMessage> history, String message) {
      this(user, zone, now, history, message, null);
    }
  }

  /**
   * The reply text and every tool call made for it, in order.
   *
   * @param state the assistant's memory of the conversation after this turn (e.g. which task "it"
   *     is, a question awaiting its answer), stored with the conversation and passed back with the
   *     next request; null keeps the stored state as it is
   */
  record AssistantReply(String text, List<ToolCallRecord> toolCalls, String state) {
    public AssistantReply {
      toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    public AssistantReply(String text, List<ToolCallRecord> toolCalls) {
      this(text, toolCalls, null);
    }
  }

  AssistantReply respond(AssistantRequest request, ToolInvoker tools);
}
