package dev.todoai.adapter.out.assistant;

import dev.todoai.application.assistant.ToolInvoker;
import dev.todoai.application.assistant.ToolResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records tool calls and answers with canned results: a search finds one open task (id 42) titled
 * like the query unless {@link #searchFinds} says otherwise; lists return {@link #listed}.
 */
final class FakeTools implements ToolInvoker {
  static final long FOUND_ID = 42L;

  record Call(String tool, Map<String, Object> arguments) {}

  final List<Call> calls = new ArrayList<>();
  private final Map<String, List<Map<String, Object>>> searches = new HashMap<>();
  private final Map<String, String> errors = new HashMap<>();
  private List<Map<String, Object>> listed = List.of();

  FakeTools searchFinds(String query, List<Map<String, Object>> tasks) {
    searches.put(query, tasks);
    return this;
  }

  FakeTools listReturns(List<Map<String, Object>> tasks) {
    listed = tasks;
    return this;
  }

  FakeTools failing(String tool, String message) {
    errors.put(tool, message);
    return this;
  }

  static Map<String, Object> task(long id, String title, boolean completed) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("id", id);
    t.put("title", title);
    t.put("completed", completed);
    t.put("priority", "none");
    t.put("tags", List.of("errands"));
    t.put("due_at", null);
    t.put("due_date", "2026-11-27");
    t.put("time_zone", "Europe/Berlin");
    return t;
  }

  @Override
  public ToolResult invoke(String tool, Map<String, Object> arguments) {
    calls.add(new Call(tool, arguments));
    if (errors.containsKey(tool)) {
      return ToolResult.error(errors.get(tool));
    }
    return switch (tool) {
      case "search_tasks" -> {
        String q = (String) arguments.get("query");
        yield ToolResult.ok(
            Map.of("tasks", searches.getOrDefault(q, List.of(task(FOUND_ID, q, false)))));
      }
      case "list_tasks" -> ToolResult.ok(Map.of("tasks", listed));
      case "add_task" -> {
        Map<String, Object> t = new LinkedHashMap<>(arguments);
        t.put("id", 100L);
        yield ToolResult.ok(t);
      }
      case "list_reminders" -> ToolResult.ok(Map.of("reminders", List.of()));
      default -> ToolResult.ok(task(((Number) arguments.get("task_id")).longValue(), "t", false));
    };
  }
}
