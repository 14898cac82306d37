package dev.todoai.adapter.out.assistant;

import dev.todoai.application.assistant.ToolInvoker;
import dev.todoai.application.assistant.ToolResult;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The task tools in memory, for unit tests of the assistant: the same names, arguments and JSON
 * shapes as the real tool layer (snake_case, instants in UTC), with its basic rules (due_at and
 * due_date exclude each other, search looks at titles and descriptions, lists default to open
 * tasks). Every call is recorded.
 */
final class InMemoryTools implements ToolInvoker {
  record Call(String tool, Map<String, Object> arguments) {}

  final List<Call> calls = new ArrayList<>();
  private final Map<Long, Map<String, Object>> tasks = new LinkedHashMap<>();
  private final Map<Long, List<Map<String, Object>>> reminders = new LinkedHashMap<>();
  private final Instant now;
  private final Map<String, String> failing = new LinkedHashMap<>();
  private long nextId = 1;
  private long nextReminder = 1;

  InMemoryTools(Instant now) {
    this.now = now;
  }

  InMemoryTools failing(String tool, String message) {
    failing.put(tool, message);
    return this;
  }

  /** Adds a task as add_task would; returns its id. */
  long seed(Map<String, Object> arguments) {
    ToolResult r = invoke("add_task", new LinkedHashMap<>(arguments));
    calls.clear();
    return ((Number) ((Map<?, ?>) r.content()).get("id")).longValue();
  }

  long seed(String title) {
    return seed(Map.of("title", title));
  }

  Map<String, Object> task(long id) {
    return tasks.get(id);
  }

  List<Map<String, Object>> all() {
    return new ArrayList<>(tasks.values());
  }

  Map<String, Object> byTitle(String title) {
    return tasks.values().stream()
        .filter(t -> title.equalsIgnoreCase(String.valueOf(t.get("title"))))
        .findFirst()
        .orElse(null);
  }

  List<Map<String, Object>> remindersOf(long id) {
    return reminders.getOrDefault(id, List.of());
  }

  List<String> changingCalls() {
    return calls.stream()
        .map(Call::tool)
        .filter(
            t ->
                List.of(
                        "add_task",
                        "update_task",
                        "complete_task",
                        "delete_task",
                        "set_reminder",
                        "delete_reminder")
                    .contains(t))
        .toList();
  }

  @Override
  public ToolResult invoke(String tool, Map<String, Object> arguments) {
    calls.add(new Call(tool, new LinkedHashMap<>(arguments)));
    if (failing.containsKey(tool)) {
      return ToolResult.error(failing.get(tool));
    }
    try {
      return switch (tool) {
        case "add_task" -> ToolResult.ok(add(arguments));
        case "get_task" -> ToolResult.ok(copy(find(arguments)));
        case "update_task" -> ToolResult.ok(update(arguments));
        case "complete_task" -> ToolResult.ok(complete(arguments));
        case "delete_task" -> ToolResult.ok(delete(arguments));
        case "search_tasks" -> ToolResult.ok(Map.of("tasks", search(arguments)));
        case "list_tasks" -> ToolResult.ok(Map.of("tasks", list(arguments)));
        case "set_reminder" -> ToolResult.ok(setReminder(arguments));
        case "list_reminders" ->
            ToolResult.ok(
                Map.of(
                    "task_id",
                    find(arguments).get("id"),
                    "reminders",
                    List.copyOf(remindersOf(id(arguments)))));
        case "delete_reminder" -> ToolResult.ok(deleteReminder(arguments));
        default -> ToolResult.error("tool: unknown tool '" + tool + "'");
      };
    } catch (IllegalArgumentException e) {
      return ToolResult.error(e.getMessage());
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> add(Map<String, Object> a) {
    Object title = a.get("title");
    if (!(title instanceof String s) || s.isBlank()) {
      throw new IllegalArgumentException("title: is required");
    }
    Map<String, Object> t = new LinkedHashMap<>();
    long id = nextId++;
    t.put("id", id);
    t.put("title", s);
    t.put("description", a.get("description"));
    t.put("completed", false);
    t.put("completed_at", null);
    t.put("priority", a.getOrDefault("priority", "none"));
    t.put("tags", a.get("tags") == null ? List.of() : List.copyOf((Collection<?>) a.get("tags")));
    t.put("due_at", utc(a.get("due_at")));
    t.put("due_date", a.get("due_date"));
    t.put("time_zone", a.getOrDefault("time_zone", "UTC"));
    t.put("recurrence_rule", a.get("recurrence_rule"));
    t.put("recurrence_text", null);
    t.put("recurrence_anchor", a.getOrDefault("recurrence_anchor", "due"));
    t.put("is_recurring", a.get("recurrence_rule") != null);
    t.put("created_at", now.plusSeconds(id).toString());
    t.put("updated_at", now.plusSeconds(id).toString());
    if (t.get("recurrence_rule") != null && t.get("due_at") == null && t.get("due_date") == null) {
      throw new IllegalArgumentException("recurrence_rule: a recurring task needs a due");
    }
    tasks.put(id, t);
    if (a.get("reminders") instanceof Collection<?> rs) {
      for (Object r : rs) {
        Map<String, Object> spec = new LinkedHashMap<>((Map<String, Object>) r);
        spec.put("task_id", id);
        setReminder(spec);
      }
    }
    return copy(t);
  }

  private Map<String, Object> update(Map<String, Object> a) {
    Map<String, Object> t = find(a);
    for (String f :
        List.of(
            "title",
            "description",
            "priority",
            "tags",
            "due_at",
            "due_date",
            "time_zone",
            "recurrence_rule",
            "recurrence_anchor")) {
      if (a.containsKey(f)) {
        Object v = f.equals("due_at") ? utc(a.get(f)) : a.get(f);
        if (f.equals("tags")) {
          v = v == null ? List.of() : List.copyOf((Collection<?>) v);
        }
        t.put(f, v);
      }
    }
    if (a.containsKey("due_at") && a.get("due_at") != null && !a.containsKey("due_date")) {
      t.put("due_date", null);
    }
    if (a.containsKey("due_date") && a.get("due_date") != null && !a.containsKey("due_at")) {
      t.put("due_at", null);
    }
    if (t.get("title") == null) {
      throw new IllegalArgumentException("title: cannot be removed");
    }
    t.put("is_recurring", t.get("recurrence_rule") != null);
    if (a.containsKey("completed")) {
      t.put("completed", a.get("completed"));
    }
    t.put("updated_at", now.toString());
    return copy(t);
  }

  private Map<String, Object> complete(Map<String, Object> a) {
    Map<String, Object> t = find(a);
    boolean done = !Boolean.FALSE.equals(a.get("completed"));
    t.put("completed", done);
    t.put("completed_at", done ? now.toString() : null);
    return copy(t);
  }

  private Map<String, Object> delete(Map<String, Object> a) {
    Map<String, Object> t = find(a);
    tasks.remove(((Number) t.get("id")).longValue());
    reminders.remove(((Number) t.get("id")).longValue());
    return Map.of("deleted", true, "task_id", t.get("id"));
  }

  private List<Map<String, Object>> search(Map<String, Object> a) {
    String q = String.valueOf(a.get("query")).toLowerCase(Locale.ROOT);
    List<Map<String, Object>> found = new ArrayList<>();
    for (boolean done : new boolean[] {false, true}) {
      for (Map<String, Object> t : tasks.values()) {
        if (Boolean.TRUE.equals(t.get("completed")) == done && matches(t, q)) {
          found.add(copy(t));
        }
      }
    }
    return found;
  }

  private static boolean matches(Map<String, Object> t, String q) {
    String text =
        (t.get("title") + " " + (t.get("description") == null ? "" : t.get("description")))
            .toLowerCase(Locale.ROOT);
    return text.contains(q);
  }

  private List<Map<String, Object>> list(Map<String, Object> a) {
    String status = String.valueOf(a.getOrDefault("status", "pending"));
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> t : tasks.values()) {
      boolean done = Boolean.TRUE.equals(t.get("completed"));
      if (status.equals("pending") && done || status.equals("completed") && !done) {
        continue;
      }
      if (a.get("priority") instanceof Collection<?> ps && !ps.contains(t.get("priority"))) {
        continue;
      }
      if (a.get("tags") instanceof Collection<?> tags
          && !((Collection<?>) t.get("tags")).containsAll(tags)) {
        continue;
      }
      LocalDate due = dueDay(t);
      if (a.get("due_after") != null
          && (due == null || due.isBefore(LocalDate.parse(a.get("due_after").toString())))) {
        continue;
      }
      if (a.get("due_before") != null
          && (due == null || due.isAfter(LocalDate.parse(a.get("due_before").toString())))) {
        continue;
      }
      if (Boolean.TRUE.equals(a.get("has_due")) && due == null) {
        continue;
      }
      if (Boolean.TRUE.equals(a.get("overdue")) && (done || !overdue(t))) {
        continue;
      }
      if (a.get("search") != null
          && !matches(t, a.get("search").toString().toLowerCase(Locale.ROOT))) {
        continue;
      }
      out.add(copy(t));
    }
    String sort = String.valueOf(a.getOrDefault("sort_by", "created_at"));
    Comparator<Map<String, Object>> order =
        switch (sort) {
          case "due" -> Comparator.comparing(InMemoryTools::dueKey);
          case "title" -> Comparator.comparing(t -> String.valueOf(t.get("title")));
          default ->
              Comparator.comparing((Map<String, Object> t) -> String.valueOf(t.get(sort)))
                  .reversed();
        };
    out.sort(order.thenComparing(t -> ((Number) t.get("id")).longValue()));
    int limit = a.get("limit") instanceof Number n ? n.intValue() : 50;
    return out.size() > limit ? out.subList(0, limit) : out;
  }

  private static String dueKey(Map<String, Object> t) {
    if (t.get("due_at") != null) {
      return t.get("due_at").toString();
    }
    if (t.get("due_date") != null) {
      return t.get("due_date") + "T09:00:00Z";
    }
    return "9999";
  }

  private static LocalDate dueDay(Map<String, Object> t) {
    if (t.get("due_date") != null) {
      return LocalDate.parse(t.get("due_date").toString());
    }
    if (t.get("due_at") != null) {
      return Instant.parse(t.get("due_at").toString())
          .atZone(ZoneId.of(t.get("time_zone").toString()))
          .toLocalDate();
    }
    return null;
  }

  private boolean overdue(Map<String, Object> t) {
    Instant due = dueInstant(t, LocalTime.MAX);
    return due != null && due.isBefore(now);
  }

  private static Instant dueInstant(Map<String, Object> t, LocalTime forDate) {
    if (t.get("due_at") != null) {
      return Instant.parse(t.get("due_at").toString());
    }
    if (t.get("due_date") != null) {
      return LocalDate.parse(t.get("due_date").toString())
          .atTime(forDate)
          .atZone(ZoneId.of(t.get("time_zone").toString()))
          .toInstant();
    }
    return null;
  }

  private Map<String, Object> setReminder(Map<String, Object> a) {
    Map<String, Object> t = find(a);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("id", nextReminder++);
    r.put("task_id", t.get("id"));
    if (a.get("before_due") != null) {
      Instant due = dueInstant(t, LocalTime.of(9, 0));
      if (due == null) {
        throw new IllegalArgumentException("before_due: the task has no due");
      }
      Duration d = Duration.parse(a.get("before_due").toString());
      r.put("remind_at", due.minus(d).toString());
      r.put("before_due", a.get("before_due"));
    } else if (a.get("remind_at") != null) {
      r.put("remind_at", utc(a.get("remind_at")));
      r.put("before_due", null);
    } else {
      throw new IllegalArgumentException("give either remind_at or before_due");
    }
    r.put("status", "scheduled");
    reminders.computeIfAbsent(((Number) t.get("id")).longValue(), k -> new ArrayList<>()).add(r);
    return new LinkedHashMap<>(r);
  }

  private Map<String, Object> deleteReminder(Map<String, Object> a) {
    long id = id(a);
    find(a);
    long rid = ((Number) a.get("reminder_id")).longValue();
    List<Map<String, Object>> rs = reminders.getOrDefault(id, new ArrayList<>());
    if (!rs.removeIf(r -> ((Number) r.get("id")).longValue() == rid)) {
      throw new IllegalArgumentException("reminder_id: There is no reminder " + rid + ".");
    }
    return Map.of("deleted", true, "task_id", id, "reminder_id", rid);
  }

  private Map<String, Object> find(Map<String, Object> a) {
    long id = id(a);
    Map<String, Object> t = tasks.get(id);
    if (t == null) {
      throw new IllegalArgumentException("task_id: There is no task " + id + ".");
    }
    return t;
  }

  private static long id(Map<String, Object> a) {
    Object id = a.get("task_id");
    if (!(id instanceof Number n)) {
      throw new IllegalArgumentException("task_id: is required");
    }
    return n.longValue();
  }

  private static String utc(Object offsetDateTime) {
    if (offsetDateTime == null) {
      return null;
    }
    return OffsetDateTime.parse(offsetDateTime.toString()).toInstant().toString();
  }

  private static Map<String, Object> copy(Map<String, Object> t) {
    return new LinkedHashMap<>(t);
  }
}
