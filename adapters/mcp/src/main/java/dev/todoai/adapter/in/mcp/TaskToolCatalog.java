package dev.todoai.adapter.in.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ten task tools as MCP tool definitions: name, title, description, annotations and the JSON
 * Schema of the arguments (with the enums and formats the REST API accepts).
 */
final class TaskToolCatalog {
  static final List<String> PRIORITIES = List.of("none", "low", "medium", "high", "urgent");
  static final List<String> PRESETS = List.of("daily", "weekdays", "weekly", "monthly", "yearly");

  private TaskToolCatalog() {}

  static McpSchema.Tool tool(String name) {
    return switch (name) {
      case "add_task" ->
          define(
              name,
              "Add a task",
              "Create a task for the user. Returns the task (id, title, priority, tags, due_at or"
                  + " due_date, time_zone, recurrence, version, ...).",
              taskFields(false),
              List.of("title"),
              false,
              false);
      case "list_tasks" ->
          define(
              name,
              "List tasks",
              "List the user's tasks, filtered and sorted; pending tasks unless status says"
                  + " otherwise. Returns {tasks: [...], next_cursor} — pass next_cursor as cursor"
                  + " for the next page (null on the last page).",
              listFields(),
              List.of(),
              true,
              false);
      case "get_task" ->
          define(
              name, "Get a task", "One task by its id.", idOnly(), List.of("task_id"), true, false);
      case "update_task" ->
          define(
              name,
              "Update a task",
              "Change fields of a task: only the given arguments change (like a JSON merge patch);"
                  + " null clears an optional field. Setting due_at clears due_date and vice versa"
                  + " unless both are given. reminders, when given, replace the pending reminders.",
              taskFields(true),
              List.of("task_id"),
              false,
              true);
      case "complete_task" ->
          define(
              name,
              "Complete a task",
              "Mark a task completed (the default), or open it again with completed=false."
                  + " Completing a recurring task creates its next occurrence.",
              completeFields(),
              List.of("task_id"),
              false,
              false);
      case "delete_task" ->
          define(
              name,
              "Delete a task",
              "Delete a task and its reminders. Returns {deleted: true, task_id}.",
              idOnly(),
              List.of("task_id"),
              false,
              true);
      case "search_tasks" ->
          define(
              name,
              "Search tasks",
              "Find tasks whose title or description contains the text (case-insensitive),"
                  + " pending ones first; use it to find a task's id from its title. Returns"
                  + " {tasks: [...]}.",
              searchFields(),
              List.of("query"),
              true,
              false);
      case "set_reminder" ->
          define(
              name,
              "Set a reminder",
              "Add a reminder to a task: either remind_at (a fixed instant in the future) or"
                  + " before_due (a duration before the task's due; for an all-day due, before"
                  + " time_of_day, 09:00 by default). At most ten per task.",
              reminderFields(),
              List.of("task_id"),
              false,
              false);
      case "list_reminders" ->
          define(
              name,
              "List reminders",
              "The reminders of a task, with their status (scheduled, sent, cancelled, missed)."
                  + " Returns {task_id, reminders: [...]}.",
              idOnly(),
              List.of("task_id"),
              true,
              false);
      case "delete_reminder" ->
          define(
              name,
              "Delete a reminder",
              "Delete one reminder of a task. Returns {deleted: true, task_id, reminder_id}.",
              deleteReminderFields(),
              List.of("task_id", "reminder_id"),
              false,
              true);
      default -> throw new IllegalArgumentException("no tool " + name);
    };
  }

  private static McpSchema.Tool define(
      String name,
      String title,
      String description,
      Map<String, Object> properties,
      List<String> required,
      boolean readOnly,
      boolean destructive) {
    properties.put(
        "user_id",
        string(
            "Optional: the user's id. Tools always act for the authenticated user; another id is"
                + " refused."));
    return McpSchema.Tool.builder()
        .name(name)
        .title(title)
        .description(description)
        .inputSchema(new McpSchema.JsonSchema("object", properties, required, false, null, null))
        .annotations(
            new McpSchema.ToolAnnotations(title, readOnly, destructive, false, false, null))
        .build();
  }

  private static Map<String, Object> idOnly() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("task_id", taskId());
    return p;
  }

  private static Map<String, Object> taskFields(boolean update) {
    Map<String, Object> p = new LinkedHashMap<>();
    if (update) {
      p.put("task_id", taskId());
    }
    p.put("title", withLength(string("Short title, 1-200 characters."), 1, 200));
    p.put("description", withLength(string("Longer notes, at most 4000 characters."), 0, 4000));
    p.put("priority", choice("Priority; none by default.", PRIORITIES));
    p.put(
        "tags",
        array(
            string(null),
            "Labels (at most 20): letters, digits, '-', '_' or '/'; stored lower-case."));
    p.put(
        "due_at",
        format(
            string(
                "Exact due instant, ISO-8601 with offset, e.g. 2026-12-01T09:00:00+01:00. Do not"
                    + " combine with due_date."),
            "date-time"));
    p.put(
        "due_date",
        format(
            string(
                "All-day due date, YYYY-MM-DD, in the task's time zone. Do not combine with"
                    + " due_at."),
            "date"));
    p.put("time_zone", string("IANA time zone of the task, e.g. Europe/Berlin; UTC by default."));
    p.put(
        "recurrence_rule",
        string(
            "RFC 5545 RRULE without the RRULE: prefix, e.g. FREQ=WEEKLY;BYDAY=MO,TH or"
                + " FREQ=MONTHLY;BYMONTHDAY=1. Needs a due. Do not combine with recurrence."));
    p.put(
        "recurrence",
        choice("Simple recurrence instead of recurrence_rule; needs a due.", PRESETS));
    p.put(
        "recurrence_anchor",
        choice(
            "Whether the next occurrence follows the due (default) or the completion.",
            List.of("due", "completion")));
    p.put(
        "reminders",
        array(
            reminderObject(),
            update
                ? "Replaces the task's pending reminders ([] or null removes them)."
                : "Reminders to create with the task."));
    if (update) {
      p.put("completed", bool("true to complete the task, false to open it again."));
    }
    return p;
  }

  private static Map<String, Object> listFields() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put(
        "status",
        choice(
            "Which tasks by completion; pending by default.",
            List.of("all", "pending", "completed")));
    p.put(
        "priority",
        array(
            choice(null, PRIORITIES),
            "Only these priorities (a comma-separated string works too)."));
    p.put(
        "tags",
        array(string(null), "Only tasks with these tags (a comma-separated string works too)."));
    p.put(
        "tag_mode",
        choice("Whether a task needs all of the tags (default) or any.", List.of("all", "any")));
    p.put(
        "due_after",
        string("Due on or after: a date YYYY-MM-DD or an ISO-8601 instant with offset."));
    p.put(
        "due_before",
        string("Due on or before: a date YYYY-MM-DD or an ISO-8601 instant with offset."));
    p.put("overdue", bool("true: only open tasks past their due; false: only the others."));
    p.put("has_due", bool("true: only tasks with a due; false: only tasks without."));
    p.put("search", withLength(string("Text to find in title or description."), 0, 200));
    p.put(
        "sort_by",
        choice(
            "Sort key; created_at by default.",
            List.of("created_at", "updated_at", "due", "priority", "title")));
    p.put(
        "sort_order",
        choice("asc or desc; the sort key's natural order by default.", List.of("asc", "desc")));
    p.put("limit", integer("Page size, 1-200; 50 by default.", 1, 200));
    p.put("cursor", string("next_cursor of the previous page."));
    return p;
  }

  private static Map<String, Object> completeFields() {
    Map<String, Object> p = idOnly();
    p.put("completed", bool("false to open the task again; true by default."));
    return p;
  }

  private static Map<String, Object> searchFields() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("query", withLength(string("Text to look for."), 1, 200));
    p.put("limit", integer("At most this many tasks, 1-200; 20 by default.", 1, 200));
    return p;
  }

  private static Map<String, Object> reminderFields() {
    Map<String, Object> p = idOnly();
    p.putAll(reminderProperties());
    return p;
  }

  private static Map<String, Object> deleteReminderFields() {
    Map<String, Object> p = idOnly();
    p.put("reminder_id", integer("The reminder's id.", 1, null));
    return p;
  }

  private static Map<String, Object> reminderObject() {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("type", "object");
    object.put("description", "Either before_due (with an optional time_of_day) or remind_at.");
    object.put("properties", reminderProperties());
    object.put("additionalProperties", false);
    return object;
  }

  private static Map<String, Object> reminderProperties() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put(
        "remind_at",
        format(string("A fixed instant, ISO-8601 with offset, in the future."), "date-time"));
    p.put("before_due", string("ISO-8601 duration before the due, e.g. PT15M, PT1H, P1D, P1W."));
    p.put(
        "time_of_day",
        string(
            "HH:MM: for an all-day due, the time of day the before_due counts back from"
                + " (09:00 by default)."));
    return p;
  }

  private static Map<String, Object> taskId() {
    return integer("The task's id.", 1, null);
  }

  private static Map<String, Object> string(String description) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "string");
    if (description != null) {
      schema.put("description", description);
    }
    return schema;
  }

  private static Map<String, Object> withLength(Map<String, Object> schema, int min, int max) {
    if (min > 0) {
      schema.put("minLength", min);
    }
    schema.put("maxLength", max);
    return schema;
  }

  private static Map<String, Object> format(Map<String, Object> schema, String format) {
    schema.put("format", format);
    return schema;
  }

  private static Map<String, Object> choice(String description, List<String> values) {
    Map<String, Object> schema = string(description);
    schema.put("enum", new ArrayList<>(values));
    return schema;
  }

  private static Map<String, Object> integer(String description, Integer min, Integer max) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "integer");
    schema.put("description", description);
    if (min != null) {
      schema.put("minimum", min);
    }
    if (max != null) {
      schema.put("maximum", max);
    }
    return schema;
  }

  private static Map<String, Object> bool(String description) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "boolean");
    schema.put("description", description);
    return schema;
  }

  private static Map<String, Object> array(Map<String, Object> items, String description) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "array");
    schema.put("items", items);
    schema.put("description", description);
    return schema;
  }
}
