package dev.todoai.adapter.out.assistant;

import dev.todoai.adapter.out.assistant.Command.Add;
import dev.todoai.adapter.out.assistant.Command.Complete;
import dev.todoai.adapter.out.assistant.Command.Delete;
import dev.todoai.adapter.out.assistant.Command.DeleteReminder;
import dev.todoai.adapter.out.assistant.Command.ListReminders;
import dev.todoai.adapter.out.assistant.Command.ListTasks;
import dev.todoai.adapter.out.assistant.Command.Postpone;
import dev.todoai.adapter.out.assistant.Command.Rename;
import dev.todoai.adapter.out.assistant.Command.Reschedule;
import dev.todoai.adapter.out.assistant.Command.Retag;
import dev.todoai.adapter.out.assistant.Command.Search;
import dev.todoai.adapter.out.assistant.Command.SetPriority;
import dev.todoai.adapter.out.assistant.Command.SetReminder;
import dev.todoai.adapter.out.assistant.Command.Show;
import dev.todoai.adapter.out.assistant.Command.TaskRef;
import dev.todoai.adapter.out.assistant.Command.Unknown;
import dev.todoai.adapter.out.assistant.DateGrammar.When;
import dev.todoai.application.assistant.ToolCallRecord;
import dev.todoai.application.assistant.ToolInvoker;
import dev.todoai.application.assistant.ToolResult;
import dev.todoai.application.port.out.AssistantPort;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The embedded, deterministic assistant: reads English commands with a small grammar, calls the
 * task tools and answers in a sentence or a short list. No model, no network.
 */
@Singleton
@Requires(property = "todo.assistant.provider", value = "rules", defaultValue = "rules")
final class RuleBasedAssistant implements AssistantPort {

  private final QuickAddParser quickAdd;

  RuleBasedAssistant(QuickAddParser quickAdd) {
    this.quickAdd = quickAdd;
  }

  @Override
  public AssistantReply respond(AssistantRequest request, ToolInvoker tools) {
    Turn turn = new Turn(request, tools);
    Command command =
        new CommandParser(request.zone(), request.now(), quickAdd).parse(request.message());
    String text = turn.run(command);
    return new AssistantReply(text, turn.calls);
  }

  /** One request: its tool calls and the helpers to phrase the answer. */
  private static final class Turn {
    private final ToolInvoker tools;
    private final ZoneId zone;
    private final LocalDate today;
    private final DateGrammar grammar;
    private final List<ToolCallRecord> calls = new ArrayList<>();

    Turn(AssistantRequest request, ToolInvoker tools) {
      this.tools = tools;
      this.zone = request.zone();
      this.grammar = new DateGrammar(List.of(), request.zone(), request.now());
      this.today = grammar.today();
    }

    String run(Command command) {
      if (command instanceof Add a) {
        return add(a.task());
      }
      if (command instanceof ListTasks l) {
        return list(l);
      }
      if (command instanceof Search s) {
        return search(s.query());
      }
      if (command instanceof Unknown u) {
        return u.hint() == null ? Replies.HELP : u.hint();
      }
      TaskRef ref = refOf(command);
      Boolean wantCompleted =
          command instanceof Complete c ? Boolean.valueOf(!c.completed()) : null;
      Target target = resolve(ref, wantCompleted);
      if (target.reply() != null) {
        return target.reply();
      }
      return act(command, target);
    }

    private static TaskRef refOf(Command c) {
      if (c instanceof Show s) {
        return s.ref();
      }
      if (c instanceof Complete s) {
        return s.ref();
      }
      if (c instanceof Delete s) {
        return s.ref();
      }
      if (c instanceof Reschedule s) {
        return s.ref();
      }
      if (c instanceof Postpone s) {
        return s.ref();
      }
      if (c instanceof Rename s) {
        return s.ref();
      }
      if (c instanceof SetPriority s) {
        return s.ref();
      }
      if (c instanceof Retag s) {
        return s.ref();
      }
      if (c instanceof SetReminder s) {
        return s.ref();
      }
      if (c instanceof ListReminders s) {
        return s.ref();
      }
      return ((DeleteReminder) c).ref();
    }

    private String act(Command command, Target target) {
      long id = target.id();
      String name = target.name();
      if (command instanceof Show) {
        Map<?, ?> task = target.task();
        if (task == null) {
          ToolResult r = call("get_task", args("task_id", id));
          if (r.isError()) {
            return failed("show " + name, r);
          }
          task = r.content() instanceof Map<?, ?> m ? m : Map.of("id", id, "title", name);
        }
        String description =
            task.get("description") instanceof String d && !d.isBlank() ? "\n" + d : "";
        return Replies.task(task, zone, today) + description;
      }
      if (command instanceof Complete c) {
        Map<String, Object> a = args("task_id", id);
        if (!c.completed()) {
          a.put("completed", false);
        }
        ToolResult r = call("complete_task", a);
        if (r.isError()) {
          return failed(c.completed() ? "complete " + name : "reopen " + name, r);
        }
        return (c.completed() ? "Completed " : "Reopened ") + name + ".";
      }
      if (command instanceof Delete) {
        ToolResult r = call("delete_task", args("task_id", id));
        return r.isError() ? failed("delete " + name, r) : "Deleted " + name + ".";
      }
      if (command instanceof Reschedule m) {
        When w = grammar.resolve(m.when());
        Map<String, Object> a = args("task_id", id);
        String when;
        if (w.exact() != null) {
          ZonedDateTime z = w.exact().atZone(zone);
          a.put("due_at", QuickAdd.format(z));
          a.put("due_date", null);
          when = Replies.due(z.toLocalDate(), z.toLocalTime().withSecond(0).withNano(0), today);
        } else if (w.time() != null) {
          a.put("due_at", QuickAdd.format(w.date().atTime(w.time()).atZone(zone)));
          a.put("due_date", null);
          when = Replies.due(w.date(), w.time(), today);
        } else {
          a.put("due_date", w.date().toString());
          a.put("due_at", null);
          when = Replies.date(w.date(), today);
        }
        ToolResult r = call("update_task", a);
        return r.isError() ? failed("move " + name, r) : "Moved " + name + " to " + when + ".";
      }
      if (command instanceof Postpone p) {
        return postpone(target, p.by());
      }
      if (command instanceof Rename rn) {
        Map<String, Object> a = args("task_id", id);
        a.put("title", rn.title());
        ToolResult r = call("update_task", a);
        return r.isError()
            ? failed("rename " + name, r)
            : "Renamed " + name + " to " + Replies.quote(rn.title()) + ".";
      }
      if (command instanceof SetPriority sp) {
        Map<String, Object> a = args("task_id", id);
        a.put("priority", sp.priority());
        ToolResult r = call("update_task", a);
        return r.isError()
            ? failed("change the priority of " + name, r)
            : "Set the priority of " + name + " to " + sp.priority() + ".";
      }
      if (command instanceof Retag rt) {
        return retag(target, rt);
      }
      if (command instanceof SetReminder sr) {
        Map<String, Object> a = args("task_id", id);
        String when;
        if (sr.time().beforeDue() != null) {
          a.put("before_due", sr.time().beforeDue().iso());
          when =
              sr.time().beforeDue().count() == 0
                  ? "when it's due"
                  : sr.time().beforeDue().describe() + " before it's due";
        } else {
          When w = grammar.resolve(sr.time().at());
          ZonedDateTime at =
              w.exact() != null
                  ? w.exact().atZone(zone)
                  : w.date().atTime(w.time() == null ? LocalTime.of(9, 0) : w.time()).atZone(zone);
          a.put("remind_at", QuickAdd.format(at));
          when = Replies.due(at.toLocalDate(), at.toLocalTime(), today);
        }
        ToolResult r = call("set_reminder", a);
        return r.isError()
            ? failed("set a reminder for " + name, r)
            : "I'll remind you about " + name + " " + when + ".";
      }
      if (command instanceof ListReminders) {
        ToolResult r = call("list_reminders", args("task_id", id));
        if (r.isError()) {
          return failed("list the reminders of " + name, r);
        }
        List<Map<?, ?>> reminders = items(r.content(), "reminders");
        if (reminders.isEmpty()) {
          return name + " has no reminders.";
        }
        StringBuilder s =
            new StringBuilder(name + " has " + Replies.plural(reminders.size(), "reminder") + ":");
        for (Map<?, ?> rem : reminders) {
          s.append("\n• ").append(reminder(rem));
        }
        return s.toString();
      }
      DeleteReminder dr = (DeleteReminder) command;
      Map<String, Object> a = args("task_id", id);
      a.put("reminder_id", dr.reminderId());
      ToolResult r = call("delete_reminder", a);
      return r.isError()
          ? failed("delete reminder " + dr.reminderId() + " of " + name, r)
          : "Deleted reminder " + dr.reminderId() + " of " + name + ".";
    }

    private String reminder(Map<?, ?> rem) {
      StringBuilder s = new StringBuilder();
      if (rem.get("id") != null) {
        s.append('#').append(rem.get("id")).append(' ');
      }
      if (rem.get("remind_at") != null) {
        ZonedDateTime z = Replies.parseInstant(rem.get("remind_at").toString(), zone);
        s.append(
            z == null
                ? rem.get("remind_at").toString()
                : Replies.due(z.toLocalDate(), z.toLocalTime(), today));
      }
      if (rem.get("before_due") != null) {
        s.append(" (").append(rem.get("before_due")).append(" before due)");
      }
      return s.toString().strip();
    }

    private String postpone(Target target, Amount by) {
      Map<?, ?> task = target.task();
      if (task == null) {
        ToolResult r = call("get_task", args("task_id", target.id()));
        if (r.isError()) {
          return failed("postpone " + target.name(), r);
        }
        task = r.content() instanceof Map<?, ?> m ? m : Map.of();
      }
      Map<String, Object> a = args("task_id", target.id());
      String when;
      if (task.get("due_at") != null) {
        ZonedDateTime z = Replies.parseInstant(task.get("due_at").toString(), zone);
        if (z == null) {
          return "I couldn't read the due of " + target.name() + ".";
        }
        ZonedDateTime moved = z.plus(by.count(), by.unit());
        a.put("due_at", QuickAdd.format(moved));
        when = Replies.due(moved.toLocalDate(), moved.toLocalTime(), today);
      } else if (task.get("due_date") != null) {
        LocalDate d;
        try {
          d = LocalDate.parse(task.get("due_date").toString());
        } catch (DateTimeParseException e) {
          return "I couldn't read the due of " + target.name() + ".";
        }
        if (by.isClockBased()) {
          return target.name()
              + " is due on a day, not at a time; say e.g. “postpone it by 1 day”.";
        }
        LocalDate moved = by.addTo(d);
        a.put("due_date", moved.toString());
        when = Replies.date(moved, today);
      } else {
        return target.name()
            + " has no due date to postpone; say e.g. “move it to friday” instead.";
      }
      ToolResult r = call("update_task", a);
      return r.isError()
          ? failed("postpone " + target.name(), r)
          : "Postponed " + target.name() + " by " + by.describe() + " to " + when + ".";
    }

    private String retag(Target target, Retag rt) {
      Map<?, ?> task = target.task();
      if (task == null) {
        ToolResult r = call("get_task", args("task_id", target.id()));
        if (r.isError()) {
          return failed("tag " + target.name(), r);
        }
        task = r.content() instanceof Map<?, ?> m ? m : Map.of();
      }
      List<String> tags = new ArrayList<>();
      if (task.get("tags") instanceof Collection<?> existing) {
        existing.forEach(x -> tags.add(x.toString().toLowerCase(Locale.ROOT)));
      }
      List<String> missing = new ArrayList<>();
      for (String remove : rt.remove()) {
        if (!tags.remove(remove)) {
          missing.add("#" + remove);
        }
      }
      if (!rt.remove().isEmpty() && missing.size() == rt.remove().size()) {
        return target.name() + " isn't tagged " + String.join(" ", missing) + ".";
      }
      for (String add : rt.add()) {
        if (!tags.contains(add)) {
          tags.add(add);
        }
      }
      Map<String, Object> a = args("task_id", target.id());
      a.put("tags", tags);
      ToolResult r = call("update_task", a);
      if (r.isError()) {
        return failed("change the tags of " + target.name(), r);
      }
      String added = String.join(" ", rt.add().stream().map(x -> "#" + x).toList());
      String removed =
          String.join(
              " ",
              rt.remove().stream().map(x -> "#" + x).filter(x -> !missing.contains(x)).toList());
      return rt.add().isEmpty()
          ? "Removed " + removed + " from " + target.name() + "."
          : "Tagged " + target.name() + " with " + added + ".";
    }

    private String add(QuickAdd task) {
      ToolResult r = call("add_task", task.arguments());
      if (r.isError()) {
        return failed("add " + Replies.quote(task.title()), r);
      }
      String details = task.describe(today);
      return "Added "
          + Replies.quote(task.title())
          + (details.isEmpty() ? "" : " — " + details)
          + ".";
    }

    private String list(ListTasks l) {
      ToolResult r = call("list_tasks", l.arguments());
      if (r.isError()) {
        return failed("list your tasks", r);
      }
      List<Map<?, ?>> tasks = items(r.content(), "tasks");
      String kind = String.join(" ", l.adjectives());
      String label = l.label().isEmpty() ? "" : " " + l.label();
      if (tasks.isEmpty()) {
        return "You have no " + (kind.isEmpty() ? "" : kind + " ") + "tasks" + label + ".";
      }
      return "You have "
          + tasks.size()
          + " "
          + (kind.isEmpty() ? "" : kind + " ")
          + (tasks.size() == 1 ? "task" : "tasks")
          + label
          + ":"
          + Replies.bullets(tasks, zone, today);
    }

    private String search(String query) {
      ToolResult r = call("search_tasks", args("query", query));
      if (r.isError()) {
        return failed("search for " + Replies.quote(query), r);
      }
      List<Map<?, ?>> tasks = items(r.content(), "tasks");
      if (tasks.isEmpty()) {
        return "No tasks match " + Replies.quote(query) + ".";
      }
      return "Found "
          + Replies.plural(tasks.size(), "task")
          + " matching "
          + Replies.quote(query)
          + ":"
          + Replies.bullets(tasks, zone, today);
    }

    /** The task a command is about; or the reply explaining why there isn't exactly one. */
    private record Target(long id, String name, Map<?, ?> task, String reply) {}

    /**
     * By id directly; by title through {@code search_tasks}, preferring tasks in the wanted state
     * (open unless reopening) and an exact title match.
     */
    private Target resolve(TaskRef ref, Boolean wantCompleted) {
      if (ref.id() != null) {
        return new Target(ref.id(), "task #" + ref.id(), null, null);
      }
      if (ref.query() == null || ref.query().isBlank()) {
        return new Target(0, null, null, "Which task? Name it by its title or say e.g. “task 12”.");
      }
      ToolResult r = call("search_tasks", args("query", ref.query()));
      if (r.isError()) {
        return new Target(0, null, null, failed("look for " + Replies.quote(ref.query()), r));
      }
      List<Map<?, ?>> all = items(r.content(), "tasks");
      boolean want = Boolean.TRUE.equals(wantCompleted);
      List<Map<?, ?>> inState =
          all.stream().filter(x -> Boolean.TRUE.equals(x.get("completed")) == want).toList();
      List<Map<?, ?>> candidates = wantCompleted == null && inState.isEmpty() ? all : inState;
      if (candidates.isEmpty()) {
        String state = wantCompleted == null ? "" : want ? "completed " : "open ";
        return new Target(
            0,
            null,
            null,
            "I couldn't find "
                + (state.startsWith("open") ? "an " : "a ")
                + state
                + "task matching "
                + Replies.quote(ref.query())
                + ".");
      }
      List<Map<?, ?>> exact =
          candidates.stream()
              .filter(x -> ref.query().equalsIgnoreCase(String.valueOf(x.get("title")).strip()))
              .toList();
      Map<?, ?> chosen =
          exact.size() == 1 ? exact.get(0) : candidates.size() == 1 ? candidates.get(0) : null;
      if (chosen == null) {
        List<Map<?, ?>> shown = exact.size() > 1 ? exact : candidates;
        return new Target(
            0,
            null,
            null,
            shown.size()
                + " tasks match "
                + Replies.quote(ref.query())
                + ":"
                + Replies.bullets(shown, zone, today)
                + "\nWhich one do you mean? You can name it by number, e.g. “task "
                + shown.get(0).get("id")
                + "”.");
      }
      Long id = idOf(chosen.get("id"));
      if (id == null) {
        return new Target(0, null, null, "The task I found has no usable id.");
      }
      return new Target(id, Replies.quote(String.valueOf(chosen.get("title"))), chosen, null);
    }

    private static Long idOf(Object id) {
      if (id instanceof Number n) {
        return n.longValue();
      }
      if (id != null && id.toString().matches("\\d{1,18}")) {
        return Long.parseLong(id.toString());
      }
      return null;
    }

    private ToolResult call(String tool, Map<String, Object> arguments) {
      ToolResult result;
      try {
        result = tools.invoke(tool, arguments);
      } catch (RuntimeException e) {
        result =
            ToolResult.error(
                e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
      }
      if (result == null) {
        result = ToolResult.error("no result");
      }
      calls.add(new ToolCallRecord(tool, arguments, result));
      return result;
    }

    private static String failed(String what, ToolResult r) {
      String message =
          r.message() == null || r.message().isBlank() ? "an unknown error" : r.message();
      return "Sorry, I couldn't " + what + ": " + message;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<?, ?>> items(Object content, String key) {
      Object list = content instanceof Map<?, ?> m ? m.get(key) : content;
      if (list instanceof Collection<?> c) {
        return (List<Map<?, ?>>) (List<?>) c.stream().filter(Map.class::isInstance).toList();
      }
      return List.of();
    }

    private static Map<String, Object> args(String key, Object value) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put(key, value);
      return a;
    }
  }
}
