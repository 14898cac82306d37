package dev.todoai.adapter.contract.tools;

import dev.todoai.adapter.contract.ReminderInput;
import dev.todoai.adapter.contract.TaskInput;
import dev.todoai.adapter.contract.TaskListInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ten task tools: their names, descriptions and argument schemas, generated from the same input
 * records the REST API reads (so a new task field appears in every tool that takes a task). MCP
 * serves these definitions as its tools; the OpenAI-compatible assistant sends them as its {@code
 * tools}.
 */
public final class TaskToolCatalog {
  public static final String ADD_TASK = "add_task";
  public static final String LIST_TASKS = "list_tasks";
  public static final String GET_TASK = "get_task";
  public static final String UPDATE_TASK = "update_task";
  public static final String COMPLETE_TASK = "complete_task";
  public static final String DELETE_TASK = "delete_task";
  public static final String SEARCH_TASKS = "search_tasks";
  public static final String SET_REMINDER = "set_reminder";
  public static final String LIST_REMINDERS = "list_reminders";
  public static final String DELETE_REMINDER = "delete_reminder";

  /** Every tool's name, in catalogue order. */
  public static final List<String> NAMES =
      List.of(
          ADD_TASK,
          LIST_TASKS,
          GET_TASK,
          UPDATE_TASK,
          COMPLETE_TASK,
          DELETE_TASK,
          SEARCH_TASKS,
          SET_REMINDER,
          LIST_REMINDERS,
          DELETE_REMINDER);

  /** The optional argument every tool accepts; it must name the caller. */
  public static final String USER_ID = "user_id";

  static final String TASK_ID = "task_id";
  static final String REMINDER_ID = "reminder_id";

  private static final Map<String, ToolDefinition> DEFINITIONS = definitions();

  private TaskToolCatalog() {}

  /** Every tool, in catalogue order. */
  public static List<ToolDefinition> all() {
    return List.copyOf(DEFINITIONS.values());
  }

  /**
   * @throws IllegalArgumentException when there is no such tool
   */
  public static ToolDefinition get(String name) {
    ToolDefinition definition = DEFINITIONS.get(name);
    if (definition == null) {
      throw new IllegalArgumentException("no tool " + name);
    }
    return definition;
  }

  /** The tools as the {@code tools} list of an OpenAI-compatible chat completion request. */
  public static List<Map<String, Object>> openAiTools() {
    List<Map<String, Object>> tools = new ArrayList<>();
    for (ToolDefinition definition : DEFINITIONS.values()) {
      Map<String, Object> function = new LinkedHashMap<>();
      function.put("name", definition.name());
      function.put("description", definition.description());
      function.put("parameters", definition.inputSchema());
      Map<String, Object> tool = new LinkedHashMap<>();
      tool.put("type", "function");
      tool.put("function", function);
      tools.add(tool);
    }
    return List.copyOf(tools);
  }

  private static Map<String, ToolDefinition> definitions() {
    Map<String, ToolDefinition> all = new LinkedHashMap<>();
    add(
        all,
        ADD_TASK,
        "Add a task",
        "Create a task for the user. Returns the task (id, title, priority, tags, due_at or"
            + " due_date, time_zone, recurrence, version, ...).",
        false,
        false,
        JsonSchemas.properties(TaskInput.class, TaskInput.COMPLETED),
        List.of("title"));
    add(
        all,
        LIST_TASKS,
        "List tasks",
        "List the user's tasks, filtered and sorted; pending tasks unless status says otherwise."
            + " priority and tags also take a comma-separated string. Returns {tasks: [...],"
            + " next_cursor} — pass next_cursor as cursor for the next page (null on the last"
            + " page).",
        true,
        false,
        JsonSchemas.properties(TaskListInput.class),
        List.of());
    add(
        all,
        GET_TASK,
        "Get a task",
        "One task by its id.",
        true,
        false,
        JsonSchemas.properties(ToolArguments.TaskId.class),
        List.of(TASK_ID));
    Map<String, Object> update = JsonSchemas.properties(ToolArguments.TaskId.class);
    update.putAll(JsonSchemas.properties(TaskInput.class));
    add(
        all,
        UPDATE_TASK,
        "Update a task",
        "Change fields of a task: only the given arguments change (like a JSON merge patch); null"
            + " clears an optional field. Setting due_at clears due_date and vice versa unless"
            + " both are given. reminders, when given, replace the pending reminders.",
        false,
        true,
        update,
        List.of(TASK_ID));
    add(
        all,
        COMPLETE_TASK,
        "Complete a task",
        "Mark a task completed (the default), or open it again with completed=false. Completing a"
            + " recurring task creates its next occurrence.",
        false,
        false,
        JsonSchemas.properties(ToolArguments.Completion.class),
        List.of(TASK_ID));
    add(
        all,
        DELETE_TASK,
        "Delete a task",
        "Delete a task and its reminders. Returns {deleted: true, task_id}.",
        false,
        true,
        JsonSchemas.properties(ToolArguments.TaskId.class),
        List.of(TASK_ID));
    add(
        all,
        SEARCH_TASKS,
        "Search tasks",
        "Find tasks whose title or description contains the text (case-insensitive), pending ones"
            + " first; use it to find a task's id from its title. Returns {tasks: [...]}.",
        true,
        false,
        JsonSchemas.properties(ToolArguments.Search.class),
        List.of("query"));
    Map<String, Object> reminder = JsonSchemas.properties(ToolArguments.TaskId.class);
    reminder.putAll(JsonSchemas.properties(ReminderInput.class));
    add(
        all,
        SET_REMINDER,
        "Set a reminder",
        "Add a reminder to a task: either remind_at (a fixed instant in the future) or before_due"
            + " (a duration before the task's due; for an all-day due, before time_of_day, 09:00"
            + " by default). At most ten per task.",
        false,
        false,
        reminder,
        List.of(TASK_ID));
    add(
        all,
        LIST_REMINDERS,
        "List reminders",
        "The reminders of a task, with their status (scheduled, sent, cancelled, missed)."
            + " Returns {task_id, reminders: [...]}.",
        true,
        false,
        JsonSchemas.properties(ToolArguments.TaskId.class),
        List.of(TASK_ID));
    add(
        all,
        DELETE_REMINDER,
        "Delete a reminder",
        "Delete one reminder of a task. Returns {deleted: true, task_id, reminder_id}.",
        false,
        true,
        JsonSchemas.properties(ToolArguments.ReminderId.class),
        List.of(TASK_ID, REMINDER_ID));
    return all;
  }

  private static void add(
      Map<String, ToolDefinition> all,
      String name,
      String title,
      String description,
      boolean readOnly,
      boolean destructive,
      Map<String, Object> properties,
      List<String> required) {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("type", "string");
    user.put(
        "description",
        "Optional: the user's id. Tools always act for the authenticated user; another id is"
            + " refused.");
    Map<String, Object> withUser = new LinkedHashMap<>(properties);
    withUser.put(USER_ID, user);
    all.put(
        name,
        new ToolDefinition(
            name,
            title,
            description,
            readOnly,
            destructive,
            JsonSchemas.object(null, withUser, required)));
  }
}
