package dev.todoai.application.assistant;

import java.time.Instant;
import java.util.List;

/** One message of a conversation: {@code role} is "user" or "assistant". */
public record ChatMessage(String role, String content, List<ToolCallRecord> toolCalls, Instant at) {
  public ChatMessage {
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
  }
}
