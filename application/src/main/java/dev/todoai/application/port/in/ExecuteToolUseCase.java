package dev.todoai.application.port.in;

import dev.todoai.application.assistant.ToolResult;
import dev.todoai.domain.shared.UserId;
import java.util.List;
import java.util.Map;

/**
 * The task tools that assistants act through (the MCP tools): add_task, list_tasks, get_task,
 * update_task, complete_task, delete_task, search_tasks, set_reminder, list_reminders,
 * delete_reminder. Arguments are JSON-like values; bad input is an error result, never an
 * exception. Every tool calls the same use cases as the REST API.
 */
public interface ExecuteToolUseCase {
  List<String> TOOLS =
      List.of(
          "add_task",
          "list_tasks",
          "get_task",
          "update_task",
          "complete_task",
          "delete_task",
          "search_tasks",
          "set_reminder",
          "list_reminders",
          "delete_reminder");

  ToolResult execute(UserId user, String tool, Map<String, Object> arguments);
}
