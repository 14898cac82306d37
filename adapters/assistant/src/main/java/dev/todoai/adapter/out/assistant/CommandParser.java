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
import dev.todoai.adapter.out.assistant.DateGrammar.ReminderTime;
import dev.todoai.adapter.out.assistant.DateGrammar.When;
import dev.todoai.adapter.out.assistant.Token.Kind;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads a chat message into a {@link Command}: a verb-first grammar, quick-add as fallback. */
final class CommandParser {

  private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}_/-]{1,40}");
  private static final String[][] POLITE = {
    {"please"},
    {"pls"},
    {"plz"},
    {"hey"},
    {"hi"},
    {"ok"},
    {"okay"},
    {"so"},
    {"now"},
    {"can", "you"},
    {"could", "you"},
    {"would", "you"},
    {"will", "you"},
    {"can", "u"},
    {"i", "want", "to"},
    {"i'd", "like", "to"},
    {"i", "would", "like", "to"},
    {"i", "need", "you", "to"},
    {"let's"},
    {"lets"},
    {"go", "ahead", "and"},
    {"just"}
  };
  private static final Set<String> LIST_VERBS =
      Set.of(
          "list",
          "show",
          "display",
          "view",
          "what",
          "what's",
          "whats",
          "which",
          "any",
          "anything",
          "do",
          "how",
          "agenda",
          "give",
          "tell",
          "get",
          "are",
          "is");
  private static final Set<String> LIST_FILLER =
      Set.of(
          "my",
          "me",
          "the",
          "a",
          "an",
          "all",
          "tasks",
          "task",
          "todos",
          "todo",
          "to-dos",
          "to-do",
          "items",
          "item",
          "things",
          "stuff",
          "do",
          "does",
          "i",
          "have",
          "got",
          "is",
          "are",
          "there",
          "any",
          "anything",
          "what",
          "what's",
          "whats",
          "which",
          "list",
          "show",
          "display",
          "view",
          "get",
          "give",
          "tell",
          "due",
          "on",
          "for",
          "of",
          "that",
          "left",
          "plate",
          "agenda",
          "everything",
          "how",
          "many",
          "much",
          "i've",
          "ive",
          "need",
          "to",
          "should",
          "still",
          "us",
          "please",
          "and",
          "with",
          "in",
          "lined",
          "up",
          "coming",
          "scheduled",
          "planned",
          "priority",
          "it",
          "be",
          "done?");
  private static final Set<String> QUESTION_WORDS =
      Set.of(
          "list", "show", "display", "view", "what", "what's", "whats", "which", "how", "agenda");

  private final ZoneId zone;
  private final Instant now;
  private final QuickAddParser quickAdd;

  private List<Token> t;
  private DateGrammar g;

  CommandParser(ZoneId zone, Instant now, QuickAddParser quickAdd) {
    this.zone = zone;
    this.now = now;
    this.quickAdd = quickAdd;
  }

  Command parse(String message) {
    t = normalize(Tokenizer.tokenize(message));
    g = new DateGrammar(t, zone, now);
    if (t.isEmpty()) {
      return new Unknown(null);
    }
    Command c = verbFirst();
    if (c != null) {
      return c;
    }
    QuickAdd q = quickAdd.interpret(t, zone, now, false);
    if (q.hasAttributes() && !q.title().isEmpty()) {
      return new Add(q);
    }
    ListTasks list = list(0, true);
    if (list != null) {
      return list;
    }
    return new Unknown(null);
  }

  private static List<Token> normalize(List<Token> tokens) {
    List<Token> l = new ArrayList<>(tokens);
    boolean changed = true;
    while (changed && !l.isEmpty()) {
      changed = false;
      Token last = l.get(l.size() - 1);
      if ((last.kind() == Kind.PUNCT && "?!.".contains(last.text()))
          || last.is("please", "thanks")) {
        l.remove(l.size() - 1);
        changed = true;
      }
      for (String[] p : POLITE) {
        if (startsWith(l, p) && l.size() > p.length) {
          l.subList(0, p.length).clear();
          if (!l.isEmpty() && l.get(0).isPunct(",")) {
            l.remove(0);
          }
          changed = true;
          break;
        }
      }
    }
    return l;
  }

  private static boolean startsWith(List<Token> l, String[] words) {
    if (l.size() < words.length) {
      return false;
    }
    for (int k = 0; k < words.length; k++) {
      if (!l.get(k).is(words[k])) {
        return false;
      }
    }
    return true;
  }

  // ---- verb-first commands ----

  private Command verbFirst() {
    Token first = t.get(0);
    String w = first.kind() == Kind.WORD ? first.lower() : "";
    int end = t.size();

    int k = g.phrase(0, "remind", "me", "to|that");
    if (k > 0) {
      QuickAdd q = quickAdd.interpret(t.subList(k, end), zone, now, true);
      return q.title().isEmpty() ? new Unknown("What should I remind you of?") : new Add(q);
    }
    k = g.phrase(0, "remind", "me", "about|of");
    if (k > 0) {
      return reminderFor(k, end);
    }
    switch (w) {
      case "add", "create", "new" -> {
        return add(1);
      }
      case "complete", "completed", "done", "close", "finished" -> {
        return new Complete(ref(1, end), true);
      }
      case "uncomplete",
          "reopen",
          "undo",
          "unmark",
          "un-complete",
          "uncheck",
          "incomplete",
          "restore",
          "unfinish" -> {
        return new Complete(ref(1, end), false);
      }
      case "delete", "remove", "drop", "erase", "trash", "cancel" -> {
        return delete(1, end);
      }
      case "move", "reschedule", "postpone", "push", "defer", "delay", "shift" -> {
        return reschedule(1, end);
      }
      case "rename", "retitle" -> {
        return rename(1, end);
      }
      case "tag", "label" -> {
        return tag(1, end);
      }
      case "untag", "unlabel" -> {
        return untag(1, end);
      }
      case "prioritize", "prioritise" -> {
        Parsed<String> p = tailPriority(1, end);
        return p == null
            ? new SetPriority(ref(1, end), "high")
            : new SetPriority(ref(1, p.next()), p.value());
      }
      case "deprioritize", "deprioritise" -> {
        return new SetPriority(ref(1, end), "low");
      }
      case "set", "change", "update", "make", "mark", "edit" -> {
        return modify(1, end, w);
      }
      case "find", "search", "look", "lookup" -> {
        return search(1, end);
      }
      case "details" -> {
        int r = g.word(1, "of", "for", "on") ? 2 : 1;
        return new Show(ref(r, end));
      }
      default -> {}
    }
    if (t.get(0).is("check", "tick", "cross") && g.word(1, "off")) {
      return new Complete(ref(2, end), true);
    }
    int rid = g.phrase(0, "get", "rid", "of");
    if (rid > 0) {
      return delete(rid, end);
    }
    if (LIST_VERBS.contains(w)) {
      Command c = listOrShow(end);
      if (c != null || QUESTION_WORDS.contains(w)) {
        return c == null ? new Unknown(null) : c;
      }
    }
    int did = g.phrase(0, "i", "did|finished|completed|done");
    if (did < 0) {
      did = g.phrase(0, "i've|ive|i", "done|finished|completed");
    }
    if (did < 0) {
      did = g.phrase(0, "i", "have", "done|finished|completed");
    }
    if (did > 0) {
      return new Complete(ref(did, end), true);
    }
    for (String[] tail :
        new String[][] {{"is", "done"}, {"is", "finished"}, {"is", "complete"}, {"done"}}) {
      int from = end - tail.length;
      if (from > 0 && g.phrase(from, tail) == end) {
        return new Complete(ref(0, from), true);
      }
    }
    int due = dueIs(0, end);
    if (due > 0) {
      return reschedule(0, end);
    }
    if (g.word(0, "open") && isIdRef(1, end)) {
      return new Show(ref(1, end));
    }
    if (isIdRef(0, end)) {
      return new Show(ref(0, end));
    }
    return null;
  }

  private Command listOrShow(int end) {
    if (g.word(0, "show", "get", "view", "display") && isIdRef(1, end)) {
      return new Show(ref(1, end));
    }
    Command reminders = listReminders();
    if (reminders != null) {
      return reminders;
    }
    return list(0, false);
  }

  private int dueIs(int from, int end) {
    for (int k = from + 1; k < end - 1; k++) {
      if (g.word(k, "is") && g.word(k + 1, "due")) {
        return k;
      }
    }
    return -1;
  }

  private Command add(int i) {
    int end = t.size();
    int j = i;
    if (t.size() <= j) {
      return new Unknown("What should the task be called?");
    }
    if (g.at(j).kind() == Kind.HASHTAG || g.word(j, "tag", "tags", "label", "labels")) {
      int to = lastWord(j, end, "to");
      if (to > j) {
        List<String> tags = tagsIn(g.word(j, "tag", "tags", "label", "labels") ? j + 1 : j, to);
        if (!tags.isEmpty()) {
          return new Retag(ref(to + 1, end), tags, List.of());
        }
      }
    }
    int rem = g.word(j, "a", "an") ? j + 1 : j;
    if (g.word(rem, "reminder")) {
      int r = g.word(rem + 1, "to", "for", "on", "about") ? rem + 2 : rem + 1;
      return reminderFor(r, end);
    }
    if (g.word(j, "a", "an")) {
      j++;
    }
    if (g.word(j, "new")) {
      j++;
    }
    if (g.word(j, "task", "todo", "to-do", "item", "entry")) {
      j++;
    }
    if (g.punct(j, ":") || g.punct(j, "-")) {
      j++;
    }
    if (g.word(j, "to", "called", "named", "titled")) {
      j++;
    }
    int stop = end;
    for (String[] tail :
        new String[][] {
          {"to", "my", "list"},
          {"to", "the", "list"},
          {"to", "my", "tasks"},
          {"to", "my", "todo", "list"},
          {"to", "my", "to-do", "list"},
          {"to", "the", "todo", "list"},
          {"to", "my", "todos"},
          {"to", "the", "to-do", "list"},
          {"to", "my", "todo"}
        }) {
      int from = end - tail.length;
      if (from > j && g.phrase(from, tail) == end) {
        stop = from;
        break;
      }
    }
    QuickAdd q = quickAdd.interpret(t.subList(j, stop), zone, now, false);
    return q.title().isEmpty() ? new Unknown("What should the task be called?") : new Add(q);
  }

  private Command delete(int i, int end) {
    int j = g.word(i, "the", "a") ? i + 1 : i;
    if (g.word(j, "reminder")) {
      Token id = g.at(j + 1);
      if (id != null && id.kind() == Kind.NUMBER) {
        int r = g.word(j + 2, "from", "of", "on", "for") ? j + 3 : j + 2;
        return new DeleteReminder(ref(r, end), id.intValue());
      }
      return new Unknown("Which reminder? Say e.g. “delete reminder 3 from pay rent”.");
    }
    int from = lastWord(i, end, "from");
    if (from > i
        && (g.at(i).kind() == Kind.HASHTAG || g.word(i, "tag", "tags", "label", "labels"))) {
      List<String> tags = tagsIn(g.word(i, "tag", "tags", "label", "labels") ? i + 1 : i, from);
      if (!tags.isEmpty()) {
        return new Retag(ref(from + 1, end), List.of(), tags);
      }
    }
    return new Delete(ref(i, end));
  }

  private Command reschedule(int i, int end) {
    boolean postpone = g.word(0, "postpone", "push", "defer", "delay", "shift", "move");
    for (int k = i + 1; k < end; k++) {
      if (postpone && g.word(k, "by")) {
        Parsed<Amount> a = g.amount(k + 1);
        if (a != null && a.next() == end) {
          return new Postpone(ref(i, k), a.value());
        }
      }
      int s = g.word(k, "to", "till", "til", "into") ? k + 1 : k;
      if (g.word(k, "is") && g.word(k + 1, "due")) {
        s = k + 2;
      }
      Parsed<When> w = g.when(s);
      if (w != null && w.next() == end && k > i) {
        return new Reschedule(refUntil(i, k), w.value());
      }
    }
    return new Unknown("When should it be due? Say e.g. “move dentist to friday 3pm”.");
  }

  private TaskRef refUntil(int i, int k) {
    int e = k;
    if (e - 1 > i && g.word(e - 1, "due")) {
      e--;
    }
    return ref(i, e);
  }

  private Command rename(int i, int end) {
    int to = lastWord(i + 1, end, "to", "as", "into");
    if (to <= i || to >= end - 1) {
      return new Unknown("Say e.g. “rename buy milk to buy oat milk”.");
    }
    return new Rename(ref(i, to), text(to + 1, end));
  }

  private Command tag(int i, int end) {
    int with = lastWord(i + 1, end, "with", "as");
    if (with > i) {
      List<String> tags = tagsIn(with + 1, end);
      if (!tags.isEmpty()) {
        return new Retag(ref(i, with), tags, List.of());
      }
    }
    int firstTag = firstHashtag(i + 1, end);
    if (firstTag > i) {
      return new Retag(ref(i, firstTag), tagsIn(firstTag, end), List.of());
    }
    return new Unknown("Say e.g. “tag pay rent with #home”.");
  }

  private Command untag(int i, int end) {
    int firstTag = firstHashtag(i + 1, end);
    if (firstTag > i) {
      return new Retag(ref(i, firstTag), List.of(), tagsIn(firstTag, end));
    }
    return new Unknown("Say e.g. “untag pay rent #home”.");
  }

  /** "set/change/make/mark ..." followed by a due, a title, a priority, a state or a reminder. */
  private Command modify(int i, int end, String verb) {
    int j = g.word(i, "the") ? i + 1 : i;
    int rem = g.word(j, "a", "an") ? j + 1 : j;
    if (g.word(rem, "reminder")) {
      int r = g.word(rem + 1, "to", "for", "on", "about") ? rem + 2 : rem + 1;
      return reminderFor(r, end);
    }
    int dueOf = g.phrase(j, "due", "date", "of|for");
    if (dueOf < 0) {
      dueOf = g.phrase(j, "due", "of|for");
    }
    if (dueOf < 0) {
      dueOf = g.phrase(j, "deadline", "of|for");
    }
    if (dueOf > 0) {
      return reschedule(dueOf, end);
    }
    int titleOf = g.phrase(j, "title|name", "of|for");
    if (titleOf > 0) {
      return rename(titleOf, end);
    }
    if (verb.equals("mark")) {
      Command state = markState(i, end);
      if (state != null) {
        return state;
      }
    }
    int prioOf = g.phrase(j, "priority", "of|for|on");
    int refStart = prioOf > 0 ? prioOf : i;
    Parsed<String> p = tailPriority(refStart + 1, end);
    if (p != null) {
      int refEnd = p.next();
      if (refEnd - 1 > refStart && g.word(refEnd - 1, "priority")) {
        refEnd--;
      }
      if (refEnd - 1 > refStart && g.word(refEnd - 1, "'s")) {
        refEnd--;
      }
      return new SetPriority(ref(refStart, refEnd), p.value());
    }
    if (verb.equals("set") || verb.equals("change") || verb.equals("update")) {
      return reschedule(i, end);
    }
    return null;
  }

  private Command markState(int i, int end) {
    String[][] undone = {
      {"not", "done"},
      {"not", "complete"},
      {"not", "completed"},
      {"undone"},
      {"incomplete"},
      {"open"},
      {"uncompleted"},
      {"pending"},
      {"todo"},
      {"not", "finished"},
      {"unfinished"}
    };
    String[][] done = {{"done"}, {"complete"}, {"completed"}, {"finished"}, {"as", "done"}};
    for (String[] tail : undone) {
      int from = end - tail.length;
      if (from > i && g.phrase(from, tail) == end) {
        return new Complete(ref(i, g.word(from - 1, "as") ? from - 1 : from), false);
      }
    }
    for (String[] tail : done) {
      int from = end - tail.length;
      if (from > i && g.phrase(from, tail) == end) {
        return new Complete(ref(i, g.word(from - 1, "as") ? from - 1 : from), true);
      }
    }
    return null;
  }

  /** A priority phrase that ends the message: "to high", "as urgent", "p1", "high priority". */
  private Parsed<String> tailPriority(int from, int end) {
    for (int k = from; k < end; k++) {
      int s = k;
      while (g.word(s, "to", "as", "a", "an", "priority", "is")) {
        s++;
      }
      Parsed<String> p = QuickAddParser.priorityAt(g, s);
      if (p == null && g.word(s, "high", "medium", "low", "none", "normal", "urgent", "top")) {
        int n = g.word(s + 1, "priority") ? s + 2 : s + 1;
        p = new Parsed<>(QuickAddParser.level(g.at(s).lower()), n);
      }
      if (p != null && p.next() == end) {
        return new Parsed<>(p.value(), k);
      }
    }
    return null;
  }

  private Command reminderFor(int i, int end) {
    for (int k = i + 1; k < end; k++) {
      int s = g.word(k, "to") ? k + 1 : k;
      Parsed<ReminderTime> r = g.reminderTime(s);
      if (r != null && r.next() == end) {
        return new SetReminder(ref(i, k), r.value());
      }
    }
    return new Unknown(
        "When should I remind you? Say e.g. “remind me about pay rent 1 day before”.");
  }

  private Command listReminders() {
    int end = t.size();
    for (int k = 0; k < end; k++) {
      if (g.word(k, "reminders")) {
        int r = g.word(k + 1, "for", "of", "on") ? k + 2 : k + 1;
        if (r < end && k <= 3) {
          return new ListReminders(ref(r, end));
        }
      }
    }
    return null;
  }

  private Command search(int i, int end) {
    int j = i;
    boolean progress = true;
    while (progress && j < end) {
      progress = false;
      int n = g.phrase(j, "related", "to");
      if (n < 0) {
        n = g.phrase(j, "that", "mention|mentions|contain|contains");
      }
      if (n < 0
          && g.word(
              j,
              "up",
              "for",
              "my",
              "tasks",
              "task",
              "todos",
              "about",
              "with",
              "mentioning",
              "containing",
              "matching",
              "called",
              "named",
              "regarding",
              "all",
              "the")) {
        n = j + 1;
      }
      if (n > j) {
        j = n;
        progress = true;
      }
    }
    if (j >= end) {
      return new Unknown("What should I look for? Say e.g. “find tasks about taxes”.");
    }
    return new Search(text(j, end));
  }

  // ---- listing ----

  /**
   * Filters in any order: status words, priorities, #tags, date ranges, "about ...", "sorted by
   * ...", "top 5". In {@code strict} mode every word must be understood and there must be a noun
   * like "tasks" or a filter; otherwise unknown words are taken as tags ("work tasks").
   */
  private ListTasks list(int i, boolean strict) {
    int end = t.size();
    String status = "pending";
    List<String> priorities = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    LocalDate after = null;
    LocalDate before = null;
    String dateLabel = null;
    boolean overdue = false;
    String search = null;
    String sortBy = null;
    String sortOrder = null;
    Integer limit = null;
    boolean understoodSomething = false;
    LocalDate today = g.today();
    int j = i;
    while (j < end) {
      Token tok = g.at(j);
      int n;
      if (tok.is("overdue", "late", "missed")) {
        overdue = true;
        j++;
      } else if ((n = g.phrase(j, "past", "due")) > 0) {
        overdue = true;
        j = n;
      } else if (tok.is("completed", "done", "finished", "closed", "complete", "checked")) {
        status = "completed";
        j++;
      } else if ((n = g.phrase(j, "including|and|incl", "completed|done")) > 0) {
        status = "all";
        j = n;
      } else if (tok.is(
          "open",
          "pending",
          "incomplete",
          "unfinished",
          "remaining",
          "outstanding",
          "active",
          "uncompleted")) {
        status = "pending";
        j++;
      } else if (tok.is("important")) {
        addAll(priorities, "urgent", "high");
        j++;
      } else if (QuickAddParser.priorityAt(g, j) != null) {
        Parsed<String> p = QuickAddParser.priorityAt(g, j);
        addAll(priorities, p.value());
        j = p.next();
      } else if (tok.is("high", "medium", "low", "high-priority", "low-priority")) {
        addAll(priorities, QuickAddParser.level(tok.lower().replace("-priority", "")));
        j = g.word(j + 1, "priority", "prio") ? j + 2 : j + 1;
      } else if (tok.kind() == Kind.HASHTAG) {
        addAll(tags, (String) tok.value());
        j++;
      } else if (tok.is("tagged", "labelled", "labeled") && g.at(j + 1) != null) {
        j++;
        Token tg = g.at(j);
        String v = tg.kind() == Kind.HASHTAG ? (String) tg.value() : tg.lower();
        if (TAG.matcher(v).matches()) {
          addAll(tags, v);
        }
        j++;
      } else if (tok.is("today", "tonight")) {
        after = today;
        before = today;
        dateLabel = "today";
        j++;
      } else if ((n = g.phrase(j, "this|the", "week")) > 0 || (n = g.phrase(j, "week")) > 0) {
        after = today;
        before = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        dateLabel = "this week";
        j = n;
      } else if ((n = g.phrase(j, "next", "week")) > 0) {
        after = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        before = after.plusDays(6);
        dateLabel = "next week";
        j = n;
      } else if ((n = g.phrase(j, "this|the", "month")) > 0) {
        after = today;
        before = today.with(TemporalAdjusters.lastDayOfMonth());
        dateLabel = "this month";
        j = n;
      } else if ((n = g.phrase(j, "next", "month")) > 0) {
        after = today.plusMonths(1).withDayOfMonth(1);
        before = after.with(TemporalAdjusters.lastDayOfMonth());
        dateLabel = "next month";
        j = n;
      } else if ((n = g.phrase(j, "this|the", "weekend")) > 0 || (n = g.phrase(j, "weekend")) > 0) {
        after = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        if (today.getDayOfWeek() == DayOfWeek.SUNDAY) {
          after = today;
        }
        before = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        dateLabel = "this weekend";
        j = n;
      } else if (tok.is("soon", "upcoming")) {
        after = today;
        before = today.plusDays(7);
        dateLabel = "in the next 7 days";
        j++;
      } else if (nextDays(j) != null) {
        Parsed<Integer> d = nextDays(j);
        after = today;
        before = today.plusDays(d.value());
        dateLabel = "in the next " + Replies.plural(d.value(), "day");
        j = d.next();
      } else if (tok.is("by", "before", "until", "till") && g.date(j + 1, true) != null) {
        Parsed<When> d = g.date(j + 1, true);
        before = d.value().date();
        dateLabel = "by " + Replies.date(before, today);
        j = d.next();
      } else if (tok.is("after", "from", "since") && g.date(j + 1, true) != null) {
        Parsed<When> d = g.date(j + 1, true);
        after = d.value().date();
        dateLabel = "from " + Replies.date(after, today);
        j = d.next();
      } else if (g.date(g.word(j, "on") ? j + 1 : j, true) != null) {
        Parsed<When> d = g.date(g.word(j, "on") ? j + 1 : j, true);
        after = d.value().date();
        before = after;
        dateLabel = "on " + Replies.date(after, today);
        j = d.next();
      } else if (sortKey(j) != null) {
        Parsed<String[]> s = sortKey(j);
        sortBy = s.value()[0];
        sortOrder = s.value()[1];
        j = s.next();
      } else if (tok.is("top", "first", "next")
          && g.at(j + 1) != null
          && g.at(j + 1).kind() == Kind.NUMBER) {
        limit = g.at(j + 1).intValue();
        if (tok.is("next") && sortBy == null) {
          sortBy = "due";
        }
        j += 2;
      } else if (tok.is("about", "mentioning", "containing", "matching", "regarding")
          && j + 1 < end) {
        search = text(j + 1, end);
        j = end;
      } else if (tok.kind() == Kind.WORD && LIST_FILLER.contains(tok.lower())) {
        j++;
        continue;
      } else if (tok.kind() == Kind.PUNCT) {
        j++;
        continue;
      } else if (!strict
          && tok.kind() == Kind.WORD
          && TAG.matcher(tok.lower()).matches()
          && g.word(j + 1, "tasks", "task", "todos", "items", "stuff", "things")) {
        addAll(tags, tok.lower());
        j++;
      } else {
        return null;
      }
      understoodSomething = true;
    }
    boolean hasNoun = false;
    for (int k = i; k < end; k++) {
      hasNoun |= g.word(k, "tasks", "todos", "to-dos", "agenda", "list", "items");
    }
    if (strict && !understoodSomething && !hasNoun) {
      return null;
    }
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("status", status);
    if (!priorities.isEmpty()) {
      args.put("priority", priorities);
    }
    if (!tags.isEmpty()) {
      args.put("tags", tags);
    }
    if (after != null) {
      args.put("due_after", after.toString());
    }
    if (before != null) {
      args.put("due_before", before.toString());
    }
    if (overdue) {
      args.put("overdue", true);
    }
    if (search != null) {
      args.put("search", search);
    }
    if (sortBy == null && (after != null || before != null || overdue)) {
      sortBy = "due";
    }
    if (sortBy != null) {
      args.put("sort_by", sortBy);
    }
    if (sortOrder != null) {
      args.put("sort_order", sortOrder);
    }
    if (limit != null) {
      args.put("limit", limit);
    }
    List<String> adjectives = new ArrayList<>();
    if (overdue) {
      adjectives.add("overdue");
    } else if (status.equals("completed")) {
      adjectives.add("completed");
    } else if (status.equals("pending")) {
      adjectives.add("open");
    }
    adjectives.addAll(priorities);
    tags.forEach(tg -> adjectives.add("#" + tg));
    String label = "";
    if (dateLabel != null) {
      label =
          (dateLabel.startsWith("on ") || dateLabel.startsWith("by ") ? "due " : "due ")
              + dateLabel;
    }
    if (search != null) {
      label = (label.isEmpty() ? "" : label + " ") + "matching " + Replies.quote(search);
    }
    return new ListTasks(args, adjectives, label);
  }

  private Parsed<Integer> nextDays(int j) {
    int k = g.phrase(j, "in", "the", "next");
    if (k < 0) {
      k = g.phrase(j, "within|next");
    }
    if (k < 0) {
      return null;
    }
    Parsed<Integer> n = g.count(k);
    if (n != null && g.word(n.next(), "days", "day")) {
      return new Parsed<>(n.value(), n.next() + 1);
    }
    return null;
  }

  private Parsed<String[]> sortKey(int j) {
    int k = g.phrase(j, "sorted|ordered|sort|order", "by");
    if (k < 0) {
      k = g.phrase(j, "by");
    }
    if (k < 0) {
      if (g.word(j, "newest", "latest", "recent")) {
        return new Parsed<>(new String[] {"created_at", "desc"}, j + 1);
      }
      if (g.word(j, "oldest")) {
        return new Parsed<>(new String[] {"created_at", "asc"}, j + 1);
      }
      return null;
    }
    String key =
        g.word(k, "priority", "importance")
            ? "priority"
            : g.word(k, "due", "date", "deadline")
                ? "due"
                : g.word(k, "title", "name")
                    ? "title"
                    : g.word(k, "created", "creation", "age")
                        ? "created_at"
                        : g.word(k, "updated", "modified") ? "updated_at" : null;
    if (key == null) {
      return null;
    }
    int n = k + 1;
    if (g.word(n, "date", "time")) {
      n++;
    }
    String order = key.equals("priority") ? "desc" : null;
    if (g.word(n, "asc", "ascending")) {
      order = "asc";
      n++;
    } else if (g.word(n, "desc", "descending")) {
      order = "desc";
      n++;
    }
    return new Parsed<>(new String[] {key, order}, n);
  }

  // ---- references and text ----

  private boolean isIdRef(int i, int end) {
    TaskRef r = ref(i, end);
    return r.id() != null && g.word(i, "task", "#", "number", "id");
  }

  /** "task 12", "#12", "12", or words of a title (quotes honoured). */
  private TaskRef ref(int i, int end) {
    int from = i;
    int to = end;
    while (from < to
        && g.word(from, "the", "my", "task", "todo", "to-do", "item", "number", "id")) {
      from++;
    }
    while (to - 1 > from && g.word(to - 1, "task", "todo", "item")) {
      to--;
    }
    while (to - 1 > from && g.at(to - 1).kind() == Kind.PUNCT) {
      to--;
    }
    if (to - from == 1) {
      Token tok = g.at(from);
      if (tok.kind() == Kind.NUMBER) {
        return new TaskRef((long) tok.intValue(), null);
      }
      if (tok.kind() == Kind.HASHTAG && ((String) tok.value()).matches("\\d{1,18}")) {
        return new TaskRef(Long.parseLong((String) tok.value()), null);
      }
    }
    return new TaskRef(null, text(from, to));
  }

  private int lastWord(int from, int end, String... words) {
    for (int k = end - 1; k >= from; k--) {
      if (g.word(k, words)) {
        return k;
      }
    }
    return -1;
  }

  private int firstHashtag(int from, int end) {
    for (int k = from; k < end; k++) {
      if (g.at(k).kind() == Kind.HASHTAG) {
        return k;
      }
    }
    return -1;
  }

  private List<String> tagsIn(int from, int end) {
    List<String> tags = new ArrayList<>();
    for (int k = from; k < end; k++) {
      Token tok = g.at(k);
      String v =
          tok.kind() == Kind.HASHTAG
              ? (String) tok.value()
              : tok.kind() == Kind.WORD && !tok.is("and", "or", "tag", "tags") ? tok.lower() : null;
      if (v != null && TAG.matcher(v).matches()) {
        addAll(tags, v);
      }
    }
    return tags;
  }

  private static void addAll(List<String> list, String... values) {
    for (String v : values) {
      if (!list.contains(v)) {
        list.add(v);
      }
    }
  }

  /** The original text of tokens {@code [from, to)}, quotes removed. */
  private String text(int from, int to) {
    boolean[] used = new boolean[t.size()];
    for (int k = 0; k < t.size(); k++) {
      used[k] = k < from || k >= to;
    }
    return QuickAddParser.title(t, used);
  }
}
