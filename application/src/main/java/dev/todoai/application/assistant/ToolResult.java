package dev.todoai.application.assistant;

/**
 * The outcome of one tool call. {@code content} is JSON-like data (Map, List, String, Number,
 * Boolean or null); an error carries a message meant for the model or the user.
 */
public record ToolResult(boolean isError, Object content, String message) {

  public static ToolResult ok(Object content) {
    return new ToolResult(false, content, null);
  }

  public static ToolResult error(String message) {
    return new ToolResult(true, null, message);
  }
}
