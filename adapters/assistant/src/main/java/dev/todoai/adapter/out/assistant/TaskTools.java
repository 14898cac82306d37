package dev.todoai.adapter.out.assistant;

import dev.todoai.application.assistant.ToolCallRecord;
import dev.todoai.application.assistant.ToolInvoker;
import dev.todoai.application.assistant.ToolResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The task tools as the rule-based assistant uses them, with every call recorded for the reply: the
 * one place that knows tool names and argument names.
 */
final class TaskTools {
  private final ToolInvoker invoker;
  private final List<ToolCallRecord> calls = new ArrayList<>();

  TaskTools(ToolInvoker invoker) {
    this.invoker = invoker;
  }

  List<ToolCallRecord> calls() {
    return List.copyOf(calls);
  }

  ToolResult add(Map<String, Object> arguments) {
    return call("add_task", arguments);
  }

  ToolResult get(long id) {
    return call("get_task", args("task_id", id));
  }

  ToolResult update(long id, Map<String, Object> patch) {
    Map<String, Object> a = args("task_id", id);
    a.putAll(patch);
    return call("update_task", a);
  }

  ToolResult complete(long id, boolean done) {
    Map<String, Object> a = args("task_id", id);
    if (!done) {
      a.put("completed", false);
    }
    return call("complete_task", a);
  }

  ToolResult delete(long id) {
    return call("delete_task", args("task_id", id));
  }

  ToolResult search(String query, int limit) {
    Map<String, Object> a = args("query", query);
    a.put("limit", limit);
    return call("search_tasks", a);
  }

  ToolResult list(Map<String, Object> arguments) {
    return call("list_tasks", arguments);
  }

  ToolResult setReminder(long id, Map<String, Object> spec) {
    Map<String, Object> a = args("task_id", id);
    a.putAll(spec);
    return call("set_reminder", a);
  }

  ToolResult listReminders(long id) {
    return call("list_reminders", args("task_id", id));
  }

  ToolResult deleteReminder(long id, long reminderId) {
    Map<String, Object> a = args("task_id", id);
    a.put("reminder_id", reminderId);
    return call("delete_reminder", a);
  }

  /** A call by tool name (undo steps are stored that way). */
  ToolResult call(String tool, Map<String, Object> arguments) {
    ToolResult result;
    try {
      result = invoker.invoke(tool, arguments);
    } catch (RuntimeException e) {
      result =
          ToolResult.error(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
    if (result == null) {
      result = ToolResult.error("no result");
    }
    calls.add(new ToolCallRecord(tool, arguments, result));
    return result;
  }

  /** The tasks of a list or search result. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> tasks(ToolResult r) {
    return items(r == null ? null : r.content(), "tasks");
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> items(Object content, String key) {
    Object list = content instanceof Map<?, ?> m ? m.get(key) : content;
    List<Map<String, Object>> out = new ArrayList<>();
    if (list instanceof Collection<?> c) {
      for (Object o : c) {
        if (o instanceof Map<?, ?> m) {
          out.add((Map<String, Object>) m);
        }
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(ToolResult r) {
    return r != null && r.content() instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  static Long id(Object id) {
    if (id instanceof Number n) {
      return n.longValue();
    }
    if (id != null && id.toString().matches("\\d{1,18}")) {
      return Long.parseLong(id.toString());
    }
    return null;
  }

  static Map<String, Object> args(String key, Object value) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put(key, value);
    return a;
  }
}
