package dev.todoai.adapter.out.assistant;

import dev.todoai.adapter.out.assistant.ConversationState.Pending;
import dev.todoai.adapter.out.assistant.ConversationState.Ref;
import dev.todoai.adapter.out.assistant.ConversationState.Step;
import dev.todoai.adapter.out.assistant.DateGrammar.ReminderTime;
import dev.todoai.adapter.out.assistant.DateGrammar.When;
import dev.todoai.adapter.out.assistant.Edit.DueEdit;
import dev.todoai.adapter.out.assistant.Intent.Change;
import dev.todoai.adapter.out.assistant.Intent.Complete;
import dev.todoai.adapter.out.assistant.Intent.Create;
import dev.todoai.adapter.out.assistant.Intent.Delete;
import dev.todoai.adapter.out.assistant.Intent.ListReminders;
import dev.todoai.adapter.out.assistant.Intent.Query;
import dev.todoai.adapter.out.assistant.Intent.Remind;
import dev.todoai.adapter.out.assistant.Intent.Show;
import dev.todoai.adapter.out.assistant.Intent.TagOrCreate;
import dev.todoai.adapter.out.assistant.Intent.Undo;
import dev.todoai.adapter.out.assistant.Intent.Unknown;
import dev.todoai.adapter.out.assistant.Intent.Unremind;
import dev.todoai.adapter.out.assistant.Interpreter.Answer;
import dev.todoai.application.assistant.ToolResult;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Acts on an {@link Intent} through the task tools: finds the task(s) it is about (from the
 * conversation's state or by their words), asks when that is ambiguous and before deleting several
 * tasks or a repeating one, makes the change, remembers how to undo it, and says in one line what
 * it did.
 */
final class Executor {
  private static final int MAX_SHOWN = 25;
  private static final int SEARCH_LIMIT = 50;

  private final ZoneId zone;
  private final Instant now;
  private final QuickAddParser quickAdd;
  private final TaskTools tools;
  private final ConversationState state;
  private final LocalDate today;
  private final DateGrammar clock;

  Executor(
      ZoneId zone, Instant now, QuickAddParser quickAdd, TaskTools tools, ConversationState state) {
    this.zone = zone;
    this.now = now;
    this.quickAdd = quickAdd;
    this.tools = tools;
    this.state = state;
    this.clock = new DateGrammar(List.of(), zone, now);
    this.today = clock.today();
  }

  /** Answers one message; the state is updated in place. */
  String handle(String message) {
    Pending pending = state.pending;
    state.pending = null;
    if (pending != null) {
      String answered = answer(pending, message);
      if (answered != null) {
        return answered;
      }
    }
    Interpreter interpreter = new Interpreter(zone, now, quickAdd);
    Answer bare = interpreter.answer(message);
    if (pending == null
        && bare != null
        && (bare.kind() == Answer.Kind.YES || bare.kind() == Answer.Kind.NO)
        && message.strip().split("\\s+").length <= 3
        && message
            .strip()
            .toLowerCase(Locale.ROOT)
            .matches("(yes|yep|yeah|yup|y|sure|no|nope|nah|n)\\b.*")) {
      return "There's no question of mine waiting for an answer. What would you like to do?";
    }
    Intent intent = interpreter.read(message);
    return run(intent, new Context(message, now, null, false));
  }

  /** The request being acted on: its text and time, tasks chosen in answer to a question. */
  private record Context(String message, Instant at, List<Ref> chosen, boolean confirmed) {}

  // ---- answers to the assistant's questions ----

  private String answer(Pending p, String message) {
    Answer a = new Interpreter(zone, now, quickAdd).answer(message);
    if (a == null) {
      return null;
    }
    Instant at;
    try {
      at = Instant.parse(p.at());
    } catch (RuntimeException e) {
      at = now;
    }
    List<Ref> candidates = p.candidates() == null ? List.of() : p.candidates();
    boolean confirm = Pending.CONFIRM.equals(p.kind());
    switch (a.kind()) {
      case NO -> {
        return confirm ? "OK, I left everything as it was." : "OK, never mind.";
      }
      case YES -> {
        if (confirm) {
          return rerun(p, at, candidates, true);
        }
        return candidates.size() == 1 ? rerun(p, at, candidates, false) : null;
      }
      case ALL -> {
        return rerun(p, at, candidates, confirm);
      }
      case ORDINAL -> {
        int k = a.ordinal() == -1 ? candidates.size() - 1 : a.ordinal() - 1;
        if (k < 0 || k >= candidates.size()) {
          p = new Pending(p.kind(), p.message(), p.at(), candidates);
          state.pending = p;
          return "There are only " + candidates.size() + " to choose from. Which one?";
        }
        return rerun(p, at, List.of(candidates.get(k)), confirm);
      }
      case ONLY, WORDS -> {
        List<Ref> chosen = byWords(candidates, a.text());
        if (chosen.size() == 1 || (a.kind() == Answer.Kind.ONLY && !chosen.isEmpty())) {
          return rerun(p, at, chosen, confirm || a.kind() == Answer.Kind.ONLY);
        }
        return null;
      }
      default -> {
        return null;
      }
    }
  }

  private String rerun(Pending p, Instant at, List<Ref> chosen, boolean confirmed) {
    Intent intent = new Interpreter(zone, at, quickAdd).read(p.message());
    return run(intent, new Context(p.message(), at, chosen, confirmed));
  }

  /** The candidates best named by {@code words}. */
  private static List<Ref> byWords(List<Ref> candidates, String words) {
    List<String> phrase = Words.content(words);
    if (phrase.isEmpty()) {
      return List.of();
    }
    double best = 0;
    double bestCoverage = 0;
    List<Ref> top = new ArrayList<>();
    for (Ref c : candidates) {
      double[] s = Words.score(phrase, c.title());
      if (s[0] < 0.5) {
        continue;
      }
      if (s[0] > best || (s[0] == best && s[1] > bestCoverage)) {
        best = s[0];
        bestCoverage = s[1];
        top = new ArrayList<>(List.of(c));
      } else if (s[0] == best && s[1] == bestCoverage) {
        top.add(c);
      }
    }
    return top;
  }

  // ---- intents ----

  private String run(Intent intent, Context ctx) {
    if (intent instanceof Create c) {
      return create(c.task());
    }
    if (intent instanceof Query q) {
      return query(q.query());
    }
    if (intent instanceof Intent.Lookup l) {
      List<Map<String, Object>> found = select(l.query(), 1);
      return found.isEmpty() ? Replies.HELP : query(l.query());
    }
    if (intent instanceof Undo) {
      return undo();
    }
    if (intent instanceof Unknown u) {
      return u.hint() == null ? Replies.HELP : u.hint();
    }
    if (intent instanceof Change c) {
      Found f = find(c.target(), Purpose.CHANGE, ctx);
      return f.reply() != null ? f.reply() : change(f.tasks(), c.edit());
    }
    if (intent instanceof TagOrCreate tc) {
      Found f = find(tc.target(), Purpose.STRICT, ctx);
      if (f.reply() == null && !f.tasks().isEmpty()) {
        return change(f.tasks(), Edit.none().withTags(tc.tags(), List.of(), false));
      }
      if (tc.create() == null || tc.create().title().isEmpty()) {
        return f.reply() == null ? "Which task do you mean?" : f.reply();
      }
      return create(tc.create());
    }
    if (intent instanceof Intent.ChangeOrCreate cc) {
      Found f = find(cc.target(), Purpose.STRICT, ctx);
      if (f.reply() == null && f.tasks().size() == 1) {
        return change(f.tasks(), cc.edit());
      }
      return cc.create().title().isEmpty() ? Replies.HELP : create(cc.create());
    }
    if (intent instanceof Complete c) {
      Found f = find(c.target(), c.done() ? Purpose.COMPLETE : Purpose.REOPEN, ctx);
      return f.reply() != null ? f.reply() : complete(f.tasks(), c.done());
    }
    if (intent instanceof Delete d) {
      Found f = find(d.target(), Purpose.DELETE, ctx);
      return f.reply() != null ? f.reply() : delete(f.tasks(), ctx);
    }
    if (intent instanceof Show s) {
      Found f = find(s.target(), Purpose.SHOW, ctx);
      return f.reply() != null ? f.reply() : show(f.tasks());
    }
    if (intent instanceof Remind r) {
      Found f = find(r.target(), r.create() == null ? Purpose.CHANGE : Purpose.OR_CREATE, ctx);
      if (f.reply() == null && f.tasks().isEmpty() && r.create() != null) {
        return createWithReminders(r.create(), r.times());
      }
      return f.reply() != null ? f.reply() : remind(f.tasks(), r.times());
    }
    if (intent instanceof Intent.RemindToDo r) {
      QuickAdd q = r.task();
      if (q.recurrence() == null && q.dueDate() != null) {
        Found f = find(new Target.Text(q.title()), Purpose.STRICT, ctx);
        List<Map<String, Object>> open =
            f.tasks().stream().filter(t -> !Boolean.TRUE.equals(t.get("completed"))).toList();
        if (f.reply() == null && open.size() == 1) {
          return remind(
              open,
              List.of(new ReminderTime(null, new When(q.dueDate(), q.dueTime(), null, false))));
        }
      }
      return create(q);
    }
    if (intent instanceof Unremind u) {
      Found f = find(u.target(), Purpose.CHANGE, ctx);
      return f.reply() != null ? f.reply() : unremind(f.tasks());
    }
    if (intent instanceof ListReminders l) {
      Found f = find(l.target(), Purpose.SHOW, ctx);
      return f.reply() != null ? f.reply() : listReminders(f.tasks());
    }
    return Replies.HELP;
  }

  // ---- creating ----

  private String create(QuickAdd task) {
    ToolResult r = tools.add(task.arguments());
    if (r.isError()) {
      return failed("add " + Replies.quote(task.title()), r);
    }
    Map<String, Object> added = TaskTools.map(r);
    Long id = TaskTools.id(added.get("id"));
    if (id != null) {
      state.created(new Ref(id, task.title()));
      remember(
          "adding " + Replies.quote(task.title()),
          List.of(new Step("delete_task", ConversationState.args("task_id", id), null)));
    }
    String details = task.describe(today);
    return "Added " + Replies.quote(task.title()) + (details.isEmpty() ? "" : ", " + details) + ".";
  }

  private String createWithReminders(QuickAdd task, List<ReminderTime> times) {
    ToolResult r = tools.add(task.arguments());
    if (r.isError()) {
      return failed("add " + Replies.quote(task.title()), r);
    }
    Map<String, Object> added = TaskTools.map(r);
    Long id = TaskTools.id(added.get("id"));
    if (id == null) {
      return "Added " + Replies.quote(task.title()) + ".";
    }
    state.focusOn(List.of(new Ref(id, task.title())));
    List<Step> undo = new ArrayList<>();
    undo.add(new Step("delete_task", ConversationState.args("task_id", id), null));
    List<String> said = new ArrayList<>();
    for (ReminderTime t : times) {
      Map<String, Object> spec = reminderSpec(t, added);
      if (spec == null) {
        continue;
      }
      ToolResult set = tools.setReminder(id, spec);
      if (!set.isError()) {
        said.add(reminderPhrase(TaskTools.map(set)));
      }
    }
    remember("adding " + Replies.quote(task.title()), undo);
    return "Added "
        + Replies.quote(task.title())
        + (said.isEmpty() ? "" : ", reminder " + String.join(" and ", said))
        + ".";
  }

  // ---- finding the task(s) a request is about ----

  private enum Purpose {
    CHANGE,
    COMPLETE,
    REOPEN,
    DELETE,
    SHOW,
    /** only a clear match counts; nothing found is not an error */
    STRICT,
    /** nothing found is not an error (the caller creates a task) */
    OR_CREATE
  }

  /** The tasks found, or the reply to give instead (a question or why there are none). */
  private record Found(List<Map<String, Object>> tasks, String reply) {
    static Found of(List<Map<String, Object>> tasks) {
      return new Found(tasks, null);
    }

    static Found say(String reply) {
      return new Found(List.of(), reply);
    }
  }

  private Found find(Target target, Purpose purpose, Context ctx) {
    if (ctx.chosen() != null) {
      List<Map<String, Object>> tasks = fetch(ctx.chosen());
      return tasks.isEmpty() ? Found.say("That task no longer exists.") : Found.of(tasks);
    }
    if (target == null || target instanceof Target.Implicit) {
      return inFocus(false, ctx);
    }
    if (target instanceof Target.Pronoun p) {
      return inFocus(p.plural(), ctx);
    }
    if (target instanceof Target.Ordinal o) {
      List<Ref> refs = !state.listed.isEmpty() ? state.listed : state.focus;
      if (refs.isEmpty()) {
        return Found.say("I haven't listed any tasks yet. Which one do you mean?");
      }
      int k = o.n() == -1 ? refs.size() - o.count() : o.n() - 1;
      if (k < 0 || k + o.count() > refs.size()) {
        return Found.say(
            "I only listed " + Replies.plural(refs.size(), "task") + ". Which one do you mean?");
      }
      List<Map<String, Object>> tasks = fetch(refs.subList(k, k + o.count()));
      return tasks.isEmpty() ? Found.say("That task no longer exists.") : Found.of(tasks);
    }
    if (target instanceof Target.Id id) {
      ToolResult r = tools.get(id.id());
      if (r.isError()) {
        return Found.say("I couldn't find task #" + id.id() + ".");
      }
      return Found.of(List.of(TaskTools.map(r)));
    }
    if (target instanceof Target.Filter f) {
      List<Map<String, Object>> tasks = select(f.query(), 200);
      if (tasks.isEmpty()) {
        return Found.say("You have no " + labelOf(f.query()) + ".");
      }
      return Found.of(tasks);
    }
    if (target instanceof Target.Several s) {
      List<Map<String, Object>> all = new ArrayList<>();
      for (Target part : s.parts()) {
        Found f = find(part, purpose, ctx);
        if (f.reply() != null) {
          return f;
        }
        for (Map<String, Object> t : f.tasks()) {
          if (all.stream().noneMatch(x -> x.get("id").equals(t.get("id")))) {
            all.add(t);
          }
        }
      }
      return Found.of(all);
    }
    return byText(((Target.Text) target).phrase(), purpose, ctx);
  }

  /** "it", "that one", "them": the tasks last listed or changed, whichever came last. */
  private Found inFocus(boolean plural, Context ctx) {
    List<Ref> refs = state.recentIsListing() ? state.listed : state.focus;
    if (refs.isEmpty()) {
      refs = state.recentIsListing() ? state.focus : state.listed;
    }
    if (refs.isEmpty()) {
      return Found.say("Which task do you mean? Name it by its title, e.g. “the dentist”.");
    }
    if (refs.size() == 1 || plural || !state.recentIsListing()) {
      List<Ref> chosen =
          refs.size() == 1 || plural ? refs : refs.subList(refs.size() - 1, refs.size());
      List<Map<String, Object>> tasks = fetch(chosen);
      return tasks.isEmpty() ? Found.say("That task no longer exists.") : Found.of(tasks);
    }
    return ask(fetch(refs), ctx);
  }

  private List<Map<String, Object>> fetch(List<Ref> refs) {
    List<Map<String, Object>> tasks = new ArrayList<>();
    for (Ref ref : refs) {
      ToolResult r = tools.get(ref.id());
      if (!r.isError()) {
        tasks.add(TaskTools.map(r));
      }
    }
    return tasks;
  }

  /** The task(s) named by words of their title; a question when several fit equally well. */
  private Found byText(String phrase, Purpose purpose, Context ctx) {
    List<String> words = Words.content(phrase);
    if (words.isEmpty()) {
      return inFocus(false, ctx);
    }
    List<Map<String, Object>> top = bestMatches(phrase, words, purpose);
    boolean whole =
        top.size() == 1 && Words.score(words, String.valueOf(top.get(0).get("title")))[0] > 0.999;
    if (top.size() == 1 && whole) {
      return Found.of(top);
    }
    // "pay rent and the tax return": each part names one task
    List<String> parts = splitAnd(phrase);
    if (parts.size() > 1) {
      List<Map<String, Object>> all = new ArrayList<>();
      for (String part : parts) {
        List<String> partWords = Words.content(part);
        List<Map<String, Object>> one =
            partWords.isEmpty() ? List.of() : bestMatches(part, partWords, purpose);
        if (one.size() != 1) {
          all = null;
          break;
        }
        if (all.stream().noneMatch(x -> x.get("id").equals(one.get(0).get("id")))) {
          all.add(one.get(0));
        }
      }
      if (all != null && all.size() > 1) {
        return Found.of(all);
      }
    }
    if (top.size() == 1) {
      return Found.of(top);
    }
    if (top.isEmpty()) {
      if (purpose == Purpose.STRICT || purpose == Purpose.OR_CREATE) {
        return Found.of(List.of());
      }
      return Found.say("I couldn't find a task matching " + Replies.quote(phrase) + ".");
    }
    if (purpose == Purpose.STRICT) {
      return Found.of(List.of());
    }
    return ask(top, ctx);
  }

  /** The tasks that best fit the words (several when they fit equally well), found by search. */
  private List<Map<String, Object>> bestMatches(
      String phrase, List<String> words, Purpose purpose) {
    Map<Object, Map<String, Object>> found = new LinkedHashMap<>();
    List<String> keys = new ArrayList<>();
    for (String w : words) {
      String key = Words.searchKey(w);
      if (!keys.contains(key) && (key.length() >= 3 || words.size() == 1)) {
        keys.add(key);
      }
    }
    keys.sort(Comparator.comparingInt(String::length).reversed());
    for (String key : keys.subList(0, Math.min(keys.size(), 4))) {
      ToolResult r = tools.search(key, SEARCH_LIMIT);
      for (Map<String, Object> t : TaskTools.tasks(r)) {
        found.putIfAbsent(t.get("id"), t);
      }
    }
    boolean strict = purpose == Purpose.STRICT;
    double min = strict ? 0.66 : 0.5;
    double best = 0;
    double bestCoverage = 0;
    List<Map<String, Object>> top = new ArrayList<>();
    List<Map<String, Object>> candidates =
        preferState(new ArrayList<>(found.values()), purpose, words);
    for (Map<String, Object> t : candidates) {
      double[] s = Words.score(words, String.valueOf(t.get("title")));
      if (s[0] < min || (strict && s[1] < 0.5)) {
        continue;
      }
      if (s[0] > best + 1e-9 || (Math.abs(s[0] - best) < 1e-9 && s[1] > bestCoverage + 1e-9)) {
        best = s[0];
        bestCoverage = s[1];
        top = new ArrayList<>(List.of(t));
      } else if (Math.abs(s[0] - best) < 1e-9 && Math.abs(s[1] - bestCoverage) < 1e-9) {
        top.add(t);
      }
    }
    if (top.size() > 1) {
      List<Map<String, Object>> exact =
          top.stream()
              .filter(t -> String.valueOf(t.get("title")).strip().equalsIgnoreCase(phrase.strip()))
              .toList();
      if (exact.size() == 1) {
        return new ArrayList<>(exact);
      }
    }
    return top;
  }

  private static List<String> splitAnd(String phrase) {
    List<String> parts = new ArrayList<>();
    for (String p : phrase.split("(?i)\\s+and\\s+|\\s*,\\s*|\\s*&\\s*")) {
      if (!p.isBlank()) {
        parts.add(p.strip());
      }
    }
    return parts;
  }

  /** Open tasks when completing or changing, completed ones when reopening; all if none fit. */
  private static List<Map<String, Object>> preferState(
      List<Map<String, Object>> tasks, Purpose purpose, List<String> words) {
    boolean wantCompleted = purpose == Purpose.REOPEN;
    if (purpose == Purpose.DELETE || purpose == Purpose.SHOW) {
      return tasks;
    }
    List<Map<String, Object>> inState =
        tasks.stream()
            .filter(t -> Boolean.TRUE.equals(t.get("completed")) == wantCompleted)
            .filter(t -> Words.score(words, String.valueOf(t.get("title")))[0] >= 0.5)
            .toList();
    return inState.isEmpty() ? tasks : inState;
  }

  /** Asks which of {@code tasks} is meant; the answer is read with the request next turn. */
  private Found ask(List<Map<String, Object>> tasks, Context ctx) {
    List<Map<String, Object>> sorted = new ArrayList<>(tasks);
    sorted.sort(Executor::byDue);
    List<Ref> refs = refs(sorted);
    state.pending = new Pending(Pending.CLARIFY, ctx.message(), ctx.at().toString(), refs);
    state.listed(refs);
    StringBuilder s = new StringBuilder("Which one do you mean?");
    int k = 1;
    for (Map<String, Object> t : sorted) {
      s.append("\n").append(k++).append(". ").append(Replies.task(t, zone, today));
    }
    return Found.say(s.toString());
  }

  private static int byDue(Map<String, Object> a, Map<String, Object> b) {
    String da = dueKey(a);
    String db = dueKey(b);
    int c = da.compareTo(db);
    return c != 0
        ? c
        : String.valueOf(a.get("title")).compareToIgnoreCase(String.valueOf(b.get("title")));
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

  static List<Ref> refs(List<Map<String, Object>> tasks) {
    List<Ref> refs = new ArrayList<>();
    for (Map<String, Object> t : tasks) {
      Long id = TaskTools.id(t.get("id"));
      if (id != null) {
        refs.add(new Ref(id, String.valueOf(t.get("title"))));
      }
    }
    return refs;
  }

  // ---- changing ----

  private String change(List<Map<String, Object>> tasks, Edit edit) {
    if (edit.isEmpty()) {
      return "What should I change? Say e.g. “make it high priority” or “move it to friday”.";
    }
    List<Step> undo = new ArrayList<>();
    List<Map<String, Object>> changed = new ArrayList<>();
    String said = null;
    for (Map<String, Object> task : tasks) {
      Long id = TaskTools.id(task.get("id"));
      Patch patch = patch(task, edit);
      if (patch.error() != null) {
        return patch.error();
      }
      ToolResult r = tools.update(id, patch.fields());
      if (r.isError()) {
        return failed("change " + name(task), r);
      }
      Map<String, Object> before = new LinkedHashMap<>();
      for (String key : patch.fields().keySet()) {
        before.put(key, task.get(key));
      }
      undo.add(new Step("update_task", withId(id, before), null));
      Map<String, Object> after = TaskTools.map(r);
      changed.add(after.isEmpty() ? task : after);
      said = patch.said();
    }
    state.focusOn(refs(changed));
    remember(
        "the change to "
            + (changed.size() == 1 ? name(changed.get(0)) : Replies.plural(changed.size(), "task")),
        undo);
    return "Updated " + names(changed) + ": " + said + ".";
  }

  private record Patch(Map<String, Object> fields, String said, String error) {}

  private Patch patch(Map<String, Object> task, Edit edit) {
    Map<String, Object> f = new LinkedHashMap<>();
    List<String> said = new ArrayList<>();
    if (edit.title() != null) {
      f.put("title", edit.title());
      said.add("renamed to " + Replies.quote(edit.title()));
    }
    if (edit.due() != null) {
      String error = due(task, edit.due(), f, said);
      if (error != null) {
        return new Patch(f, null, error);
      }
    }
    if (edit.priority() != null) {
      f.put("priority", edit.priority());
      said.add(edit.priority().equals("none") ? "no priority" : edit.priority() + " priority");
    }
    if (!edit.addTags().isEmpty() || !edit.removeTags().isEmpty() || edit.clearTags()) {
      List<String> tags = new ArrayList<>();
      if (!edit.clearTags() && task.get("tags") instanceof Collection<?> c) {
        c.forEach(x -> tags.add(x.toString().toLowerCase(Locale.ROOT)));
      }
      List<String> removed = new ArrayList<>();
      for (String tg : edit.removeTags()) {
        if (tags.remove(tg)) {
          removed.add("#" + tg);
        }
      }
      if (!edit.removeTags().isEmpty() && removed.isEmpty() && edit.addTags().isEmpty()) {
        return new Patch(
            f,
            null,
            name(task)
                + " isn't tagged "
                + String.join(" ", edit.removeTags().stream().map(x -> "#" + x).toList())
                + ".");
      }
      List<String> added = new ArrayList<>();
      for (String tg : edit.addTags()) {
        if (!tags.contains(tg)) {
          tags.add(tg);
          added.add("#" + tg);
        }
      }
      f.put("tags", tags);
      if (edit.clearTags() && edit.addTags().isEmpty()) {
        said.add("no tags");
      }
      if (!added.isEmpty()) {
        said.add("tagged " + String.join(" ", added));
      }
      if (!removed.isEmpty()) {
        said.add("untagged " + String.join(" ", removed));
      }
      if (added.isEmpty() && removed.isEmpty() && !edit.clearTags()) {
        said.add(
            "already tagged "
                + String.join(" ", edit.addTags().stream().map(x -> "#" + x).toList()));
      }
    }
    if (edit.clearRecurrence()) {
      f.put("recurrence_rule", null);
      said.add("no longer repeats");
    } else if (edit.recurrence() != null) {
      String error = recurrence(task, edit.recurrence(), f, said);
      if (error != null) {
        return new Patch(f, null, error);
      }
    }
    if (edit.description() != null) {
      String old = task.get("description") == null ? "" : task.get("description").toString();
      String text = edit.description();
      if (edit.appendDescription() && !old.isBlank()) {
        text = old.strip() + "\n" + text;
      }
      f.put("description", text.isEmpty() ? null : text);
      said.add(
          text.isEmpty()
              ? "description removed"
              : edit.appendDescription()
                  ? "note added: " + Replies.quote(edit.description())
                  : "description set to " + Replies.quote(edit.description()));
    }
    return new Patch(f, String.join(", ", said), null);
  }

  /** The due fields for a due change, given the task's due now; an error text or null. */
  private String due(
      Map<String, Object> task, DueEdit edit, Map<String, Object> f, List<String> said) {
    ZonedDateTime dueAt = instant(task.get("due_at"));
    LocalDate dueDate = date(task.get("due_date"));
    if (edit instanceof DueEdit.Clear) {
      f.put("due_at", null);
      f.put("due_date", null);
      said.add("no due date");
      return null;
    }
    if (edit instanceof DueEdit.Shift s) {
      long sign = s.earlier() ? -1 : 1;
      if (dueAt != null) {
        ZonedDateTime moved = dueAt.plus(sign * s.by().count(), s.by().unit());
        setDueAt(f, moved, said);
        return null;
      }
      if (dueDate != null) {
        if (s.by().isClockBased()) {
          return name(task) + " is due on a day, not at a time; say e.g. “push it back a day”.";
        }
        LocalDate moved = dueDate.plus(sign * s.by().count(), s.by().unit());
        setDueDate(f, moved, said);
        return null;
      }
      return name(task) + " has no due date to move; say e.g. “move it to friday”.";
    }
    if (edit instanceof DueEdit.Time tm) {
      if (dueAt != null) {
        setDueAt(f, dueAt.toLocalDate().atTime(tm.time()).atZone(zone), said);
      } else if (dueDate != null) {
        setDueAt(f, dueDate.atTime(tm.time()).atZone(zone), said);
      } else {
        When w = clock.resolve(new When(null, tm.time(), null, false));
        setDueAt(f, w.date().atTime(w.time()).atZone(zone), said);
      }
      return null;
    }
    When w = ((DueEdit.Set) edit).when();
    if (w.exact() != null) {
      setDueAt(f, w.exact().atZone(zone).withSecond(0).withNano(0), said);
      return null;
    }
    if (w.time() != null) {
      When r = clock.resolve(w);
      setDueAt(f, r.date().atTime(r.time()).atZone(zone), said);
      return null;
    }
    LocalDate d = w.date();
    if (dueAt != null) {
      setDueAt(f, d.atTime(dueAt.toLocalTime()).atZone(zone), said);
    } else {
      setDueDate(f, d, said);
    }
    if (task.get("due_at") == null && task.get("due_date") == null) {
      f.put("time_zone", zone.getId());
    }
    return null;
  }

  private void setDueAt(Map<String, Object> f, ZonedDateTime at, List<String> said) {
    f.put("due_at", QuickAdd.format(at));
    f.put("due_date", null);
    said.add("due " + Replies.due(at.toLocalDate(), at.toLocalTime(), today));
  }

  private void setDueDate(Map<String, Object> f, LocalDate d, List<String> said) {
    f.put("due_date", d.toString());
    f.put("due_at", null);
    said.add("due " + Replies.date(d, today));
  }

  /** A new recurrence; a task without a due gets its first occurrence as the due. */
  private String recurrence(
      Map<String, Object> task, RecurrenceSpec spec, Map<String, Object> f, List<String> said) {
    spec = keepDays(spec, task.get("recurrence_rule"));
    ZonedDateTime dueAt = instant(task.get("due_at"));
    LocalDate dueDate = date(task.get("due_date"));
    LocalTime time = dueAt != null ? dueAt.toLocalTime() : spec.defaultTime();
    if (dueAt == null && dueDate == null) {
      LocalDate first = spec.firstOccurrence(clock.now(), time);
      if (time != null) {
        f.put("due_at", QuickAdd.format(first.atTime(time).atZone(zone)));
      } else {
        f.put("due_date", first.toString());
      }
      f.put("time_zone", zone.getId());
    } else if (dueAt != null && spec.defaultTime() != null && !spec.defaultTime().equals(time)) {
      time = dueAt.toLocalTime();
    }
    f.put("recurrence_rule", spec.rrule(zone, time));
    if (spec.fromCompletion()) {
      f.put("recurrence_anchor", "completion");
    }
    said.add("repeats " + spec.describe());
    return null;
  }

  /**
   * "every other week" on a task that repeats on Thursdays keeps the Thursdays; "every 2 months" on
   * one that repeats on the 3rd keeps the 3rd.
   */
  private static RecurrenceSpec keepDays(RecurrenceSpec spec, Object oldRule) {
    if (oldRule == null) {
      return spec;
    }
    Map<String, String> parts = new LinkedHashMap<>();
    for (String part : oldRule.toString().toUpperCase(Locale.ROOT).split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        parts.put(part.substring(0, eq), part.substring(eq + 1));
      }
    }
    if (!spec.freq().name().equals(parts.get("FREQ"))) {
      return spec;
    }
    if (spec.freq() == RecurrenceSpec.Freq.WEEKLY
        && spec.byDay().isEmpty()
        && parts.containsKey("BYDAY")) {
      List<java.time.DayOfWeek> days = new ArrayList<>();
      for (String d : parts.get("BYDAY").split(",")) {
        for (java.time.DayOfWeek w : java.time.DayOfWeek.values()) {
          if (RecurrenceSpec.code(w).equals(d)) {
            days.add(w);
          }
        }
      }
      return days.isEmpty() ? spec : spec.withByDay(days, null);
    }
    if (spec.freq() == RecurrenceSpec.Freq.MONTHLY
        && spec.monthDays().isEmpty()
        && spec.nth() == null
        && parts.containsKey("BYMONTHDAY")) {
      List<Integer> days = new ArrayList<>();
      for (String d : parts.get("BYMONTHDAY").split(",")) {
        try {
          days.add(Integer.parseInt(d));
        } catch (NumberFormatException e) {
          return spec;
        }
      }
      return spec.withMonthDays(null, days);
    }
    return spec;
  }

  // ---- completing ----

  private String complete(List<Map<String, Object>> tasks, boolean done) {
    List<Step> undo = new ArrayList<>();
    List<Map<String, Object>> changed = new ArrayList<>();
    List<String> already = new ArrayList<>();
    for (Map<String, Object> task : tasks) {
      if (Boolean.TRUE.equals(task.get("completed")) == done) {
        already.add(name(task));
        continue;
      }
      Long id = TaskTools.id(task.get("id"));
      ToolResult r = tools.complete(id, done);
      if (r.isError()) {
        return failed((done ? "complete " : "reopen ") + name(task), r);
      }
      undo.add(
          new Step(
              "complete_task",
              done ? withId(id, Map.of("completed", false)) : withId(id, Map.of()),
              null));
      changed.add(task);
    }
    if (changed.isEmpty()) {
      return String.join(", ", already)
          + (already.size() == 1 ? " is" : " are")
          + (done ? " already done." : " still open.");
    }
    state.focusOn(refs(changed));
    remember((done ? "completing " : "reopening ") + names(changed), undo);
    String repeats =
        done && changed.size() == 1 && Boolean.TRUE.equals(changed.get(0).get("is_recurring"))
            ? " The next one is on its way."
            : "";
    return (done ? "Completed " : "Reopened ") + names(changed) + "." + repeats;
  }

  // ---- deleting ----

  private String delete(List<Map<String, Object>> tasks, Context ctx) {
    boolean recurring = tasks.stream().anyMatch(t -> t.get("recurrence_rule") != null);
    if (!ctx.confirmed() && (tasks.size() > 1 || recurring)) {
      List<Ref> refs = refs(tasks);
      state.pending = new Pending(Pending.CONFIRM, ctx.message(), ctx.at().toString(), refs);
      state.listed(refs);
      if (tasks.size() == 1) {
        Map<String, Object> t = tasks.get(0);
        String text =
            t.get("recurrence_text") == null ? "repeats" : "repeats " + t.get("recurrence_text");
        return name(t) + " " + text + ". Delete the whole series? (yes or no)";
      }
      StringBuilder s = new StringBuilder("Delete these " + tasks.size() + " tasks?");
      for (Map<String, Object> t : tasks.subList(0, Math.min(tasks.size(), MAX_SHOWN))) {
        s.append("\n• ").append(Replies.task(t, zone, today));
      }
      if (tasks.size() > MAX_SHOWN) {
        s.append("\n…and ").append(tasks.size() - MAX_SHOWN).append(" more.");
      }
      s.append("\nSay yes to delete them or no to keep them.");
      return s.toString();
    }
    List<Step> undo = new ArrayList<>();
    List<Map<String, Object>> deleted = new ArrayList<>();
    for (Map<String, Object> task : tasks) {
      Long id = TaskTools.id(task.get("id"));
      List<Map<String, Object>> reminders =
          TaskTools.items(tools.listReminders(id).content(), "reminders");
      ToolResult r = tools.delete(id);
      if (r.isError()) {
        return failed("delete " + name(task), r);
      }
      undo.add(
          new Step(
              "recreate",
              recreateArguments(task, reminders),
              Boolean.TRUE.equals(task.get("completed")) ? Boolean.TRUE : null));
      deleted.add(task);
    }
    state.focus = new ArrayList<>();
    state.listed = new ArrayList<>();
    state.recent = null;
    remember("deleting " + names(deleted), undo);
    return "Deleted " + names(deleted) + ".";
  }

  /** The add_task arguments that bring back a deleted task as it was. */
  private static Map<String, Object> recreateArguments(
      Map<String, Object> task, List<Map<String, Object>> reminders) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("title", task.get("title"));
    if (task.get("description") != null && !task.get("description").toString().isEmpty()) {
      a.put("description", task.get("description"));
    }
    if (task.get("priority") != null && !"none".equals(task.get("priority"))) {
      a.put("priority", task.get("priority"));
    }
    if (task.get("tags") instanceof Collection<?> c && !c.isEmpty()) {
      a.put("tags", new ArrayList<>(c));
    }
    if (task.get("due_at") != null) {
      a.put("due_at", task.get("due_at"));
    }
    if (task.get("due_date") != null) {
      a.put("due_date", task.get("due_date"));
    }
    if (task.get("time_zone") != null) {
      a.put("time_zone", task.get("time_zone"));
    }
    if (task.get("recurrence_rule") != null) {
      a.put("recurrence_rule", task.get("recurrence_rule"));
      if ("completion".equals(task.get("recurrence_anchor"))) {
        a.put("recurrence_anchor", "completion");
      }
    }
    List<Map<String, Object>> specs = new ArrayList<>();
    for (Map<String, Object> r : reminders) {
      if (r.get("status") != null && !"scheduled".equals(r.get("status"))) {
        continue;
      }
      Map<String, Object> spec = new LinkedHashMap<>();
      if (r.get("before_due") != null) {
        spec.put("before_due", r.get("before_due"));
        if (r.get("time_of_day") != null) {
          spec.put("time_of_day", r.get("time_of_day"));
        }
      } else if (r.get("remind_at") != null) {
        spec.put("remind_at", r.get("remind_at"));
      } else {
        continue;
      }
      specs.add(spec);
    }
    if (!specs.isEmpty()) {
      a.put("reminders", specs);
    }
    return a;
  }

  // ---- showing ----

  private String show(List<Map<String, Object>> tasks) {
    StringBuilder s = new StringBuilder();
    for (Map<String, Object> t : tasks) {
      if (s.length() > 0) {
        s.append("\n");
      }
      s.append(Replies.task(t, zone, today));
      if (t.get("recurrence_text") != null) {
        s.append(", repeats ").append(t.get("recurrence_text"));
      }
      if (t.get("description") instanceof String d && !d.isBlank()) {
        s.append("\n").append(d);
      }
    }
    if (tasks.size() == 1
        && tasks.get(0).get("due_at") == null
        && tasks.get(0).get("due_date") == null) {
      s.append(" has no due date.");
    }
    state.focusOn(refs(tasks));
    return s.toString();
  }

  // ---- reminders ----

  private String remind(List<Map<String, Object>> tasks, List<ReminderTime> times) {
    List<Step> undo = new ArrayList<>();
    List<String> said = new ArrayList<>();
    for (Map<String, Object> task : tasks) {
      Long id = TaskTools.id(task.get("id"));
      for (ReminderTime t : times) {
        Map<String, Object> spec = reminderSpec(t, task);
        if (spec == null) {
          return name(task)
              + " has no due date to count back from; say when, e.g. “remind me about it friday at"
              + " 10”.";
        }
        ToolResult r = tools.setReminder(id, spec);
        if (r.isError()) {
          return failed("set a reminder for " + name(task), r);
        }
        Map<String, Object> reminder = TaskTools.map(r);
        Long rid = TaskTools.id(reminder.get("id"));
        if (rid != null) {
          undo.add(
              new Step(
                  "delete_reminder",
                  ConversationState.args("task_id", id, "reminder_id", rid),
                  null));
        }
        said.add(reminderPhrase(reminder));
      }
    }
    state.focusOn(refs(tasks));
    remember("the reminder for " + names(tasks), undo);
    return "I'll remind you about " + names(tasks) + " " + String.join(" and ", said) + ".";
  }

  /** The set_reminder fields for a spoken reminder time on {@code task}; null when impossible. */
  private Map<String, Object> reminderSpec(ReminderTime t, Map<String, Object> task) {
    ZonedDateTime dueAt = instant(task.get("due_at"));
    LocalDate dueDate = date(task.get("due_date"));
    boolean hasDue = dueAt != null || dueDate != null;
    if (t.beforeDue() != null) {
      return hasDue ? ConversationState.args("before_due", t.beforeDue().iso()) : null;
    }
    if (t.dayBefore() != null) {
      LocalDate day = dueAt != null ? dueAt.toLocalDate() : dueDate;
      if (day == null) {
        return null;
      }
      return ConversationState.args(
          "remind_at",
          QuickAdd.format(day.minusDays(t.daysBefore()).atTime(t.dayBefore()).atZone(zone)));
    }
    if (t.at() == null) {
      return hasDue ? ConversationState.args("before_due", "PT0S") : null;
    }
    When w = clock.resolve(t.at());
    ZonedDateTime at =
        w.exact() != null
            ? w.exact().atZone(zone)
            : w.date().atTime(w.time() == null ? LocalTime.of(9, 0) : w.time()).atZone(zone);
    return ConversationState.args("remind_at", QuickAdd.format(at));
  }

  /** "45 minutes before it's due (Thu Dec 10 at 14:45)", "on Fri Dec 4 at 10:00". */
  private String reminderPhrase(Map<String, Object> reminder) {
    ZonedDateTime at = instant(reminder.get("remind_at"));
    String when = at == null ? "" : Replies.due(at.toLocalDate(), at.toLocalTime(), today);
    Object before = reminder.get("before_due");
    if (before != null) {
      Duration d;
      try {
        d = Duration.parse(before.toString());
      } catch (DateTimeParseException e) {
        return "before it's due";
      }
      String lead = d.isZero() ? "when it's due" : Amount.of(d).describe() + " before it's due";
      return lead + (when.isEmpty() ? "" : " (" + when + ")");
    }
    return when.isEmpty()
        ? ""
        : (when.startsWith("today") || when.startsWith("tomorrow") ? when : "on " + when);
  }

  private String unremind(List<Map<String, Object>> tasks) {
    List<Step> undo = new ArrayList<>();
    int removed = 0;
    for (Map<String, Object> task : tasks) {
      Long id = TaskTools.id(task.get("id"));
      for (Map<String, Object> rem :
          TaskTools.items(tools.listReminders(id).content(), "reminders")) {
        if (rem.get("status") != null && !"scheduled".equals(rem.get("status"))) {
          continue;
        }
        Long rid = TaskTools.id(rem.get("id"));
        ToolResult r = tools.deleteReminder(id, rid);
        if (r.isError()) {
          return failed("remove a reminder of " + name(task), r);
        }
        removed++;
        Map<String, Object> spec = withId(id, Map.of());
        if (rem.get("before_due") != null) {
          spec.put("before_due", rem.get("before_due"));
          if (rem.get("time_of_day") != null) {
            spec.put("time_of_day", rem.get("time_of_day"));
          }
        } else {
          spec.put("remind_at", rem.get("remind_at"));
        }
        undo.add(new Step("set_reminder", spec, null));
      }
    }
    state.focusOn(refs(tasks));
    if (removed == 0) {
      return names(tasks) + (tasks.size() == 1 ? " has" : " have") + " no reminders.";
    }
    remember("removing the reminders of " + names(tasks), undo);
    return "Removed " + Replies.plural(removed, "reminder") + " from " + names(tasks) + ".";
  }

  private String listReminders(List<Map<String, Object>> tasks) {
    StringBuilder s = new StringBuilder();
    for (Map<String, Object> task : tasks) {
      Long id = TaskTools.id(task.get("id"));
      ToolResult r = tools.listReminders(id);
      if (r.isError()) {
        return failed("list the reminders of " + name(task), r);
      }
      List<Map<String, Object>> reminders = TaskTools.items(r.content(), "reminders");
      if (s.length() > 0) {
        s.append("\n");
      }
      if (reminders.isEmpty()) {
        s.append(name(task)).append(" has no reminders.");
        continue;
      }
      s.append(name(task))
          .append(" has ")
          .append(Replies.plural(reminders.size(), "reminder"))
          .append(":");
      for (Map<String, Object> rem : reminders) {
        s.append("\n• ").append(reminderPhrase(rem));
      }
    }
    state.focusOn(refs(tasks));
    return s.toString();
  }

  // ---- listing and searching ----

  private String query(ListQuery q) {
    List<Map<String, Object>> tasks =
        select(q, q.count() ? 200 : q.limit() == null ? 100 : q.limit());
    String label = labelOf(q);
    if (q.count()) {
      state.listed(refs(tasks));
      return "You have "
          + Replies.plural(tasks.size(), labelNoun(q))
          + (q.label().isEmpty() ? "" : "")
          + ".";
    }
    if (tasks.isEmpty()) {
      state.listed(List.of());
      return "You have no " + label + ".";
    }
    List<Map<String, Object>> shown = tasks.subList(0, Math.min(tasks.size(), MAX_SHOWN));
    state.listed(refs(shown));
    StringBuilder s =
        new StringBuilder(
            tasks.size() == 1
                ? "You have 1 " + label.replaceFirst("tasks", "task") + ":"
                : "You have " + tasks.size() + " " + label + ":");
    for (Map<String, Object> t : shown) {
      s.append("\n• ").append(Replies.task(t, zone, today));
    }
    if (tasks.size() > shown.size()) {
      s.append("\n…and ").append(tasks.size() - shown.size()).append(" more.");
    }
    return s.toString();
  }

  private static String labelNoun(ListQuery q) {
    String adjective =
        "completed".equals(q.status()) ? "completed " : q.overdue() ? "overdue " : "open ";
    return adjective + "task";
  }

  private static String labelOf(ListQuery q) {
    String label = q.label();
    if (label.isEmpty()) {
      return "matching tasks";
    }
    if (label.startsWith("completed ") && label.length() > 10 && q.completedSince() != null) {
      return "tasks completed " + label.substring(10);
    }
    if (label.startsWith("due ") || label.startsWith("matching ") || label.startsWith("about ")) {
      return "tasks " + label;
    }
    int due = label.indexOf(" due ");
    int matching = label.indexOf(" matching ");
    int about = label.indexOf(" about ");
    int cut = label.length();
    for (int k : new int[] {due, matching, about}) {
      if (k >= 0 && k < cut) {
        cut = k;
      }
    }
    return label.substring(0, cut) + " tasks" + label.substring(cut);
  }

  /** The tasks a query selects, through list_tasks (and words of titles for nouns and searches). */
  private List<Map<String, Object>> select(ListQuery q, int limit) {
    Map<String, Object> a = new LinkedHashMap<>();
    String status = q.status();
    boolean searching = q.search() != null;
    if (searching
        && "pending".equals(status)
        && q.priorities().isEmpty()
        && q.tags().isEmpty()
        && q.dueAfter() == null
        && q.dueBefore() == null
        && !q.overdue()) {
      status = "all";
    }
    a.put("status", q.completedSince() != null ? "completed" : status);
    if (!q.priorities().isEmpty()) {
      a.put("priority", q.priorities());
    }
    if (!q.tags().isEmpty()) {
      a.put("tags", q.tags());
    }
    if (q.dueAfter() != null) {
      a.put("due_after", q.dueAfter().toString());
    }
    if (q.dueBefore() != null) {
      a.put("due_before", q.dueBefore().toString());
    }
    if (q.overdue()) {
      a.put("overdue", true);
    }
    if (q.hasDue() != null) {
      a.put("has_due", q.hasDue());
    }
    String sortBy = q.sortBy();
    if (sortBy == null) {
      sortBy = q.completedSince() != null || "completed".equals(status) ? "updated_at" : "due";
    }
    a.put("sort_by", sortBy);
    if (q.sortOrder() != null) {
      a.put("sort_order", q.sortOrder());
    }
    if ("due".equals(sortBy)
        && q.limit() != null
        && q.dueAfter() == null
        && q.dueBefore() == null
        && !q.overdue()) {
      a.put("has_due", true);
    }
    a.put("limit", Math.min(200, Math.max(1, q.completedSince() != null ? 200 : limit)));
    List<Map<String, Object>> tasks;
    List<String> words = new ArrayList<>();
    List<String> raw = new ArrayList<>();
    if (searching) {
      words.addAll(Words.content(q.search()));
      raw.addAll(Words.raw(q.search()));
    }
    if (!q.nouns().isEmpty()) {
      List<Map<String, Object>> tagged = null;
      if (q.nouns().size() == 1) {
        tagged = byTag(a, q.nouns().get(0));
      }
      if (tagged != null) {
        tasks = tagged;
      } else {
        for (String noun : q.nouns()) {
          words.add(Words.stem(noun));
          raw.add(noun);
        }
        tasks = byWords(a, words, raw);
      }
    } else if (!words.isEmpty()) {
      tasks = byWords(a, words, raw);
    } else {
      tasks = TaskTools.tasks(tools.list(a));
    }
    if (q.completedSince() != null) {
      List<Map<String, Object>> since = new ArrayList<>();
      for (Map<String, Object> t : tasks) {
        ZonedDateTime done = instant(t.get("completed_at"));
        if (done != null && !done.toInstant().isBefore(q.completedSince())) {
          since.add(t);
        }
      }
      tasks = since;
    }
    return tasks.size() > limit ? tasks.subList(0, limit) : tasks;
  }

  /** Tasks tagged with the noun (or its singular or plural), or null when there are none. */
  private List<Map<String, Object>> byTag(Map<String, Object> base, String noun) {
    List<String> variants = new ArrayList<>(List.of(noun));
    String stem = Words.stem(noun);
    if (!variants.contains(stem)) {
      variants.add(stem);
    }
    if (!noun.endsWith("s")) {
      variants.add(noun + "s");
    }
    for (String v : variants) {
      if (!QuickAddParser.TAG.matcher(v).matches()) {
        continue;
      }
      Map<String, Object> a = new LinkedHashMap<>(base);
      List<String> tags = new ArrayList<>();
      if (base.get("tags") instanceof Collection<?> c) {
        c.forEach(x -> tags.add(x.toString()));
      }
      tags.add(v);
      a.put("tags", tags);
      List<Map<String, Object>> found = TaskTools.tasks(tools.list(a));
      if (!found.isEmpty()) {
        return found;
      }
    }
    return null;
  }

  /** Tasks whose title or description has the words, best matches first. */
  private List<Map<String, Object>> byWords(
      Map<String, Object> base, List<String> words, List<String> tagWords) {
    Map<Object, Map<String, Object>> found = new LinkedHashMap<>();
    List<String> keys = new ArrayList<>();
    for (String w : words) {
      String key = Words.searchKey(w);
      if (!keys.contains(key)) {
        keys.add(key);
      }
    }
    for (String key : keys) {
      Map<String, Object> a = new LinkedHashMap<>(base);
      a.put("search", key);
      for (Map<String, Object> t : TaskTools.tasks(tools.list(a))) {
        found.putIfAbsent(t.get("id"), t);
      }
    }
    // a word may be a tag ("tasks about shopping")
    for (String tag : tagWords) {
      if (!QuickAddParser.TAG.matcher(tag).matches() || base.containsKey("tags")) {
        continue;
      }
      Map<String, Object> a = new LinkedHashMap<>(base);
      a.put("tags", List.of(tag));
      for (Map<String, Object> t : TaskTools.tasks(tools.list(a))) {
        found.putIfAbsent(t.get("id"), t);
      }
    }
    List<Map<String, Object>> all = new ArrayList<>(found.values());
    double best = 0;
    for (Map<String, Object> t : all) {
      best = Math.max(best, matchScore(words, t));
    }
    if (best == 0) {
      return List.of();
    }
    double bar = best;
    List<Map<String, Object>> top = new ArrayList<>();
    for (Map<String, Object> t : all) {
      if (matchScore(words, t) >= bar - 1e-9) {
        top.add(t);
      }
    }
    return top;
  }

  private static double matchScore(List<String> words, Map<String, Object> t) {
    String tags =
        t.get("tags") instanceof Collection<?> c
            ? String.join(" ", c.stream().map(Object::toString).toList())
            : "";
    String text =
        t.get("title")
            + " "
            + (t.get("description") == null ? "" : t.get("description"))
            + " "
            + tags;
    return Words.score(words, text)[0];
  }

  // ---- undo ----

  private void remember(String summary, List<Step> steps) {
    state.undo = steps.isEmpty() ? null : new ConversationState.Undo(summary, steps);
  }

  private String undo() {
    ConversationState.Undo u = state.undo;
    if (u == null || u.steps() == null || u.steps().isEmpty()) {
      return "There's nothing to undo.";
    }
    state.undo = null;
    List<Ref> touched = new ArrayList<>();
    List<Step> steps = new ArrayList<>(u.steps());
    java.util.Collections.reverse(steps);
    for (Step step : steps) {
      if ("recreate".equals(step.tool())) {
        ToolResult r = tools.add(new LinkedHashMap<>(step.arguments()));
        if (r.isError()) {
          return failed("undo " + u.summary(), r);
        }
        Long id = TaskTools.id(TaskTools.map(r).get("id"));
        if (id != null) {
          touched.add(new Ref(id, String.valueOf(step.arguments().get("title"))));
          if (Boolean.TRUE.equals(step.completeAfter())) {
            tools.complete(id, true);
          }
        }
        continue;
      }
      ToolResult r = tools.call(step.tool(), new LinkedHashMap<>(step.arguments()));
      if (r.isError()) {
        return failed("undo " + u.summary(), r);
      }
      Long id = TaskTools.id(step.arguments().get("task_id"));
      if (id != null && !"delete_task".equals(step.tool())) {
        touched.add(new Ref(id, String.valueOf(TaskTools.map(r).getOrDefault("title", ""))));
      }
    }
    if (!touched.isEmpty()) {
      state.focusOn(touched);
    } else {
      state.focus = new ArrayList<>();
      state.recent = null;
    }
    return "Undone: I reverted " + u.summary() + ".";
  }

  // ---- helpers ----

  private static Map<String, Object> withId(long id, Map<String, Object> fields) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("task_id", id);
    a.putAll(fields);
    return a;
  }

  private static String name(Map<String, Object> task) {
    return Replies.quote(String.valueOf(task.get("title")));
  }

  private static String names(List<Map<String, Object>> tasks) {
    if (tasks.size() == 1) {
      return name(tasks.get(0));
    }
    List<String> names = tasks.stream().map(Executor::name).toList();
    if (names.size() > 5) {
      return tasks.size() + " tasks";
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " and "
        + names.get(names.size() - 1);
  }

  private ZonedDateTime instant(Object text) {
    return text == null ? null : Replies.parseInstant(text.toString(), zone);
  }

  private static LocalDate date(Object text) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text.toString());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String failed(String what, ToolResult r) {
    String message =
        r.message() == null || r.message().isBlank() ? "an unknown error" : r.message();
    return "Sorry, I couldn't " + what + ": " + message;
  }
}
