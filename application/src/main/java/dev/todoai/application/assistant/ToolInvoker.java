package dev.todoai.application.assistant;

import java.util.Map;

/**
 * Calls one of the task tools (the MCP tools: add_task, list_tasks, get_task, update_task,
 * complete_task, delete_task, search_tasks, set_reminder, list_reminders, delete_reminder) on
 * behalf of the current user. Bad arguments come back as an error result, never as an exception.
 */
@FunctionalInterface
public interface ToolInvoker {
  ToolResult invoke(String tool, Map<String, Object> arguments);
}
