package dev.todoai.application.port.out;

import dev.todoai.application.assistant.ToolInvoker;
import dev.todoai.domain.shared.UserId;

/**
 * The task tools (the MCP tools: add_task, list_tasks, get_task, update_task, complete_task,
 * delete_task, search_tasks, set_reminder, list_reminders, delete_reminder), run as one user. An
 * adapter reads the arguments with the API's contract and calls the same use cases as the REST API;
 * bad arguments come back as error results.
 */
public interface TaskToolsPort {
  ToolInvoker asUser(UserId user);
}
