package dev.todoai.adapter.out.assistant;

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
import dev.todoai.adapter.out.assistant.Target.Filter;
import dev.todoai.adapter.out.assistant.Target.Id;
import dev.todoai.adapter.out.assistant.Target.Implicit;
import dev.todoai.adapter.out.assistant.Target.Ordinal;
import dev.todoai.adapter.out.assistant.Target.Pronoun;
import dev.todoai.adapter.out.assistant.Target.Several;
import dev.todoai.adapter.out.assistant.Target.Text;
import dev.todoai.adapter.out.assistant.Token.Kind;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads a chat message into an {@link Intent}: what it asks for and which task(s) it is about, as
 * said. Pure: no tools, no state; the {@link Executor} resolves references and acts.
 */
final class Interpreter {

  /** Words and phrases said before the request itself ("hey, could you please ..."). */
  private static final String[][] LEADING_FILLER = {
    {"um"},
    {"umm"},
    {"uh"},
    {"erm"},
    {"hmm"},
    {"hm"},
    {"oh"},
    {"ah"},
    {"hey"},
    {"hi"},
    {"hello"},
    {"ok"},
    {"okay"},
    {"so"},
    {"well"},
    {"please"},
    {"just"},
    {"actually"},
    {"also"},
    {"oops"},
    {"yeah"},
    {"right"},
    {"alright"},
    {"sorry"},
    {"and"},
    {"then"},
    {"now"},
    {"oh", "and"},
    {"can", "you"},
    {"could", "you"},
    {"would", "you"},
    {"will", "you"},
    {"can", "you", "please"},
    {"could", "you", "please"},
    {"would", "you", "please"},
    {"i", "want", "you", "to"},
    {"i'd", "like", "you", "to"},
    {"i", "need", "you", "to"},
    {"i", "want", "to"},
    {"i'd", "like", "to"},
    {"i", "would", "like", "to"},
    {"go", "ahead", "and"},
    {"let's"},
    {"lets"},
    {"no", "wait"},
    {"wait"},
    {"quick"},
    {"quickly"},
    {"kindly"},
    {"pls"}
  };

  private static final String[][] TRAILING_FILLER = {
    {"please"},
    {"thanks"},
    {"thank", "you"},
    {"for", "me"},
    {"instead"},
    {"actually"},
    {"now"},
    {"too"},
    {"asap", "please"},
    {"then"},
    {"ok"},
    {"okay"},
    {"thx"},
    {"btw"},
    {"by", "the", "way"},
    {"fyi"},
    {"lol"},
    {"haha"},
    {"anymore"},
    {"any", "more"}
  };

  private static final Set<String> DELETE_VERBS =
      words(
          "delete", "remove", "drop", "erase", "trash", "scrap", "kill", "ditch", "nuke", "bin",
          "cancel", "wipe", "purge", "dump", "toss", "axe", "del", "rm");
  private static final Set<String> MOVE_VERBS =
      words(
          "move",
          "reschedule",
          "shift",
          "push",
          "defer",
          "delay",
          "postpone",
          "bring",
          "pull",
          "bump",
          "slide");
  private static final Set<String> QUESTION_STARTS =
      words(
          "what",
          "what's",
          "which",
          "how",
          "any",
          "anything",
          "is",
          "are",
          "do",
          "does",
          "did",
          "have",
          "where",
          "where's",
          "when",
          "when's",
          "whats",
          "list",
          "show",
          "display",
          "view",
          "see",
          "pull",
          "get",
          "give",
          "find",
          "search",
          "look",
          "lookup",
          "locate",
          "tell",
          "got",
          "agenda",
          "whatcha",
          "wat");
  private static final Set<String> FILLER =
      words(
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
          "thing",
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
          "which",
          "list",
          "show",
          "display",
          "view",
          "get",
          "give",
          "tell",
          "of",
          "that",
          "left",
          "plate",
          "agenda",
          "everything",
          "how",
          "i've",
          "need",
          "to",
          "should",
          "still",
          "us",
          "please",
          "and",
          "in",
          "lined",
          "up",
          "scheduled",
          "planned",
          "it",
          "be",
          "on",
          "something",
          "some",
          "else",
          "pending",
          "open",
          "see",
          "can",
          "you",
          "want",
          "let",
          "whole",
          "entire",
          "current",
          "currently",
          "right",
          "now",
          "at",
          "moment",
          "ones",
          "one",
          "this",
          "at",
          "plan",
          "have",
          "got",
          "going",
          "on",
          "for",
          "with",
          "lately",
          "recently",
          "pull",
          "find",
          "search",
          "look",
          "lookup",
          "locate",
          "where",
          "where's",
          "was",
          "were",
          "re",
          "regarding",
          "related",
          "about",
          "mentioning",
          "containing",
          "matching",
          "called",
          "named",
          "word",
          "words",
          "text",
          "tell",
          "again",
          "remind",
          "which",
          "whats",
          "so",
          "far",
          "yet",
          "outstanding",
          "remaining",
          "coming",
          "upcoming",
          "we",
          "our",
          "any",
          "page",
          "schedule",
          "calendar",
          "gotta",
          "when",
          "happening",
          "going",
          "planned",
          "expecting",
          "upcoming",
          "supposed");

  /** Words that never make a task reference by themselves. */
  static final Set<String> REF_STOP =
      words(
          "the",
          "a",
          "an",
          "my",
          "our",
          "your",
          "that",
          "this",
          "task",
          "tasks",
          "todo",
          "todos",
          "to-do",
          "item",
          "items",
          "thing",
          "things",
          "stuff",
          "one",
          "ones",
          "called",
          "named",
          "titled",
          "entry",
          "job",
          "chore",
          "about",
          "regarding",
          "re",
          "for",
          "of",
          "on",
          "with",
          "to",
          "in",
          "at",
          "by",
          "'s",
          "and",
          "thingy",
          "bit",
          "business",
          "matter",
          "whole",
          "those",
          "these",
          "it",
          "them",
          "which",
          "list");

  private final ZoneId zone;
  private final Instant now;
  private final QuickAddParser quickAdd;

  private List<Token> t;
  private DateGrammar g;
  private int n;

  Interpreter(ZoneId zone, Instant now, QuickAddParser quickAdd) {
    this.zone = zone;
    this.now = now;
    this.quickAdd = quickAdd;
  }

  Intent read(String message) {
    return read(clean(Tokenizer.tokenize(message)));
  }

  private Intent read(List<Token> tokens) {
    t = tokens;
    g = new DateGrammar(t, zone, now);
    n = t.size();
    if (n == 0) {
      return new Unknown(null);
    }
    List<Supplier<Intent>> rules =
        List.of(
            this::undo,
            this::smallTalk,
            this::reminder,
            this::delete,
            this::complete,
            this::edit,
            this::query,
            this::add,
            this::statement,
            this::attributes);
    for (Supplier<Intent> rule : rules) {
      Intent intent = rule.get();
      if (intent != null) {
        return intent;
      }
    }
    return fallback();
  }

  /** The message read on its own, its target replaced by {@code target} when it had none. */
  private Intent readAbout(List<Token> tokens, Target target) {
    Interpreter sub = new Interpreter(zone, now, quickAdd);
    Intent intent = sub.read(clean(tokens));
    return retarget(intent, target);
  }

  private static Intent retarget(Intent intent, Target target) {
    if (intent instanceof Change c && vague(c.target())) {
      return new Change(target, c.edit());
    }
    if (intent instanceof Complete c && vague(c.target())) {
      return new Complete(target, c.done());
    }
    if (intent instanceof Intent.Delete d && vague(d.target())) {
      return new Delete(target);
    }
    if (intent instanceof Remind r && vague(r.target())) {
      return new Remind(target, r.times(), null);
    }
    if (intent instanceof Unremind r && vague(r.target())) {
      return new Unremind(target);
    }
    if (intent instanceof Show s && vague(s.target())) {
      return new Show(target);
    }
    if (intent instanceof TagOrCreate tc && vague(tc.target())) {
      return new Change(target, Edit.none().withTags(tc.tags(), List.of(), false));
    }
    return null;
  }

  private static boolean vague(Target target) {
    return target instanceof Implicit || (target instanceof Pronoun p && !p.plural());
  }

  // ---- cleaning ----

  static List<Token> clean(List<Token> tokens) {
    List<Token> l = new ArrayList<>(tokens);
    boolean changed = true;
    while (changed && !l.isEmpty()) {
      changed = false;
      Token last = l.get(l.size() - 1);
      if (last.kind() == Kind.PUNCT && "?!.…,;".contains(last.text())) {
        l.remove(l.size() - 1);
        changed = true;
        continue;
      }
      for (String[] p : TRAILING_FILLER) {
        if (endsWith(l, p) && l.size() > p.length + 1) {
          l.subList(l.size() - p.length, l.size()).clear();
          changed = true;
          break;
        }
      }
      if (changed) {
        continue;
      }
      if (!l.isEmpty() && l.get(0).kind() == Kind.PUNCT && !l.get(0).text().equals("#")) {
        if (!"\"“'(".contains(l.get(0).text())) {
          l.remove(0);
          changed = true;
          continue;
        }
      }
      for (String[] p : LEADING_FILLER) {
        if (startsWith(l, p) && l.size() > p.length) {
          l.subList(0, p.length).clear();
          changed = true;
          break;
        }
      }
      if (!changed && l.size() > 2 && l.get(0).is("no") && l.get(1).isPunct(",")) {
        l.subList(0, 2).clear();
        changed = true;
      }
    }
    // "that's urgent", "it's done": the pronoun, then "is"
    if (l.size() > 1 && l.get(0).is("that's", "it's", "this's")) {
      Token first = l.get(0);
      int cut = first.end() - 2;
      String word = first.text().substring(0, first.text().length() - 2);
      l.set(0, new Token(Kind.WORD, word, first.start(), cut, null));
      l.add(1, new Token(Kind.WORD, first.text().substring(word.length()), cut, first.end(), null));
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

  private static boolean endsWith(List<Token> l, String[] words) {
    if (l.size() < words.length) {
      return false;
    }
    int off = l.size() - words.length;
    for (int k = 0; k < words.length; k++) {
      if (!l.get(off + k).is(words[k])) {
        return false;
      }
    }
    return true;
  }

  // ---- answers to a question of the assistant ----

  /** How a message answers a question: yes, no, a choice by position or by words, or all. */
  record Answer(Kind kind, int ordinal, String text) {
    enum Kind {
      YES,
      NO,
      ORDINAL,
      ALL,
      ONLY,
      WORDS
    }
  }

  private static final Set<String> YES =
      words(
          "yes",
          "y",
          "yep",
          "yeah",
          "yup",
          "sure",
          "ok",
          "okay",
          "confirm",
          "confirmed",
          "correct",
          "right",
          "absolutely",
          "definitely",
          "fine",
          "affirmative",
          "ya",
          "yea",
          "k",
          "kk",
          "certainly",
          "please");
  private static final Set<String> NO =
      words(
          "no",
          "n",
          "nope",
          "nah",
          "cancel",
          "stop",
          "abort",
          "nevermind",
          "never",
          "don't",
          "dont",
          "negative",
          "wait",
          "keep",
          "leave",
          "forget",
          "not");

  /** The message as an answer; null when it does not read as one. */
  Answer answer(String message) {
    List<Token> raw = Tokenizer.tokenize(message);
    List<Token> l = new ArrayList<>(raw);
    while (!l.isEmpty()
        && l.get(l.size() - 1).kind() == Kind.PUNCT
        && "?!.…".contains(l.get(l.size() - 1).text())) {
      l.remove(l.size() - 1);
    }
    while (!l.isEmpty()
        && l.get(0).is("hmm", "hm", "um", "uh", "well", "oh", "ah", "actually", "erm", "so")) {
      l.remove(0);
      if (!l.isEmpty() && l.get(0).isPunct(",")) {
        l.remove(0);
      }
    }
    if (l.isEmpty()) {
      return null;
    }
    DateGrammar a = new DateGrammar(l, zone, now);
    Token first = l.get(0);
    int size = l.size();
    // "no, just the tax return", "only the tax return", "just the first one"
    int only = -1;
    if (first.is("no", "nope", "nah") && size > 2) {
      int k = a.punct(1, ",") ? 2 : 1;
      if (a.word(k, "just", "only")) {
        only = k + 1;
      }
    } else if (first.is("just", "only") && size > 1) {
      only = 1;
    }
    if (only > 0 && only < size) {
      return new Answer(Answer.Kind.ONLY, 0, text(l, only, size));
    }
    if (first.is("all", "both", "everything", "each", "every")) {
      boolean allOf =
          size == 1
              || a.phrase(1, "of", "them|those|these|it") == size
              || a.word(1, "them", "three", "two", "four", "of")
              || (size <= 3 && a.word(size - 1, "them", "ones", "tasks", "three", "two"));
      if (allOf) {
        return new Answer(Answer.Kind.ALL, 0, null);
      }
    }
    if (first.is("never") && a.word(1, "mind")) {
      return new Answer(Answer.Kind.NO, 0, null);
    }
    if (first.is("forget") && (size == 1 || a.word(1, "it", "that"))) {
      return new Answer(Answer.Kind.NO, 0, null);
    }
    if (first.is("keep", "leave")
        && (size == 1 || a.word(1, "it", "them", "that", "those", "everything", "all"))) {
      return new Answer(Answer.Kind.NO, 0, null);
    }
    if ((first.is("don't") || (first.is("do") && a.word(1, "not"))) && size <= 4) {
      return new Answer(Answer.Kind.NO, 0, null);
    }
    if (first.is("no", "n", "nope", "nah", "cancel", "stop", "abort", "negative", "wait")) {
      if (size == 1 || restIsChatter(a, 1, size)) {
        return new Answer(Answer.Kind.NO, 0, null);
      }
    }
    if (first.is("go") && a.word(1, "ahead")) {
      return new Answer(Answer.Kind.YES, 0, null);
    }
    if (first.is("do") && a.word(1, "it") && size <= 3) {
      return new Answer(Answer.Kind.YES, 0, null);
    }
    if (first.is(
            "delete",
            "remove",
            "yes",
            "y",
            "yep",
            "yeah",
            "yup",
            "sure",
            "ok",
            "okay",
            "confirm",
            "confirmed",
            "correct",
            "absolutely",
            "definitely",
            "fine",
            "ya",
            "k",
            "please",
            "certainly",
            "right")
        && (size == 1 || restIsChatter(a, 1, size))) {
      if (first.is("delete", "remove") && size == 1) {
        return null;
      }
      return new Answer(Answer.Kind.YES, 0, null);
    }
    Parsed<Integer> ord = ordinalAt(a, 0, size);
    if (ord != null && ord.next() == size) {
      return new Answer(Answer.Kind.ORDINAL, ord.value(), null);
    }
    if (size == 1
        && first.kind() == Kind.NUMBER
        && first.intValue() >= 1
        && first.intValue() <= 9) {
      return new Answer(Answer.Kind.ORDINAL, first.intValue(), null);
    }
    if (size <= 8) {
      return new Answer(Answer.Kind.WORDS, 0, text(l, 0, size));
    }
    return null;
  }

  /** "please", "thanks", "do it", "delete them", "go ahead", "that's fine": no new content. */
  private static boolean restIsChatter(DateGrammar a, int from, int to) {
    for (int k = from; k < to; k++) {
      Token tok = a.at(k);
      if (tok.kind() == Kind.PUNCT) {
        continue;
      }
      if (!tok.is(
          "please",
          "thanks",
          "thank",
          "you",
          "do",
          "it",
          "delete",
          "remove",
          "them",
          "all",
          "go",
          "ahead",
          "that's",
          "fine",
          "sure",
          "yes",
          "yeah",
          "that",
          "is",
          "correct",
          "right",
          "cancel",
          "don't",
          "keep",
          "leave",
          "wait",
          "mind",
          "never",
          "thx",
          "one",
          "ones",
          "those",
          "these",
          "both",
          "the",
          "lot",
          "it's",
          "ok",
          "okay",
          "sounds",
          "good",
          "confirm",
          "really",
          "no",
          "not",
          "dont",
          "actually",
          "hmm",
          "nope",
          "stop",
          "change",
          "anything",
          "just",
          "i",
          "changed",
          "my",
          "mind",
          "forget",
          "abort",
          "and",
          "pls")) {
        return false;
      }
    }
    return true;
  }

  // ---- undo and small talk ----

  private Intent undo() {
    if (g.word(0, "undo", "revert", "undid")) {
      return new Undo();
    }
    if (g.phrase(0, "scratch|cancel|reverse", "that|this") == n) {
      return new Undo();
    }
    if (g.phrase(0, "take", "that|it", "back") == n) {
      return new Undo();
    }
    if (g.phrase(0, "put", "it|that", "back") == n) {
      return new Undo();
    }
    return null;
  }

  private Intent smallTalk() {
    if (n <= 3
        && g.word(
            0, "thanks", "thank", "thx", "cheers", "great", "cool", "perfect", "nice", "awesome")) {
      return new Unknown("You're welcome.");
    }
    if (n <= 2 && g.word(0, "hello", "hi", "hey", "help", "yo")) {
      return new Unknown(null);
    }
    if (g.phrase(0, "what", "can", "you", "do") == n) {
      return new Unknown(null);
    }
    return null;
  }

  // ---- reminders ----

  private Intent reminder() {
    for (int k = 1; k < Math.min(n - 2, 8); k++) {
      if (g.word(k, "remind", "ping", "nudge") && g.word(k + 1, "me", "us")) {
        QuickAdd timing = quickAdd.interpret(new ArrayList<>(t.subList(0, k)), zone, now, false);
        if (timing.title().isEmpty() && timing.hasAttributes()) {
          List<Token> moved = new ArrayList<>(t.subList(k, n));
          moved.addAll(t.subList(0, k));
          Interpreter sub = new Interpreter(zone, now, quickAdd);
          return sub.read(moved);
        }
        break;
      }
    }
    // "don't remind me about X", "stop reminding me about X", "remove the reminder from X"
    int neg = g.phrase(0, "don't|dont", "remind", "me");
    if (neg < 0) {
      neg = g.phrase(0, "do", "not", "remind", "me");
    }
    if (neg < 0) {
      neg = g.phrase(0, "stop", "reminding", "me");
    }
    if (neg < 0) {
      neg = g.phrase(0, "no", "more", "reminders");
    }
    if (neg > 0) {
      int k = g.word(neg, "about", "of", "for", "on", "to") ? neg + 1 : neg;
      return new Unremind(target(k, n));
    }
    int rem = removeReminders();
    if (rem >= 0) {
      return new Unremind(target(rem, n));
    }
    // "what reminders are on X", "show the reminders for X", "reminders for X?"
    for (int k = 0; k < Math.min(n, 5); k++) {
      if (g.word(k, "reminders", "alarms") && (k == 0 || isQuestionStart(0))) {
        int r = k + 1;
        while (g.word(r, "are", "do", "i", "have", "there", "set", "exist")) {
          r++;
        }
        if (g.word(r, "for", "of", "on", "about", "in")) {
          r++;
        }
        if (r < n) {
          return new ListReminders(target(r, n));
        }
      }
    }
    // "don't let me forget X, remind me on ..."
    int forget = g.phrase(0, "don't|dont", "let", "me", "forget");
    if (forget > 0) {
      int comma = indexOf(forget, n, ",");
      int remind = comma > 0 ? g.phrase(comma + 1, "remind", "me") : -1;
      if (remind > 0) {
        int from = g.word(forget, "about", "to") ? forget + 1 : forget;
        List<ReminderTime> times = reminderTimes(remind, n);
        if (times != null) {
          return new Remind(target(from, comma), times, null);
        }
      }
      int from = g.word(forget, "to") ? forget + 1 : forget;
      return createFrom(from, true);
    }
    int lead = reminderLead();
    if (lead < 0) {
      return null;
    }
    int k = lead;
    // "remind me to X ..." / "remind me at 7pm to X": a new task
    if (g.word(0, "remind") || g.word(0, "ping", "nudge", "alert", "notify")) {
      if (g.word(k, "to", "that")) {
        return remindToDo(createFrom(k + 1, true));
      }
      int to = indexOfWord(k + 1, n, "to", "that");
      if (to > k && to < n - 1) {
        List<Token> prefix = new ArrayList<>(t.subList(k, to));
        QuickAdd timing = quickAdd.interpret(prefix, zone, now, false);
        if (timing.title().isEmpty() && timing.hasAttributes()) {
          List<Token> tokens = new ArrayList<>(t.subList(to + 1, n));
          tokens.addAll(prefix);
          return remindToDo(subCreate(tokens, true));
        }
      }
    }
    return reminderFor(k);
  }

  private static Intent remindToDo(Intent created) {
    return created instanceof Create c ? new Intent.RemindToDo(c.task()) : created;
  }

  /** "remove|delete|clear|cancel the reminder(s) (from|on|for) X": the index of X, or -1. */
  private int removeReminders() {
    if (!g.word(0, "remove", "delete", "clear", "cancel", "drop", "turn", "switch", "kill")) {
      return -1;
    }
    int k = 1;
    if (g.word(k, "off")) {
      k++;
    }
    if (g.word(k, "the", "all", "my", "any", "its", "it's")) {
      k++;
    }
    if (g.word(k, "the")) {
      k++;
    }
    if (!g.word(k, "reminder", "reminders", "alarm", "alarms", "notification", "notifications")) {
      return -1;
    }
    k++;
    if (g.word(k, "from", "on", "for", "of", "about", "in")) {
      k++;
    }
    return k;
  }

  /** The index after a reminder lead ("remind me", "set a reminder", "ping me"), or -1. */
  private int reminderLead() {
    int k = g.phrase(0, "remind|ping|nudge|alert|notify|buzz|warn", "me|us");
    if (k > 0) {
      return k;
    }
    if (g.word(0, "remind") && n > 1) {
      return 1;
    }
    int j = -1;
    if (g.word(0, "set", "add", "create", "put", "schedule", "make", "give", "attach")) {
      j = 1;
    } else if (g.phrase(0, "i", "want|need|'d") > 0) {
      j = g.word(2, "like") ? 3 : 2;
    } else if (g.word(0, "i'd", "i'll") && g.word(1, "like", "love", "need", "want")) {
      j = 2;
    } else if (g.phrase(0, "i", "would", "like|love") > 0) {
      j = 3;
    } else if (g.word(0, "reminder", "reminders", "alarm")) {
      int r = 1;
      if (g.punct(r, ":")) {
        r++;
      }
      if (g.word(r, "for", "on", "about", "to")) {
        r++;
      }
      return r;
    }
    if (j < 0) {
      return -1;
    }
    if (g.word(0, "give") && g.word(1, "me")) {
      j = 2;
    }
    if (g.word(j, "a", "an", "some", "the", "me")) {
      j++;
    }
    if (g.word(j, "heads-up", "heads", "nudge", "shout", "ping", "buzz")) {
      j++;
      if (g.word(j, "up")) {
        j++;
      }
      return j;
    }
    Parsed<Amount> lead = g.amount(j);
    Amount amount = null;
    if (lead != null && g.word(lead.next(), "reminder", "alarm", "alert")) {
      amount = lead.value();
      j = lead.next();
    }
    if (!g.word(j, "reminder", "reminders", "alarm", "alarms", "alert", "notification")) {
      return -1;
    }
    j++;
    if (amount != null) {
      leadAmount = amount;
    }
    if (g.punct(j, ":")) {
      j++;
    }
    return j;
  }

  /** A lead time said before "reminder" ("a 1 hour reminder for the dentist"). */
  private Amount leadAmount;

  /** Reminder(s) for an existing task: the time before or after the task's words. */
  private Intent reminderFor(int k) {
    int from = k;
    if (g.word(from, "about", "of", "for", "on", "to", "regarding", "re")) {
      from++;
    }
    if (leadAmount != null) {
      Amount a = leadAmount;
      leadAmount = null;
      return new Remind(target(from, n), List.of(new ReminderTime(a, null)), null);
    }
    if (from >= n) {
      return new Unknown(
          "When should I remind you, and of which task? Say e.g. “remind me about the dentist an"
              + " hour before”.");
    }
    // the time first: "remind me tomorrow at 9 about X", "1 day before X", "tonight for X"
    Parsed<List<ReminderTime>> first = reminderTimesPrefix(k);
    if (first != null) {
      int r = first.next();
      if (r >= n) {
        return new Remind(new Implicit(), first.value(), null);
      }
      boolean before =
          g.word(r - 1, "before", "ahead", "prior")
              || (first.value().size() == 1 && first.value().get(0).dayBefore() != null);
      int refFrom = r;
      if (g.word(refFrom, "about", "of", "for", "on", "to", "regarding", "re")
          || g.punct(refFrom, ",")) {
        refFrom++;
      } else if (!before) {
        refFrom = -1;
      }
      if (refFrom > 0 && refFrom < n) {
        int refTo = stripDue(refFrom, n);
        return new Remind(target(refFrom, refTo), first.value(), createFallback(refFrom, refTo));
      }
    }
    // the task first: "remind me about X friday at 10", "X 3 days before", "X, the day before"
    for (int p = from + 1; p < n; p++) {
      int s = g.punct(p, ",") ? p + 1 : p;
      if (g.word(s, "to")) {
        s++;
      }
      List<ReminderTime> times = reminderTimes(s, n);
      if (times != null) {
        int refTo = p;
        while (refTo > from && (g.punct(refTo - 1, ",") || g.word(refTo - 1, "to"))) {
          refTo--;
        }
        return new Remind(target(from, refTo), times, createFallback(from, refTo));
      }
    }
    return new Unknown(
        "When should I remind you? Say e.g. “remind me about the dentist an hour before” or"
            + " “remind me about the invoice friday at 10”.");
  }

  /** A new task with the reminders, for when the words name no existing task. */
  private QuickAdd createFallback(int from, int to) {
    if (from >= to) {
      return null;
    }
    List<Token> tokens = new ArrayList<>(t.subList(from, to));
    return quickAdd.interpret(tokens, zone, now, false);
  }

  /** Strips "is due" / "'s due" after a task's words. */
  private int stripDue(int from, int to) {
    int e = to;
    if (e - 2 > from && g.word(e - 2, "is", "'s") && g.word(e - 1, "due")) {
      e -= 2;
    } else if (e - 1 > from && g.word(e - 1, "due")) {
      e--;
    }
    return e;
  }

  /** One or more reminder times covering exactly [from, to); null otherwise. */
  private List<ReminderTime> reminderTimes(int from, int to) {
    Parsed<List<ReminderTime>> p = reminderTimesPrefix(from);
    return p != null && p.next() == to ? p.value() : null;
  }

  /**
   * Reminder times from {@code from}: "at 9am and 2pm tomorrow" (the date applies to both), "1 day
   * before", "the evening before", "when it's due"; and where they end.
   */
  private Parsed<List<ReminderTime>> reminderTimesPrefix(int from) {
    List<ReminderTime> times = new ArrayList<>();
    int k = from;
    while (true) {
      Parsed<ReminderTime> r = g.reminderTime(k);
      if (r == null) {
        break;
      }
      times.add(r.value());
      k = r.next();
      int m = k;
      if (g.punct(m, ",")) {
        m++;
      }
      if (g.word(m, "and")) {
        m++;
        if (g.word(m, "again", "also")) {
          m++;
        }
      } else {
        break;
      }
      if (g.reminderTime(m) == null) {
        break;
      }
      k = m;
    }
    if (times.isEmpty()) {
      return null;
    }
    LocalDate shared = null;
    for (ReminderTime rt : times) {
      if (rt.at() != null && rt.at().date() != null) {
        shared = rt.at().date();
      }
    }
    if (shared != null && times.size() > 1) {
      List<ReminderTime> fixed = new ArrayList<>();
      for (ReminderTime rt : times) {
        if (rt.at() != null && rt.at().date() == null && rt.at().exact() == null) {
          fixed.add(
              new ReminderTime(
                  null,
                  new When(shared, rt.at().time(), null, false),
                  rt.dayBefore(),
                  rt.daysBefore()));
        } else {
          fixed.add(rt);
        }
      }
      times = fixed;
    }
    return new Parsed<>(times, k);
  }

  // ---- deleting ----

  private Intent delete() {
    int k = -1;
    Token first = g.at(0);
    if (first.kind() == Kind.WORD && DELETE_VERBS.contains(first.lower())) {
      k = 1;
    } else if (g.phrase(0, "get", "rid", "of") > 0) {
      k = 3;
    } else if (g.phrase(0, "throw|chuck|toss", "away|out") > 0) {
      k = 2;
    } else if (g.phrase(0, "clear", "out|away") > 0) {
      k = 2;
    } else if (g.phrase(0, "forget", "about") > 0) {
      k = 2;
    } else if (g.phrase(0, "i", "don't|dont", "need") > 0
        || g.phrase(0, "i", "do", "not", "need") > 0) {
      int s = g.word(1, "do") ? 4 : 3;
      if (g.word(s, "to") || s >= n) {
        // "I don't need to order a new sofa": the task's own words
        s = g.word(s, "to") ? s + 1 : s;
        return s >= n ? null : new Delete(target(s, n));
      }
      return new Delete(target(s, n));
    } else if (g.word(0, "clear") && !g.word(1, "the", "due", "its", "it's")) {
      k = 1;
    }
    if (k < 0) {
      // "<X> can go", "<X> can be deleted"
      for (int p = 1; p < n; p++) {
        if ((g.phrase(p, "can", "go") == n)
            || g.phrase(p, "can|should|must", "be", "deleted|removed|dropped|binned") == n
            || g.phrase(p, "is|'s", "not", "needed") == n
            || g.phrase(p, "isn't", "needed") == n) {
          return new Delete(target(0, p));
        }
      }
      return null;
    }
    if (k >= n) {
      return new Unknown("Which task should I delete?");
    }
    // "remove the due date from X", "remove the travel tag from X", "remove the note from X"
    Intent edit = removalEdit(k);
    if (edit != null) {
      return edit;
    }
    if (g.word(k, "reminder", "reminders") || g.phrase(k, "the", "reminder|reminders") > 0) {
      return null;
    }
    return new Delete(target(k, n));
  }

  /** "remove/clear/take the due date|tag X|tags|note|priority|repeat from|off|of <ref>". */
  private Intent removalEdit(int k) {
    int j = k;
    if (g.word(j, "the", "its", "it's", "a")) {
      j++;
    }
    int from = -1;
    Edit edit = null;
    int due = g.phrase(j, "due", "date|dates|time");
    if (due < 0) {
      due = g.phrase(j, "deadline|due|date");
    }
    if (due > 0) {
      edit = Edit.none().withDue(new DueEdit.Clear());
      from = due;
    }
    if (edit == null && g.word(j, "note", "notes", "description", "comment", "details")) {
      edit = Edit.none().withDescription("", false);
      from = j + 1;
    }
    if (edit == null && g.word(j, "priority")) {
      edit = Edit.none().withPriority("none");
      from = j + 1;
    }
    if (edit == null && g.word(j, "repeat", "recurrence", "repetition", "repeating", "schedule")) {
      edit = Edit.none().withRecurrence(null, true);
      from = j + 1;
    }
    if (edit == null && g.word(j, "tags", "labels") && !g.word(j + 1, "tagged")) {
      edit = Edit.none().withTags(List.of(), List.of(), true);
      from = j + 1;
    }
    if (edit == null) {
      // "the travel tag", "tag travel", "#travel", "the travel label"
      List<String> tags = new ArrayList<>();
      int m = j;
      if (g.word(m, "tag", "label") && g.at(m + 1) != null) {
        tags.add(tagText(g.at(m + 1)));
        m += 2;
      } else if (g.at(m) != null && g.at(m).kind() == Kind.HASHTAG) {
        while (g.at(m) != null && g.at(m).kind() == Kind.HASHTAG) {
          tags.add((String) g.at(m).value());
          m++;
        }
        if (g.word(m, "tag", "tags", "label")) {
          m++;
        }
      } else if (g.at(m) != null && g.word(m + 1, "tag", "label")) {
        tags.add(tagText(g.at(m)));
        m += 2;
      }
      if (!tags.isEmpty() && tags.stream().allMatch(x -> x != null)) {
        edit = Edit.none().withTags(List.of(), tags, false);
        from = m;
      }
    }
    if (edit == null) {
      return null;
    }
    int r = from;
    if (g.word(r, "from", "off", "of", "on", "for", "in")) {
      r++;
    } else if (r < n) {
      return null;
    }
    return new Change(target(r, n), edit);
  }

  private static String tagText(Token tok) {
    if (tok.kind() == Kind.HASHTAG) {
      return (String) tok.value();
    }
    if (tok.kind() == Kind.WORD && QuickAddParser.TAG.matcher(tok.lower()).matches()) {
      return tok.lower();
    }
    if (tok.kind() == Kind.QUOTED) {
      return tok.text().strip().toLowerCase(java.util.Locale.ROOT);
    }
    return null;
  }

  // ---- completing and reopening ----

  private Intent complete() {
    Token first = g.at(0);
    if (first.is("complete", "finish", "close", "done", "finished", "completed")) {
      int k = 1;
      if (first.is("done", "finished") && g.word(1, "with")) {
        k = 2;
      }
      if (k >= n && first.is("done", "finished", "completed")) {
        return new Complete(new Implicit(), true);
      }
      return new Complete(target(k, n), true);
    }
    if (first.is(
        "reopen",
        "uncomplete",
        "unmark",
        "uncheck",
        "unfinish",
        "un-complete",
        "incomplete",
        "restore",
        "unarchive")) {
      return new Complete(target(1, n), false);
    }
    if (g.word(0, "check", "tick", "cross", "strike") && g.word(1, "off")) {
      return new Complete(target(2, n), true);
    }
    if (g.word(0, "check", "tick", "cross") && g.word(n - 1, "off") && n > 2) {
      return new Complete(target(1, n - 1), true);
    }
    if (g.word(0, "mark", "set", "flag", "make")) {
      Intent state = markState(1, n);
      if (state != null) {
        return state;
      }
    }
    int am = g.phrase(0, "i'm", "done|finished|through", "with");
    if (am < 0) {
      am = g.phrase(0, "i", "am", "done|finished|through", "with");
    }
    if (am > 0) {
      return am >= n ? new Complete(new Implicit(), true) : new Complete(target(am, n), true);
    }
    int did = g.phrase(0, "i", "did|finished|completed|done|sorted|handled");
    if (did < 0) {
      did = g.phrase(0, "i've|i", "done|finished|completed|sorted");
    }
    if (did < 0) {
      did = g.phrase(0, "i", "have|just|already", "done|finished|completed|did|sorted");
    }
    if (did < 0) {
      did = g.phrase(0, "i", "just|already", "finished|completed|did|done");
    }
    if (did < 0) {
      did = g.phrase(0, "i've", "just|already", "done|finished|completed");
    }
    if (did > 0) {
      if (did >= n) {
        return new Complete(new Implicit(), true);
      }
      return new Complete(target(did, n), true);
    }
    // "I sent the Acme invoice": a past-tense verb and the rest, as the words of an open task
    if (g.word(0, "i", "i've") && n >= 3) {
      int v = g.word(1, "just", "already", "finally") ? 2 : 1;
      Token verb = g.at(v);
      String base = verb == null ? null : pastToBase(verb.lower());
      if (base != null) {
        return new Complete(new Text(base + " " + text(v + 1, n)), true);
      }
    }
    return null;
  }

  private static final Map<String, String> IRREGULAR_PAST =
      Map.ofEntries(
          Map.entry("sent", "send"),
          Map.entry("paid", "pay"),
          Map.entry("bought", "buy"),
          Map.entry("made", "make"),
          Map.entry("wrote", "write"),
          Map.entry("took", "take"),
          Map.entry("went", "go"),
          Map.entry("got", "get"),
          Map.entry("rang", "ring"),
          Map.entry("gave", "give"),
          Map.entry("read", "read"),
          Map.entry("brought", "bring"),
          Map.entry("fed", "feed"),
          Map.entry("put", "put"),
          Map.entry("set", "set"),
          Map.entry("cut", "cut"),
          Map.entry("sold", "sell"),
          Map.entry("told", "tell"),
          Map.entry("found", "find"),
          Map.entry("left", "leave"),
          Map.entry("met", "meet"),
          Map.entry("ran", "run"),
          Map.entry("swept", "sweep"),
          Map.entry("hung", "hang"),
          Map.entry("drove", "drive"),
          Map.entry("ate", "eat"));

  /** The base form of a past-tense verb ("sent" - "send", "called" - "call"), or null. */
  static String pastToBase(String w) {
    if (IRREGULAR_PAST.containsKey(w)) {
      return IRREGULAR_PAST.get(w);
    }
    if (w.length() > 4 && w.endsWith("ed") && !w.equals("need") && !w.equals("feed")) {
      String stem = w.substring(0, w.length() - 2);
      if (stem.endsWith("i")) {
        return stem.substring(0, stem.length() - 1) + "y";
      }
      return stem;
    }
    return null;
  }

  /** "mark X (as) done", "mark X as not done", "mark the first one complete". */
  private Intent markState(int i, int end) {
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
      {"unfinished"},
      {"to", "do"},
      {"active"}
    };
    String[][] done = {
      {"done"},
      {"complete"},
      {"completed"},
      {"finished"},
      {"as", "done"},
      {"off"},
      {"closed"},
      {"checked"},
      {"ticked"}
    };
    for (String[] tail : undone) {
      int from = end - tail.length;
      if (from >= i && g.phrase(from, tail) == end) {
        int refEnd = g.word(from - 1, "as") ? from - 1 : from;
        return new Complete(target(i, refEnd), false);
      }
    }
    for (String[] tail : done) {
      int from = end - tail.length;
      if (from >= i && g.phrase(from, tail) == end) {
        int refEnd = g.word(from - 1, "as") ? from - 1 : from;
        return new Complete(target(i, refEnd), true);
      }
    }
    return null;
  }

  // ---- editing with a verb ----

  private Intent edit() {
    Token first = g.at(0);
    String w = first.kind() == Kind.WORD ? first.lower() : "";
    boolean pullUp = w.equals("pull") && g.word(1, "up", "out");
    int putOff = w.equals("put") ? indexOfWord(2, n, "off") : -1;
    if ((MOVE_VERBS.contains(w) && !pullUp) || (putOff > 1 && dueAfterOff(putOff))) {
      return move();
    }
    if (w.equals("do") || w.equals("put") || w.equals("pencil") || w.equals("jot")) {
      Parsed<Target> lead = leadingReference(1);
      if (lead != null) {
        int s = lead.next();
        if (g.word(s, "down", "in", "back")) {
          s++;
        }
        if (g.word(s, "for", "on", "to", "at")) {
          s++;
        }
        DueEdit d = dueAt(s);
        if (d != null && s > 1) {
          return new Change(lead.value(), Edit.none().withDue(d));
        }
      }
    }
    if (w.equals("put") || w.equals("schedule") || w.equals("plan") || w.equals("slot")) {
      int back = indexOfWord(2, n, "back", "forward");
      if (back > 1) {
        return move();
      }
      Intent due = moveTail(1, -1, -1, false);
      if (due instanceof Change c && c.target() instanceof Text && !w.equals("put")) {
        return new Intent.ChangeOrCreate(
            c.target(),
            c.edit(),
            quickAdd.interpret(new ArrayList<>(t.subList(1, n)), zone, now, false));
      }
      if (due instanceof Change c && !(c.target() instanceof Target.Implicit)) {
        return due;
      }
    }
    switch (w) {
      case "rename", "retitle", "reword", "retitled" -> {
        return rename(1);
      }
      case "call" -> {
        if (g.word(1, "it", "this", "that") && n > 2) {
          return new Change(new Pronoun(false), Edit.none().withTitle(text(2, n)));
        }
      }
      case "tag", "label", "categorize", "categorise" -> {
        return tag(1);
      }
      case "untag", "unlabel" -> {
        int firstTag = firstHashtag(1, n);
        if (firstTag > 0) {
          return new Change(
              target(1, firstTag), Edit.none().withTags(List.of(), tagsIn(firstTag, n), false));
        }
        return new Change(target(1, n), Edit.none().withTags(List.of(), List.of(), true));
      }
      case "prioritize", "prioritise" -> {
        Parsed<String> p = tailPriority(1, n);
        return p == null
            ? new Change(target(1, n), Edit.none().withPriority("high"))
            : new Change(target(1, p.next()), Edit.none().withPriority(p.value()));
      }
      case "deprioritize", "deprioritise" -> {
        return new Change(target(1, n), Edit.none().withPriority("low"));
      }
      case "stop", "cancel" -> {
        Intent stop = stopRepeating();
        if (stop != null) {
          return stop;
        }
      }
      case "clear", "remove", "drop", "take", "strip", "delete", "erase" -> {
        int k = g.word(0, "take") && g.word(1, "off") ? 2 : 1;
        Intent removal = removalEdit(k);
        if (removal != null) {
          return removal;
        }
        if (g.word(0, "take")) {
          return takeOff();
        }
      }
      case "add", "append", "attach", "put", "file", "note", "give" -> {
        Intent special = addToExisting(w);
        if (special != null) {
          return special;
        }
      }
      case "set", "change", "update", "make", "edit", "modify", "adjust", "switch", "turn" -> {
        return modify(w);
      }
      default -> {}
    }
    return null;
  }

  /** Whether "off" is followed by a due ("put X off until january"). */
  private boolean dueAfterOff(int off) {
    int s = off + 1;
    if (g.word(s, "until", "till", "til", "to")) {
      s++;
    }
    return dueAt(s) != null;
  }

  /** "move X to friday", "push the rent back a day", "postpone the report by 2 days". */
  private Intent move() {
    boolean earlier = g.word(0, "bring", "pull");
    int i = 1;
    int off = g.word(0, "put") ? indexOfWord(2, n, "off") : -1;
    if (off > 1) {
      // "put this one off until january": the ref is before "off"
      int s = g.word(off + 1, "until", "till", "til", "to") ? off + 2 : off + 1;
      return moveTail(1, off, s, false);
    }
    // "push X back (by) 2 days", "bring X forward by a day", "postpone X by 2 days"
    for (int k = i; k < n; k++) {
      int s = k;
      if (g.word(s, "back", "forward", "forwards", "out", "ahead", "along", "up", "off")) {
        earlier = earlier || g.word(s, "forward", "forwards", "up", "ahead");
        s++;
      }
      if (g.word(s, "by")) {
        s++;
      }
      if (s > k || k == i) {
        Parsed<Amount> a = g.amount(s);
        if (a != null && a.next() == n && (s > k)) {
          return new Change(
              target(i, k), Edit.none().withDue(new DueEdit.Shift(a.value(), earlier)));
        }
      }
    }
    Intent tail = moveTail(i, -1, -1, earlier);
    if (tail != null) {
      return tail;
    }
    return new Unknown("When should it be due? Say e.g. “move the dentist to friday 3pm”.");
  }

  /** The target then a when ("X to friday", "X until january") reaching the end. */
  private Intent moveTail(int i, int refEnd, int whenStart, boolean earlier) {
    if (refEnd > 0) {
      DueEdit d = dueAt(whenStart);
      return d == null ? null : new Change(target(i, refEnd), Edit.none().withDue(d));
    }
    for (int k = i; k < n; k++) {
      int s = k;
      if (g.word(s, "to", "till", "til", "until", "into", "for", "on", "off", "over", "onto")) {
        s++;
        if (g.word(s, "until", "till", "to")) {
          s++;
        }
      }
      if (g.word(k, "is") && g.word(k + 1, "due")) {
        s = k + 2;
      }
      DueEdit d = dueAt(s);
      if (d != null && (k > i || s > k || k == i)) {
        int e = k;
        if (e - 1 > i && g.word(e - 1, "due")) {
          e--;
        }
        int from = lastWord(i + 1, e, "from");
        if (from > i && g.when(from + 1) != null && g.when(from + 1).next() == e) {
          e = from;
        }
        return new Change(target(i, e), Edit.none().withDue(d));
      }
    }
    return null;
  }

  /**
   * A due from {@code s} to the end: a when ("friday 3pm"), a time of day alone ("8pm"), a month
   * ("january"), "next week"; null when the words are not exactly that.
   */
  private DueEdit dueAt(int s) {
    if (s >= n) {
      return null;
    }
    Parsed<When> w = g.when(s);
    if (w != null && w.next() == n) {
      When v = w.value();
      if (v.exact() == null && v.date() == null && v.time() != null) {
        return new DueEdit.Time(v.time());
      }
      return new DueEdit.Set(v);
    }
    int k = g.word(s, "on", "in", "for", "by", "until", "till", "to") ? s + 1 : s;
    if (g.word(k, "early", "mid", "late")) {
      Parsed<LocalDate> m = g.monthStart(k + 1);
      if (m != null && m.next() == n) {
        LocalDate d =
            g.word(k, "early")
                ? m.value()
                : g.word(k, "mid") ? m.value().withDayOfMonth(15) : m.value().withDayOfMonth(25);
        return new DueEdit.Set(new When(d, null, null, false));
      }
    }
    Parsed<LocalDate> m = g.monthStart(k);
    if (m != null && m.next() == n) {
      return new DueEdit.Set(new When(m.value(), null, null, false));
    }
    if (g.phrase(k, "next|this", "week") == n) {
      LocalDate mon = g.today().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
      return new DueEdit.Set(new When(mon, null, null, false));
    }
    if (g.phrase(k, "later", "today") == n) {
      return new DueEdit.Set(new When(g.today(), LocalTime.of(18, 0), null, false));
    }
    return null;
  }

  private Intent rename(int i) {
    int to = lastWord(i + 1, n, "to", "as", "into");
    if (to < 0 || to >= n - 1) {
      return new Unknown("Say e.g. “rename buy milk to buy oat milk”.");
    }
    return new Change(target(i, to), Edit.none().withTitle(text(to + 1, n)));
  }

  /** "tag X with #a", "tag it garden", "tag the last one weekend", "label X as maintenance". */
  private Intent tag(int i) {
    int with = lastWord(i + 1, n, "with", "as");
    if (with > i) {
      List<String> tags = tagsIn(with + 1, n);
      if (!tags.isEmpty()) {
        return new Change(target(i, with), Edit.none().withTags(tags, List.of(), false));
      }
    }
    int firstTag = firstHashtag(i, n);
    if (firstTag > i) {
      return new Change(
          target(i, firstTag), Edit.none().withTags(tagsIn(firstTag, n), List.of(), false));
    }
    if (firstTag == i) {
      // "tag #home on pay rent" / "tag #home pay rent"
      int k = i;
      while (k < n && g.at(k).kind() == Kind.HASHTAG) {
        k++;
      }
      int r = g.word(k, "on", "to", "for") ? k + 1 : k;
      if (r < n) {
        return new Change(target(r, n), Edit.none().withTags(tagsIn(i, k), List.of(), false));
      }
    }
    // a pronoun or ordinal, then the tags: "tag it garden", "tag the last one weekend"
    Parsed<Target> lead = leadingReference(i);
    if (lead != null && lead.next() < n) {
      List<String> tags = tagsIn(lead.next(), n);
      if (!tags.isEmpty()) {
        return new Change(lead.value(), Edit.none().withTags(tags, List.of(), false));
      }
    }
    // "tag the visa application urgent-docs": the last word is the tag
    if (n - i >= 2) {
      List<String> tags = tagsIn(n - 1, n);
      if (!tags.isEmpty()) {
        return new Change(target(i, n - 1), Edit.none().withTags(tags, List.of(), false));
      }
    }
    return new Unknown("Say e.g. “tag pay rent with #home”.");
  }

  /** A pronoun or ordinal reference at {@code i} ("it", "the last one") and where it ends. */
  private Parsed<Target> leadingReference(int i) {
    for (int e = Math.min(n, i + 4); e > i; e--) {
      Target tg = pronounOrOrdinal(i, e);
      if (tg != null) {
        return new Parsed<>(tg, e);
      }
    }
    return null;
  }

  /** "stop repeating X", "stop X from repeating", "stop the X repeating". */
  private Intent stopRepeating() {
    if (g.word(1, "repeating", "recurring", "repeat", "recurrence")) {
      return new Change(target(2, n), Edit.none().withRecurrence(null, true));
    }
    int e = n;
    if (g.word(e - 1, "repeating", "recurring")) {
      e--;
      if (g.word(e - 1, "from")) {
        e--;
      }
      return new Change(target(1, e), Edit.none().withRecurrence(null, true));
    }
    return null;
  }

  /** "take the travel tag off the passport renewal", "take X off the work list". */
  private Intent takeOff() {
    int off = lastWord(1, n, "off", "from");
    if (off < 0) {
      return null;
    }
    int j = 1;
    if (g.word(j, "the", "my")) {
      j++;
    }
    String tag = null;
    if (j + 1 == off && g.at(j).kind() == Kind.HASHTAG) {
      tag = (String) g.at(j).value();
    } else if (j + 2 == off && g.word(j + 1, "tag", "label")) {
      tag = tagText(g.at(j));
    } else if (j + 2 == off && g.word(j, "tag", "label")) {
      tag = tagText(g.at(j + 1));
    }
    if (tag != null && off + 1 < n) {
      return new Change(target(off + 1, n), Edit.none().withTags(List.of(), List.of(tag), false));
    }
    // "take X off the work list"
    int k = off + 1;
    if (g.word(off, "off") && g.word(k, "the", "my") && g.word(k + 2, "list") && k + 3 == n) {
      String listTag = tagText(g.at(k + 1));
      if (listTag != null) {
        return new Change(target(1, off), Edit.none().withTags(List.of(), List.of(listTag), false));
      }
    }
    return null;
  }

  /**
   * "add a note to X: ...", "add the tag errands to X", "add it to the travel tag", "put finance on
   * the tax return", "put it on my work list", "file it under garden", "give it a due date of next
   * sunday".
   */
  private Intent addToExisting(String verb) {
    int j = 1;
    if (verb.equals("give")) {
      Parsed<Target> lead = leadingReference(1);
      int r = lead != null ? lead.next() : -1;
      if (lead == null) {
        return null;
      }
      int k = g.word(r, "a", "the") ? r + 1 : r;
      int due = g.phrase(k, "due|deadline", "date");
      if (due < 0) {
        due = g.phrase(k, "deadline|due");
      }
      if (due > 0) {
        int s = g.word(due, "of", "for", "on") ? due + 1 : due;
        DueEdit d = dueAt(s);
        if (d != null) {
          return new Change(lead.value(), Edit.none().withDue(d));
        }
      }
      Parsed<String> p = QuickAddParser.priorityPhrase(g, k);
      if (p != null && p.next() == n) {
        return new Change(lead.value(), Edit.none().withPriority(p.value()));
      }
      Edit e = attributesEdit(r, n);
      return e == null ? null : new Change(lead.value(), e);
    }
    if (verb.equals("note")) {
      int k = g.word(1, "for", "on", "to") ? 2 : -1;
      if (k > 0) {
        int colon = indexOf(k, n, ":");
        if (colon > k && colon < n - 1) {
          return new Change(
              target(k, colon), Edit.none().withDescription(text(colon + 1, n), true));
        }
      }
      return null;
    }
    // add a note / description / comment to X: text
    int a = g.word(j, "a", "an", "the", "this", "another") ? j + 1 : j;
    if (g.word(a, "note", "notes", "comment", "description", "detail", "details", "memo")
        && (verb.equals("add")
            || verb.equals("append")
            || verb.equals("attach")
            || verb.equals("put"))) {
      int to = a + 1;
      if (g.word(to, "to", "on", "for", "in")) {
        to++;
      } else {
        return null;
      }
      for (int k = to + 1; k < n; k++) {
        if (g.punct(k, ":") || g.punct(k, "-") || g.punct(k, "–")) {
          return new Change(target(to, k), Edit.none().withDescription(text(k + 1, n), true));
        }
        int saying = g.phrase(k, "saying|says|reading|that|which");
        if (saying > 0 && g.word(k, "that", "which")) {
          saying = g.phrase(k, "that|which", "says|reads");
        }
        if (saying > 0 && saying < n) {
          return new Change(target(to, k), Edit.none().withDescription(text(saying, n), true));
        }
      }
      Parsed<Target> lead = leadingReference(to);
      if (lead != null && lead.next() < n) {
        return new Change(lead.value(), Edit.none().withDescription(text(lead.next(), n), true));
      }
      return null;
    }
    if (verb.equals("add") || verb.equals("put") || verb.equals("file") || verb.equals("attach")) {
      // "add the tag errands to X", "add the errands tag to X", "add tag X to Y", "add #x to Y"
      List<String> tags = new ArrayList<>();
      int m = a;
      if (g.word(m, "tag", "label", "tags", "labels")) {
        Parsed<List<String>> list = tagWords(m + 1);
        if (list != null) {
          tags.addAll(list.value());
          m = list.next();
        }
      } else if (g.at(m) != null && g.at(m).kind() == Kind.HASHTAG) {
        while (g.at(m) != null && g.at(m).kind() == Kind.HASHTAG) {
          tags.add((String) g.at(m).value());
          m++;
        }
        if (g.word(m, "tag", "tags", "label")) {
          m++;
        }
      } else if (g.word(m + 1, "tag", "label") && tagText(g.at(m)) != null && m > j) {
        tags.add(tagText(g.at(m)));
        m += 2;
      }
      if (!tags.isEmpty() && g.word(m, "to", "on", "onto", "for")) {
        return new Change(target(m + 1, n), Edit.none().withTags(tags, List.of(), false));
      }
      // "add it to the travel tag", "add it to travel", "put it on my work list",
      // "file it under garden"
      Parsed<Target> lead = leadingReference(1);
      if (lead != null && lead.next() < n) {
        int k = lead.next();
        Parsed<String> list = QuickAddParser.listName(g, k);
        if (list != null && list.next() == n && list.value() != null) {
          return new Change(
              lead.value(), Edit.none().withTags(List.of(list.value()), List.of(), false));
        }
        if (g.word(k, "to", "under", "in", "into", "on")) {
          int s = k + 1;
          if (g.word(s, "the", "my")) {
            s++;
          }
          Parsed<List<String>> words = tagWords(s);
          if (words != null) {
            int e = words.next();
            if (g.word(e, "tag", "label", "list", "category", "tags", "labels")) {
              e++;
            }
            if (e == n) {
              return new Change(
                  lead.value(), Edit.none().withTags(words.value(), List.of(), false));
            }
          }
        }
        if (verb.equals("put") && g.word(k, "off")) {
          return null;
        }
      }
      if (verb.equals("put") || verb.equals("file")) {
        return putOrFile(verb);
      }
    }
    return null;
  }

  /**
   * "put finance on the tax return" (a tag on a task), "put X on my shopping list", "put the shed
   * under 'weekend'", "file X under home and garden" (tags on X, or a new task X with them).
   */
  private Intent putOrFile(String verb) {
    // "put <tag> on <ref>": a single word before "on"
    if (verb.equals("put")
        && g.word(2, "on", "onto")
        && tagText(g.at(1)) != null
        && n > 3
        && QuickAddParser.listName(g, 2) == null) {
      return new Change(
          target(3, n), Edit.none().withTags(List.of(tagText(g.at(1))), List.of(), false));
    }
    for (int k = 2; k < n; k++) {
      Parsed<String> list = QuickAddParser.listName(g, k);
      if (list != null && list.next() == n) {
        List<String> tags = list.value() == null ? List.of() : List.of(list.value());
        return new TagOrCreate(target(1, k), tags, createAt(1, k, tags));
      }
      if (g.word(k, "under", "in", "into")) {
        int s = k + 1;
        if (g.word(s, "the", "my")) {
          s++;
        }
        Parsed<List<String>> words = tagWords(s);
        if (words != null) {
          int e = words.next();
          if (g.word(e, "tag", "label", "list", "category", "tags", "labels", "folder")) {
            e++;
          }
          if (e == n) {
            return new TagOrCreate(target(1, k), words.value(), createAt(1, k, words.value()));
          }
        }
      }
    }
    return null;
  }

  private QuickAdd createAt(int from, int to, List<String> tags) {
    QuickAdd q = quickAdd.interpret(new ArrayList<>(t.subList(from, to)), zone, now, false);
    List<String> all = new ArrayList<>(q.tags());
    for (String tg : tags) {
      if (!all.contains(tg)) {
        all.add(tg);
      }
    }
    return new QuickAdd(
        q.title(),
        q.priority(),
        all,
        q.dueDate(),
        q.dueTime(),
        q.zone(),
        q.recurrence(),
        q.reminders(),
        q.reminderNotes());
  }

  /** Tag words: "garden", "home and garden", "'weekend'", "#a #b". */
  private Parsed<List<String>> tagWords(int k) {
    List<String> tags = new ArrayList<>();
    int j = k;
    while (j < n) {
      if (g.punct(j, "'") || g.punct(j, "\"")) {
        j++;
        continue;
      }
      String v = tagText(g.at(j));
      if (v == null
          || g.word(j, "tag", "label", "list", "tags", "labels", "the", "my", "a", "and")) {
        break;
      }
      tags.add(v);
      j++;
      while (g.punct(j, "'") || g.punct(j, "\"")) {
        j++;
      }
      if (g.word(j, "and") || g.punct(j, ",") || g.punct(j, "&")) {
        if (tagText(g.at(j + 1)) != null && !g.word(j + 1, "the", "my")) {
          j++;
          continue;
        }
      }
      break;
    }
    return tags.isEmpty() ? null : new Parsed<>(tags, j);
  }

  /**
   * "set/change/update/make ..." followed by a due, a title, a priority, a recurrence or a note.
   */
  private Intent modify(String verb) {
    int j = 1;
    if (g.word(j, "the", "its", "it's", "a", "an")) {
      j++;
    }
    // the due / time / priority / description / title OF a task
    int dueOf = g.phrase(j, "due|deadline|date", "date|time|day");
    if (dueOf < 0) {
      dueOf = g.phrase(j, "due|deadline|date");
    }
    if (dueOf > 0) {
      return fieldOf(dueOf, "due");
    }
    int timeOf = g.phrase(j, "time");
    if (timeOf > 0) {
      return fieldOf(timeOf, "time");
    }
    int prioOf = g.phrase(j, "priority");
    if (prioOf > 0) {
      return fieldOf(prioOf, "priority");
    }
    int descOf = g.phrase(j, "description|note|notes|details|comment");
    if (descOf > 0) {
      return fieldOf(descOf, "description");
    }
    int titleOf = g.phrase(j, "title|name");
    if (titleOf > 0) {
      return fieldOf(titleOf, "title");
    }
    int repeat = g.phrase(j, "recurrence|repeat|repetition|schedule");
    if (repeat > 0 && verb.equals("set")) {
      return fieldOf(repeat, "recurrence");
    }
    // "<ref>'s due date to X", "<ref>'s priority to high"
    for (int k = 2; k < n; k++) {
      if (g.word(k, "'s")) {
        int f = k + 1;
        int d = g.phrase(f, "due|deadline", "date|time");
        if (d < 0) {
          d = g.phrase(f, "due|deadline|date");
        }
        if (d > 0) {
          int s = g.word(d, "to", "for", "as") ? d + 1 : d;
          DueEdit de = dueAt(s);
          if (de != null) {
            return new Change(target(1, k), Edit.none().withDue(de));
          }
        }
        if (g.word(f, "priority")) {
          int s = g.word(f + 1, "to", "as") ? f + 2 : f + 1;
          Parsed<String> p = priorityWord(s);
          if (p != null && p.next() == n) {
            return new Change(target(1, k), Edit.none().withPriority(p.value()));
          }
        }
      }
    }
    // "make X repeat every weekday", "set X to repeat yearly", "make it recur monthly"
    for (int k = 1; k < n; k++) {
      int s = k;
      if (g.word(s, "to")) {
        s++;
      }
      if (g.word(s, "repeat", "recur", "repeats", "recurs", "happen")
          || g.phrase(s, "be", "repeated") > 0) {
        int r = g.word(s, "be") ? s + 2 : s + 1;
        Parsed<RecurrenceSpec> rec = recurrenceTo(r);
        if (rec != null) {
          return new Change(target(1, k), Edit.none().withRecurrence(rec.value(), false));
        }
      }
    }
    if (verb.equals("mark")) {
      return markState(1, n);
    }
    // "make X urgent", "make it high priority", "set the tax return to high priority",
    // "change the passport renewal to p2", "change it to low priority"
    Parsed<String> p = tailPriority(1, n);
    if (p != null) {
      int e = p.next();
      if (e - 1 > 1 && g.word(e - 1, "priority")) {
        e--;
      }
      return new Change(target(1, e), Edit.none().withPriority(p.value()));
    }
    // "make that saturday", "set it for this weekend", "change X to friday", "make it 8am"
    Intent due = moveTail(1, -1, -1, false);
    if (due != null) {
      return due;
    }
    // "make it a work task", "make it every monday"
    Parsed<Target> lead = leadingReference(1);
    if (lead != null && lead.next() < n) {
      Edit e = attributesEdit(lead.next(), n);
      if (e != null) {
        return new Change(lead.value(), e);
      }
    }
    if (verb.equals("change") || verb.equals("rename")) {
      int to = lastWord(2, n, "to");
      if (to > 1 && to < n - 1) {
        return new Change(target(1, to), Edit.none().withTitle(text(to + 1, n)));
      }
    }
    return null;
  }

  /** "<field> of|for|on <ref> to|: <value>" and "<field> to <value>" (of the task in focus). */
  private Intent fieldOf(int k, String field) {
    int refFrom;
    int refTo;
    int valueFrom;
    if (g.word(k, "of", "for", "on")) {
      refFrom = k + 1;
      int to = lastWord(refFrom, n, "to", "as", "for");
      int colon = indexOf(refFrom, n, ":");
      if (colon > refFrom) {
        to = colon;
      }
      if (to < 0) {
        // "set the due date of X next friday": the ref then the value
        for (int e = refFrom + 1; e < n; e++) {
          Intent v = valueOf(field, target(refFrom, e), e);
          if (v != null) {
            return v;
          }
        }
        return null;
      }
      refTo = to;
      valueFrom = to + 1;
    } else {
      refFrom = -1;
      refTo = -1;
      valueFrom = g.word(k, "to", "as", "for") || g.punct(k, ":") ? k + 1 : k;
    }
    Target target = refFrom < 0 ? new Implicit() : target(refFrom, refTo);
    return valueOf(field, target, valueFrom);
  }

  private Intent valueOf(String field, Target target, int from) {
    if (from >= n) {
      return null;
    }
    switch (field) {
      case "due" -> {
        DueEdit d = dueAt(from);
        if (d == null && g.word(from, "none", "nothing") && from + 1 == n) {
          d = new DueEdit.Clear();
        }
        return d == null ? null : new Change(target, Edit.none().withDue(d));
      }
      case "time" -> {
        DueEdit d = dueAt(from);
        return d == null ? null : new Change(target, Edit.none().withDue(d));
      }
      case "priority" -> {
        Parsed<String> p = priorityWord(from);
        return p == null || p.next() != n
            ? null
            : new Change(target, Edit.none().withPriority(p.value()));
      }
      case "description" -> {
        return new Change(target, Edit.none().withDescription(text(from, n), false));
      }
      case "title" -> {
        return new Change(target, Edit.none().withTitle(text(from, n)));
      }
      case "recurrence" -> {
        Parsed<RecurrenceSpec> r = recurrenceTo(from);
        return r == null ? null : new Change(target, Edit.none().withRecurrence(r.value(), false));
      }
      default -> {
        return null;
      }
    }
  }

  /**
   * A recurrence from {@code k} reaching the end ("every weekday", "yearly", "monthly on the 3rd").
   */
  private Parsed<RecurrenceSpec> recurrenceTo(int k) {
    int s = g.word(k, "only") ? k + 1 : k;
    Parsed<RecurrenceSpec> r = g.recurrence(s);
    if (r != null && r.next() == n) {
      return r;
    }
    return null;
  }

  /** "high", "urgent", "p2", "high priority", "top priority", "low prio": a priority level. */
  private Parsed<String> priorityWord(int k) {
    int j = g.word(k, "a", "an") ? k + 1 : k;
    Parsed<String> p = QuickAddParser.priorityAt(g, j);
    if (p != null) {
      return p;
    }
    if (g.word(j, "high", "medium", "low", "none", "normal", "urgent", "top", "important")) {
      int e = g.word(j + 1, "priority") ? j + 2 : j + 1;
      return new Parsed<>(QuickAddParser.level(g.at(j).lower()), e);
    }
    if (g.at(j) != null && g.at(j).kind() == Kind.NUMBER) {
      int v = g.at(j).intValue();
      if (v >= 1 && v <= 4) {
        return new Parsed<>(QuickAddParser.fromNumber(v), j + 1);
      }
    }
    return null;
  }

  /** A priority phrase that ends the message: "to high", "as urgent", "p1", "high priority". */
  private Parsed<String> tailPriority(int from, int end) {
    for (int k = from; k < end; k++) {
      int s = k;
      while (g.word(s, "to", "as", "priority", "is", "be")) {
        s++;
      }
      Parsed<String> p = priorityWord(s);
      if (p != null && p.next() == end && (k > from || s > k)) {
        return new Parsed<>(p.value(), k);
      }
    }
    return null;
  }

  // ---- adding ----

  private Intent add() {
    int k = -1;
    if (g.word(0, "add", "create", "new", "insert", "record", "capture", "jot", "log")) {
      k = 1;
      if (g.word(0, "jot") && g.word(1, "down")) {
        k = 2;
      }
      if (g.word(k, "new") && g.word(0, "create", "add")) {
        k++;
      }
      if (g.punct(k, ":")) {
        k++;
      }
    } else if (g.word(0, "todo", "to-do", "task") && g.punct(1, ":")) {
      k = 2;
    } else if (g.phrase(0, "to", "do") > 0 && g.punct(2, ":")) {
      k = 3;
    } else if (g.phrase(0, "i", "need|have|must|gotta|got", "to") > 0) {
      k = 3;
    } else if (g.phrase(0, "i", "gotta") > 0) {
      k = 2;
    } else if (g.phrase(0, "i've", "got", "to") > 0) {
      k = 3;
    } else if (g.phrase(0, "need|have|remember|gotta", "to") > 0) {
      k = 2;
    } else if (g.phrase(0, "don't|dont", "forget", "to") > 0) {
      k = 3;
    } else if (g.phrase(0, "note", "to", "self") > 0) {
      k = g.punct(3, ":") ? 4 : 3;
    } else if (g.phrase(0, "make", "a", "task|todo|note") > 0) {
      k = 3;
    } else if (g.word(0, "put", "file")) {
      return putOrFile(g.at(0).lower());
    }
    if (k < 0) {
      return null;
    }
    if (k >= n) {
      return new Unknown("What should the task be called?");
    }
    return createFrom(k, false);
  }

  private Intent createFrom(int from, boolean remindAtDue) {
    if (from >= n) {
      return new Unknown("What should the task be called?");
    }
    return subCreate(new ArrayList<>(t.subList(from, n)), remindAtDue);
  }

  private Intent subCreate(List<Token> tokens, boolean remindAtDue) {
    DateGrammar sub = new DateGrammar(tokens, zone, now);
    for (int k = 0; k < tokens.size(); k++) {
      if (subDaily(sub, k)) {
        return new Unknown(
            "Tasks repeat at most once a day, so I can't remind you every hour. Say e.g. “remind me"
                + " to stretch every day at 10am”.");
      }
    }
    QuickAdd q = quickAdd.interpret(tokens, zone, now, remindAtDue);
    if (q.title().isEmpty()) {
      return new Unknown("What should the task be called?");
    }
    return new Create(q);
  }

  /** "every hour", "every 30 minutes", "hourly". */
  private static boolean subDaily(DateGrammar g, int k) {
    if (g.word(k, "hourly")) {
      return true;
    }
    if (!g.word(k, "every", "each")) {
      return false;
    }
    int j = k + 1;
    Parsed<Integer> c = g.count(j);
    if (c != null && g.unit(c.next()) != null) {
      j = c.next();
    }
    Parsed<ChronoUnit> u = g.unit(j);
    return u != null && (u.value() == ChronoUnit.HOURS || u.value() == ChronoUnit.MINUTES);
  }

  // ---- statements about a task ----

  private static final Set<String> PREDICATE_STARTS =
      words(
          "is",
          "are",
          "isn't",
          "'s",
          "should",
          "shouldn't",
          "needs",
          "need",
          "doesn't",
          "does",
          "don't",
          "has",
          "hasn't",
          "moves",
          "moved",
          "can",
          "must",
          "repeats",
          "recurs",
          "happens",
          "was",
          "will",
          "won't",
          "goes",
          "has",
          "must",
          "shall",
          "ought",
          "got",
          "gets");

  private Intent statement() {
    // "priority high for the tax return", "high priority for X", "#work for X"
    Parsed<String> lead = QuickAddParser.priorityPhrase(g, 0);
    if (lead == null && g.word(0, "priority")) {
      lead = priorityWord(1);
    }
    if (lead != null && g.word(lead.next(), "for", "on", "to") && lead.next() + 1 < n) {
      return new Change(target(lead.next() + 1, n), Edit.none().withPriority(lead.value()));
    }
    // "<field> of|for <ref>: <value>"
    int colon = indexOf(1, n, ":");
    if (colon > 0) {
      Intent field = fieldColon(colon);
      if (field != null) {
        return field;
      }
    }
    // "<ref>: <attrs or command>" / "<ref> - <attrs>"
    for (int k = 1; k < n - 1; k++) {
      if (g.punct(k, ":") || g.punct(k, "-") || g.punct(k, "–") || g.punct(k, "—")) {
        Intent right = predicate(target(0, k), k + 1);
        if (right != null) {
          return right;
        }
        Intent sub = readAbout(new ArrayList<>(t.subList(k + 1, n)), target(0, k));
        if (sub != null) {
          return sub;
        }
      }
    }
    // "<ref> <predicate>"
    for (int k = 1; k < n; k++) {
      Token tok = g.at(k);
      if (tok.kind() == Kind.WORD && PREDICATE_STARTS.contains(tok.lower())) {
        Target ref = target(0, k);
        Intent p = predicate(ref, k);
        if (p != null) {
          return p;
        }
      }
    }
    return null;
  }

  /** "priority of the visa application: high", "description for X: text", "note for X: text". */
  private Intent fieldColon(int colon) {
    int j = g.word(0, "the") ? 1 : 0;
    String field = null;
    int k = -1;
    if (g.word(j, "priority")) {
      field = "priority";
      k = j + 1;
    } else if (g.word(j, "description", "note", "notes", "details", "comment")) {
      field = "description";
      k = j + 1;
    } else if (g.phrase(j, "due|deadline", "date") > 0) {
      field = "due";
      k = j + 2;
    } else if (g.word(j, "due", "deadline")) {
      field = "due";
      k = j + 1;
    } else if (g.word(j, "tags", "tag", "labels")) {
      field = "tags";
      k = j + 1;
    }
    if (field == null || !g.word(k, "of", "for", "on", "to")) {
      return null;
    }
    Target ref = target(k + 1, colon);
    if (field.equals("tags")) {
      List<String> tags = tagsIn(colon + 1, n);
      return tags.isEmpty() ? null : new Change(ref, Edit.none().withTags(tags, List.of(), false));
    }
    if (field.equals("description")) {
      boolean note = g.word(j, "note", "notes", "comment");
      return new Change(ref, Edit.none().withDescription(text(colon + 1, n), note));
    }
    return valueOf(field, ref, colon + 1);
  }

  /** What a statement says about {@code ref} from {@code k}: a change, completion or deletion. */
  private Intent predicate(Target ref, int k) {
    // a clause after a comma may carry the change: "X is overdue, make it tomorrow"
    int comma = indexOf(k, n, ",");
    if (comma > k && comma < n - 1) {
      Intent swap = swapTags(ref, k, comma);
      if (swap != null) {
        return swap;
      }
      List<Token> right = new ArrayList<>(t.subList(comma + 1, n));
      Intent whole = predicateRange(ref, k, n);
      if (whole != null) {
        return whole;
      }
      Intent first = predicateRange(ref, k, comma);
      Intent sub = readAbout(right, ref);
      if (sub != null && (first == null || informational(k, comma))) {
        return sub;
      }
      if (first != null) {
        return first;
      }
      return null;
    }
    return predicateRange(ref, k, n);
  }

  /** "X isn't travel, it's admin": one tag instead of the other. */
  private Intent swapTags(Target ref, int k, int comma) {
    int j;
    if (g.word(k, "isn't", "aren't")) {
      j = k + 1;
    } else if (g.word(k, "is", "'s", "are") && g.word(k + 1, "not")) {
      j = k + 2;
    } else {
      return null;
    }
    if (priorityWord(j) != null) {
      return null;
    }
    Parsed<List<String>> from = tagWords(j);
    if (from == null || from.next() != comma) {
      return null;
    }
    int r = comma + 1;
    if (g.word(r, "but")) {
      r++;
    }
    int s = g.phrase(r, "it's|its|they're");
    if (s < 0) {
      s = g.phrase(r, "it|they", "is|are");
    }
    if (s < 0) {
      return null;
    }
    if (g.word(s, "in", "a", "an", "under")) {
      s++;
    }
    if (priorityWord(s) != null) {
      return null;
    }
    Parsed<List<String>> to = tagWords(s);
    if (to == null) {
      return null;
    }
    int e = to.next();
    if (g.word(e, "task", "thing", "one", "tag", "stuff")) {
      e++;
    }
    if (e != n) {
      return null;
    }
    return new Change(ref, Edit.none().withTags(to.value(), from.value(), false));
  }

  private boolean informational(int k, int end) {
    for (int j = k; j < end; j++) {
      if (g.word(j, "overdue", "late", "wrong", "missing")) {
        return true;
      }
    }
    return false;
  }

  private Intent predicateRange(Target ref, int k, int end) {
    int saved = n;
    n = end;
    try {
      return predicateIn(ref, k);
    } finally {
      n = saved;
    }
  }

  private Intent predicateIn(Target ref, int k) {
    int mv = k;
    if (g.word(mv, "got", "gets", "was", "is", "'s", "has", "have")) {
      mv++;
      if (g.word(mv, "been")) {
        mv++;
      }
    }
    if (mv > k
        && g.word(
            mv,
            "moved",
            "pushed",
            "postponed",
            "rescheduled",
            "changed",
            "shifted",
            "bumped",
            "delayed",
            "brought",
            "put")) {
      int s = mv + 1;
      if (g.word(s, "back", "forward", "off")) {
        s++;
      }
      if (g.word(s, "to", "till", "until", "for", "on")) {
        s++;
      }
      DueEdit d = dueAt(s);
      if (d != null) {
        return new Change(ref, Edit.none().withDue(d));
      }
    }
    int j = k;
    boolean negated = false;
    if (g.word(j, "is", "are", "'s", "was")) {
      j++;
      if (g.word(j, "not")) {
        negated = true;
        j++;
      }
    } else if (g.word(j, "isn't", "aren't")) {
      negated = true;
      j++;
    }
    boolean isForm = j > k;
    while (g.word(j, "now", "also", "actually", "really", "already", "just", "all", "totally")) {
      j++;
    }
    if (!negated && g.word(j, "no") && g.word(j + 1, "longer")) {
      negated = true;
      j += 2;
    }
    if (isForm) {
      if (!negated && j + 1 == n && isDoneParticiple(g.at(j))) {
        return new Complete(ref, true);
      }
      if (!negated
          && g.word(
              j,
              "done",
              "finished",
              "complete",
              "completed",
              "sorted",
              "handled",
              "over",
              "dealt")) {
        int e = j + 1;
        if (g.word(e, "with")) {
          e++;
        }
        return e >= n ? new Complete(ref, true) : null;
      }
      if (negated && g.word(j, "done", "finished", "complete", "completed")) {
        return j + 1 >= n ? new Complete(ref, false) : null;
      }
      if (g.word(j, "urgent", "important")
          || g.phrase(j, "a", "priority") > 0
          || g.phrase(j, "high|top", "priority") > 0) {
        int e = g.word(j, "a") ? j + 2 : g.word(j + 1, "priority") ? j + 2 : j + 1;
        if (g.word(e, "anymore", "any", "more")) {
          e += g.word(e, "any") && g.word(e + 1, "more") ? 2 : 1;
          negated = true;
        }
        if (e >= n) {
          String lowered = g.word(j, "important") ? "low" : "medium";
          return new Change(ref, Edit.none().withPriority(negated ? lowered : priorityOf(j)));
        }
      }
      if (negated && g.word(j, "due")) {
        // "isn't due till next friday"
        int s = j + 1;
        if (g.word(s, "till", "until", "before", "til")) {
          s++;
          DueEdit d = dueAt(s);
          if (d != null) {
            return new Change(ref, Edit.none().withDue(d));
          }
        }
      }
      if (negated) {
        // "visa application isn't travel, it's admin" is read by the comma rule; "isn't X"
        Parsed<List<String>> tags = tagWords(j);
        if (tags != null && tags.next() == n) {
          return new Change(ref, Edit.none().withTags(List.of(), tags.value(), false));
        }
        return null;
      }
      // "is tagged X (too)"
      if (g.word(j, "tagged", "labelled", "labeled", "in")) {
        int s = g.word(j + 1, "with", "as") ? j + 2 : j + 1;
        List<String> tags = tagsIn(s, n);
        if (!tags.isEmpty()) {
          return new Change(ref, Edit.none().withTags(tags, List.of(), false));
        }
      }
      // "is now called X"
      if (g.word(j, "called", "named", "titled")) {
        return j + 1 < n ? new Change(ref, Edit.none().withTitle(text(j + 1, n))) : null;
      }
      // "is 30 minutes later", "is a day earlier"
      Parsed<Amount> a = g.amount(j);
      if (a != null && g.word(a.next(), "later", "earlier", "sooner") && a.next() + 1 == n) {
        return new Change(
            ref,
            Edit.none()
                .withDue(new DueEdit.Shift(a.value(), g.word(a.next(), "earlier", "sooner"))));
      }
      // "is due friday", "is on the 11th", "is for sunday", "is every tuesday", "is p2"
      Edit e = attributesEdit(j, n);
      if (e != null) {
        return new Change(ref, e);
      }
      return null;
    }
    // "should|needs to|has to|must (be) ..."
    int m = k;
    if (g.word(m, "should", "must", "will", "shall", "'ll", "can")) {
      m++;
    } else if (g.word(m, "has", "have", "'s") && g.word(m + 1, "no")) {
      int s = m + 2;
      if (g.phrase(s, "due|deadline", "date") > 0 || g.word(s, "deadline", "due", "date")) {
        return new Change(ref, Edit.none().withDue(new DueEdit.Clear()));
      }
      if (g.word(s, "tags", "tag", "labels")) {
        return new Change(ref, Edit.none().withTags(List.of(), List.of(), true));
      }
      if (g.word(s, "reminder", "reminders")) {
        return new Unremind(ref);
      }
      if (g.word(s, "priority")) {
        return new Change(ref, Edit.none().withPriority("none"));
      }
      return null;
    } else if (g.phrase(m, "needs|need|has|have|ought", "to") > 0) {
      m += 2;
    } else if (g.word(m, "doesn't", "don't", "does", "hasn't") || g.phrase(m, "does", "not") > 0) {
      return negativeStatement(ref, m);
    } else if (g.word(m, "moves", "moved", "goes", "shifts", "changes")) {
      int s = g.word(m + 1, "to", "till", "until", "on") ? m + 2 : m + 1;
      DueEdit d = dueAt(s);
      return d == null ? null : new Change(ref, Edit.none().withDue(d));
    } else if (g.word(m, "repeats", "recurs", "happens")) {
      Parsed<RecurrenceSpec> r = recurrenceTo(m + 1);
      return r == null ? null : new Change(ref, Edit.none().withRecurrence(r.value(), false));
    } else {
      return null;
    }
    if (g.word(m, "wait", "slip", "move")) {
      int s = m + 1;
      if (g.word(s, "until", "till", "til", "to", "for")) {
        s++;
      }
      DueEdit d = dueAt(s);
      if (d != null) {
        return new Change(ref, Edit.none().withDue(d));
      }
    }
    if (g.word(m, "go") && m + 1 >= n) {
      return new Delete(ref);
    }
    if (g.word(m, "stop") && g.word(m + 1, "repeating", "recurring")) {
      return new Change(ref, Edit.none().withRecurrence(null, true));
    }
    if (g.word(m, "not") && g.word(m + 1, "repeat", "recur")) {
      return new Change(ref, Edit.none().withRecurrence(null, true));
    }
    if (g.word(m, "be")) {
      m++;
      if (g.word(
          m,
          "done",
          "finished",
          "completed",
          "ready",
          "handled",
          "sorted",
          "submitted",
          "sent",
          "paid")) {
        int s = m + 1;
        if (g.word(s, "by", "before", "on", "until", "till")) {
          s = g.word(s, "by", "before") ? s + 1 : s;
        }
        DueEdit d = dueAt(s);
        return d == null ? null : new Change(ref, Edit.none().withDue(d));
      }
      if (g.word(m, "called", "named", "titled", "renamed")) {
        int s = g.word(m + 1, "to") ? m + 2 : m + 1;
        return s < n ? new Change(ref, Edit.none().withTitle(text(s, n))) : null;
      }
      if (g.word(m, "deleted", "removed", "dropped", "binned")) {
        return new Delete(ref);
      }
      if (g.word(m, "repeated", "recurring", "repeating")) {
        Parsed<RecurrenceSpec> r = recurrenceTo(m + 1);
        return r == null ? null : new Change(ref, Edit.none().withRecurrence(r.value(), false));
      }
      Edit e = attributesEdit(m, n);
      return e == null ? null : new Change(ref, e);
    }
    if (g.word(m, "only")) {
      m++;
    }
    if (g.word(m, "happen", "repeat", "recur", "occur", "run")) {
      Parsed<RecurrenceSpec> r = recurrenceTo(m + 1);
      if (r != null) {
        return new Change(ref, Edit.none().withRecurrence(r.value(), false));
      }
      DueEdit d = dueAt(m + 1);
      return d == null ? null : new Change(ref, Edit.none().withDue(d));
    }
    Edit e = attributesEdit(m, n);
    return e == null ? null : new Change(ref, e);
  }

  private static final Set<String> NOT_DONE_PARTICIPLES =
      words(
          "scheduled",
          "planned",
          "tagged",
          "labelled",
          "labeled",
          "called",
          "named",
          "needed",
          "postponed",
          "delayed",
          "moved",
          "repeated",
          "overdue",
          "due",
          "titled",
          "supposed",
          "related",
          "linked",
          "assigned",
          "blocked",
          "stuck",
          "wanted",
          "required",
          "expected",
          "added",
          "created",
          "listed",
          "set",
          "confirmed",
          "rescheduled");

  /** "fixed", "paid", "sent", "done", "sorted": a past participle saying the task is done. */
  private static boolean isDoneParticiple(Token tok) {
    if (tok == null || tok.kind() != Kind.WORD) {
      return false;
    }
    String w = tok.lower();
    if (NOT_DONE_PARTICIPLES.contains(w)) {
      return false;
    }
    if (Set.of(
            "done",
            "sorted",
            "handled",
            "over",
            "finished",
            "complete",
            "completed",
            "paid",
            "sent",
            "bought",
            "fixed",
            "gone",
            "taken",
            "written",
            "made",
            "read",
            "ordered",
            "submitted",
            "posted",
            "returned",
            "renewed",
            "cancelled",
            "canceled",
            "cleaned",
            "booked",
            "delivered",
            "collected",
            "repaired",
            "signed",
            "filed",
            "picked")
        .contains(w)) {
      return true;
    }
    return w.length() > 4 && w.endsWith("ed") && Interpreter.pastToBase(w) != null;
  }

  private String priorityOf(int j) {
    if (g.word(j, "urgent") || g.phrase(j, "top", "priority") > 0) {
      return "urgent";
    }
    return "high";
  }

  /** "doesn't need a due date", "doesn't repeat anymore", "doesn't have to be done until X". */
  private Intent negativeStatement(Target ref, int m) {
    int j = g.word(m, "does") ? m + 2 : m + 1;
    if (g.word(j, "need", "have", "needs")
        && g.word(j + 1, "to")
        && g.word(j + 2, "repeat", "recur")) {
      return new Change(ref, Edit.none().withRecurrence(null, true));
    }
    if (g.word(j, "need", "have", "require") && !g.word(j + 1, "to")) {
      int s = g.word(j + 1, "a", "any", "the") ? j + 2 : j + 1;
      if (g.phrase(s, "due|deadline", "date") > 0 || g.word(s, "deadline", "due", "date")) {
        return new Change(ref, Edit.none().withDue(new DueEdit.Clear()));
      }
      if (g.word(s, "reminder", "reminders")) {
        return new Unremind(ref);
      }
      if (g.word(s, "tags", "tag", "labels")) {
        return new Change(ref, Edit.none().withTags(List.of(), List.of(), true));
      }
      if (g.word(s + 1, "tag", "label") && tagText(g.at(s)) != null) {
        return new Change(ref, Edit.none().withTags(List.of(), List.of(tagText(g.at(s))), false));
      }
      if (g.at(s) != null && g.at(s).kind() == Kind.HASHTAG) {
        return new Change(
            ref, Edit.none().withTags(List.of(), List.of((String) g.at(s).value()), false));
      }
    }
    if (g.word(j, "repeat", "recur")) {
      return new Change(ref, Edit.none().withRecurrence(null, true));
    }
    if (g.phrase(j, "have|need", "to", "be") > 0) {
      int s = j + 3;
      if (g.word(s, "done", "finished", "completed", "ready", "submitted", "paid", "sent")) {
        s++;
      }
      if (g.word(s, "until", "till", "before", "by", "til")) {
        s++;
      }
      DueEdit d = dueAt(s);
      if (d != null) {
        return new Change(ref, Edit.none().withDue(d));
      }
      if (g.word(j + 3, "urgent", "important")) {
        return new Change(ref, Edit.none().withPriority("low"));
      }
    }
    return null;
  }

  // ---- attributes on their own: a follow-up about the task in focus ----

  /** "high priority", "#pets", "at 4pm tomorrow", "it's urgent", "every monday". */
  private Intent attributes() {
    int from = 0;
    Parsed<Target> lead = null;
    if (g.word(0, "it's", "its")) {
      from = 1;
      lead = new Parsed<>(new Pronoun(false), 1);
    }
    int meant = g.phrase(0, "i", "meant|mean");
    if (meant < 0) {
      meant = g.phrase(0, "meant|mean");
    }
    if (meant > 0) {
      from = g.phrase(meant, "to", "say") > 0 ? meant + 2 : meant;
    }
    Edit e = attributesEdit(from, n);
    if (e == null) {
      return null;
    }
    return new Change(lead == null ? new Implicit() : lead.value(), e);
  }

  /**
   * The changes said by [from, to) when every word is understood: a due ("due friday", "on the
   * 11th", "at 8pm", "for sunday", "no due date"), a recurrence, a priority, tags; null otherwise.
   */
  private Edit attributesEdit(int from, int to) {
    Edit edit = Edit.none();
    int k = from;
    boolean any = false;
    while (k < to) {
      Token tok = g.at(k);
      int noise = g.phrase(k, "from", "now", "on");
      if (noise < 0) {
        noise = g.phrase(k, "going|moving", "forward");
      }
      if (noise < 0) {
        noise = g.phrase(k, "in", "the", "future");
      }
      if (noise < 0) {
        noise = g.phrase(k, "in", "future");
      }
      if (noise < 0) {
        noise = g.phrase(k, "for", "now");
      }
      if (noise > 0) {
        k = noise;
        continue;
      }
      if (tok.kind() == Kind.PUNCT
          || g.word(
              k,
              "and",
              "also",
              "now",
              "instead",
              "actually",
              "then",
              "please",
              "a",
              "too",
              "anymore")) {
        k++;
        continue;
      }
      if (g.word(k, "not") || (g.punct(k - 1, ",") && g.word(k, "not"))) {
        // ", not thursday": what it was
        Parsed<When> w = g.when(k + 1);
        if (w != null) {
          k = w.next();
          continue;
        }
      }
      if (tok.kind() == Kind.HASHTAG) {
        edit =
            edit.withTags(append(edit.addTags(), (String) tok.value()), edit.removeTags(), false);
        k++;
        any = true;
        continue;
      }
      Parsed<List<String>> tagged = QuickAddParser.tagPhrase(g, k);
      if (tagged == null && g.word(k, "tagged", "labelled", "labeled", "tag", "label")) {
        int s = g.word(k + 1, "with", "as") ? k + 2 : k + 1;
        Parsed<List<String>> words = tagWords(s);
        if (words != null) {
          tagged = words;
        }
      }
      if (tagged != null && !tagged.value().isEmpty()) {
        List<String> add = new ArrayList<>(edit.addTags());
        tagged
            .value()
            .forEach(
                x -> {
                  if (!add.contains(x)) {
                    add.add(x);
                  }
                });
        edit = edit.withTags(add, edit.removeTags(), false);
        k = tagged.next();
        any = true;
        continue;
      }
      Parsed<String> p = QuickAddParser.priorityPhrase(g, k);
      if (p == null) {
        Parsed<String> pw =
            g.word(k, "high", "low", "medium", "top") && g.word(k + 1, "priority")
                ? priorityWord(k)
                : null;
        p = pw;
      }
      if (p != null && edit.priority() == null) {
        edit = edit.withPriority(p.value());
        k = p.next();
        any = true;
        continue;
      }
      int noDue = g.phrase(k, "no", "due|deadline", "date");
      if (noDue < 0) {
        noDue = g.phrase(k, "no", "due|deadline");
      }
      if (noDue > 0) {
        edit = edit.withDue(new DueEdit.Clear());
        k = noDue;
        any = true;
        continue;
      }
      Parsed<RecurrenceSpec> r = g.recurrence(k);
      if (r != null && edit.recurrence() == null) {
        edit = edit.withRecurrence(r.value(), false);
        k = r.next();
        any = true;
        continue;
      }
      int s = k;
      // "a due date of dec 20", "the deadline friday"
      if (g.word(s, "a", "the") && g.word(s + 1, "due", "deadline")) {
        s++;
      }
      if (g.word(s, "due", "deadline") && g.word(s + 1, "date")) {
        s += 2;
        if (g.word(s, "of", "on", "for")) {
          s++;
        }
      } else if (g.word(s, "deadline") && g.word(s + 1, "of", "on")) {
        s += 2;
      }
      if (g.word(s, "due", "for", "on", "at", "by", "to")) {
        s++;
        if (g.word(s, "on", "by", "at", "for")) {
          s++;
        }
      }
      Parsed<When> w = g.when(s);
      if (w != null && edit.due() == null) {
        When v = w.value();
        DueEdit d =
            v.exact() == null && v.date() == null && v.time() != null
                ? new DueEdit.Time(v.time())
                : new DueEdit.Set(v);
        edit = edit.withDue(d);
        k = w.next();
        any = true;
        continue;
      }
      if (edit.due() == null) {
        int mk = g.word(k, "in", "for", "until", "due") ? k + 1 : k;
        Parsed<LocalDate> m = g.monthStart(mk);
        if (m != null) {
          edit = edit.withDue(new DueEdit.Set(new When(m.value(), null, null, false)));
          k = m.next();
          any = true;
          continue;
        }
      }
      return null;
    }
    return any ? edit : null;
  }

  private static List<String> append(List<String> list, String v) {
    List<String> l = new ArrayList<>(list);
    if (!l.contains(v)) {
      l.add(v);
    }
    return l;
  }

  // ---- listing and searching ----

  private boolean isQuestionStart(int k) {
    Token tok = g.at(k);
    return tok != null && tok.kind() == Kind.WORD && QUESTION_STARTS.contains(tok.lower());
  }

  private Intent query() {
    Token first = g.at(0);
    if (first.kind() != Kind.WORD) {
      return null;
    }
    String w = first.lower();
    // "when is it due?", "what did I just add?"
    if (g.phrase(0, "when", "is|'s", "it|that") > 0 || g.phrase(0, "when's", "it|that") > 0) {
      return new Show(new Implicit());
    }
    if (g.phrase(0, "what", "did", "i", "just") > 0
        || g.phrase(0, "what", "was", "that", "again") > 0) {
      return new Show(new Implicit());
    }
    if (g.phrase(0, "show|open|display", "it|that") == n) {
      return new Show(new Implicit());
    }
    if (!QUESTION_STARTS.contains(w)) {
      return null;
    }
    if (w.equals("get") && !g.word(1, "me")) {
      return null;
    }
    if (w.equals("give") && !g.word(1, "me")) {
      return null;
    }
    // show one task by id
    if (g.word(0, "show", "get", "view", "display", "open") && isIdRef(1, n)) {
      return new Show(target(1, n));
    }
    // searches
    int search = searchStart();
    if (search >= 0) {
      if (search >= n) {
        return new Unknown("What should I look for? Say e.g. “find tasks about taxes”.");
      }
      ListQuery q = listQuery(search, false);
      if (q != null && q.hasFilter() && q.search() == null && q.nouns().isEmpty()) {
        return new Query(q);
      }
      return new Query(searchQuery(search, n));
    }
    ListQuery q = listQuery(0, false);
    if (q != null && guessOnly(q)) {
      // "what is the meaning of life": words that may name tasks, else it was not about them
      return new Intent.Lookup(q);
    }
    if (q != null) {
      return new Query(q);
    }
    if (g.word(0, "what", "what's", "whats", "which", "how", "list", "show", "any", "anything")) {
      // a question not understood: look for its content words
      return null;
    }
    return null;
  }

  /** A selection made only of unknown words, in a message that does not speak of tasks. */
  private boolean guessOnly(ListQuery q) {
    if (q.nouns().isEmpty()
        || !q.priorities().isEmpty()
        || !q.tags().isEmpty()
        || q.dueAfter() != null
        || q.dueBefore() != null
        || q.overdue()
        || q.search() != null
        || q.completedSince() != null
        || q.count()
        || !"pending".equals(q.status())) {
      return false;
    }
    return !containsWord(
        "tasks", "task", "todos", "todo", "to-dos", "list", "items", "agenda", "tagged", "left",
        "have", "got", "do", "need", "make", "plate");
  }

  /**
   * "find", "search for", "look up", "look for", "lookup", "where's my task about": index after.
   */
  private int searchStart() {
    int k = -1;
    if (g.word(0, "find", "search", "lookup", "locate", "grep")) {
      k = 1;
      if (g.word(k, "me", "us")) {
        k++;
      }
    } else if (g.phrase(0, "look", "up|for|through") > 0) {
      k = 2;
    } else if (g.word(0, "look") && g.word(1, "into")) {
      k = 2;
    } else if (g.word(0, "where's", "where") || g.phrase(0, "pull", "up") > 0) {
      k = g.word(0, "pull") ? 2 : 1;
      if (g.word(k, "is", "are")) {
        k++;
      }
    } else if (g.phrase(0, "what", "was|were", "that|the") > 0) {
      k = 3;
    } else if (g.phrase(0, "is|are", "there") > 0) {
      k = 2;
    } else if (g.phrase(0, "do|did", "i", "have") > 0 && !hasDateWords(3)) {
      k = 3;
      if (g.word(k, "to") && g.word(k + 1, "do")) {
        k += 2;
      }
    } else if (g.word(0, "any", "anything")
        && containsWord("about", "with", "mentioning", "regarding", "related", "for")) {
      k = 1;
    }
    if (k < 0) {
      return -1;
    }
    if (g.word(k, "for", "my", "all", "the")) {
      k++;
    }
    if (g.word(k, "tasks", "task", "todos", "items")) {
      k++;
      if (g.word(k, "for")) {
        k++;
      }
    }
    return k;
  }

  private boolean hasDateWords(int from) {
    for (int k = from; k < n; k++) {
      if (g.when(k) != null
          || g.word(
              k,
              "overdue",
              "week",
              "weekend",
              "today",
              "tomorrow",
              "month",
              "urgent",
              "important",
              "completed",
              "done",
              "finished",
              "due",
              "priority",
              "tagged",
              "left",
              "tasks",
              "todos",
              "task")) {
        return true;
      }
    }
    return false;
  }

  private boolean containsWord(String... words) {
    for (int k = 0; k < n; k++) {
      if (g.word(k, words)) {
        return true;
      }
    }
    return false;
  }

  /** A text search for the content words in [from, to). */
  private ListQuery searchQuery(int from, int to) {
    List<String> words = new ArrayList<>();
    for (int k = from; k < to; k++) {
      Token tok = g.at(k);
      if (tok.kind() == Kind.HASHTAG) {
        words.add((String) tok.value());
        continue;
      }
      if (tok.kind() == Kind.QUOTED) {
        words.add(tok.text().strip());
        continue;
      }
      if (tok.kind() != Kind.WORD && tok.kind() != Kind.NUMBER) {
        continue;
      }
      if (g.phrase(k, "on", "my", "list") > 0) {
        k += 2;
        continue;
      }
      if (FILLER.contains(tok.lower()) || REF_STOP.contains(tok.lower())) {
        continue;
      }
      words.add(tok.text());
    }
    if (words.isEmpty()) {
      return new ListQuery(
          "pending", null, null, null, null, null, false, null, null, "due", null, null, false, "");
    }
    String search = String.join(" ", words);
    return new ListQuery(
        "all",
        null,
        null,
        null,
        null,
        null,
        false,
        search,
        null,
        null,
        null,
        null,
        false,
        "matching " + Replies.quote(search));
  }

  /**
   * Filters in any order: status words, priorities, tags, date ranges, "about ...", "sorted by",
   * "top 5", "next", "how many", "finished this week". Unknown content words become nouns (a tag or
   * words of titles). Null when nothing is understood and there is no noun like "tasks".
   */
  private ListQuery listQuery(int i, boolean strict) {
    String status = "pending";
    List<String> priorities = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    List<String> nouns = new ArrayList<>();
    LocalDate after = null;
    LocalDate before = null;
    String dateLabel = null;
    boolean overdue = false;
    String search = null;
    String sortBy = null;
    String sortOrder = null;
    Integer limit = null;
    boolean count = false;
    boolean next = false;
    Instant completedSince = null;
    String completedLabel = null;
    boolean understood = false;
    Boolean hasDue = null;
    LocalDate today = g.today();
    int j = i;
    while (j < n) {
      Token tok = g.at(j);
      int m;
      if (tok.is("for", "on", "in", "over", "during")
          && (g.word(j + 1, "this", "next", "the", "today", "tonight", "tomorrow")
              && (g.word(j + 2, "week", "weekend", "month")
                  || g.word(j + 1, "today", "tonight", "tomorrow")))) {
        j++;
        continue;
      }
      int noDue = g.phrase(j, "without|with|w/o", "no|a|any", "due|deadline");
      if (noDue < 0) {
        noDue = g.phrase(j, "without|w/o", "due|deadline|deadlines|dates|date");
      }
      if (noDue < 0) {
        noDue = g.phrase(j, "no", "due|deadline|deadlines|date|dates");
      }
      if (noDue < 0 && tok.is("undated", "unscheduled")) {
        noDue = j + 1;
      }
      if (noDue > 0) {
        hasDue = false;
        j = g.word(noDue, "date", "dates", "set") ? noDue + 1 : noDue;
        understood = true;
        continue;
      }
      Parsed<LocalDate> inMonth =
          tok.is("in", "during", "for", "this", "next") || tok.kind() == Kind.WORD
              ? g.monthStart(tok.is("in", "during", "for") ? j + 1 : j)
              : null;
      if (inMonth != null && (tok.is("in", "during", "for") || g.month(j) != null)) {
        after = inMonth.value().isBefore(today) ? today : inMonth.value();
        before = inMonth.value().with(TemporalAdjusters.lastDayOfMonth());
        dateLabel =
            "in "
                + inMonth
                    .value()
                    .getMonth()
                    .getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
        j = inMonth.next();
        understood = true;
        continue;
      }
      if (tok.is("overdue", "late", "missed", "forgot", "forgotten", "behind", "slipped")) {
        overdue = true;
        j++;
      } else if ((m = g.phrase(j, "past", "due")) > 0) {
        overdue = true;
        j = m;
      } else if ((m = completedPeriod(j)) > 0) {
        status = "completed";
        Parsed<Instant> since = since(m);
        if (since != null) {
          completedSince = since.value();
          completedLabel = sinceLabel(m);
          j = since.next();
        } else {
          j = m;
        }
      } else if (tok.is("completed", "done", "finished", "closed", "complete", "checked")) {
        status = "completed";
        j++;
      } else if ((m = g.phrase(j, "including|and|incl|plus", "completed|done|finished")) > 0) {
        status = "all";
        j = m;
      } else if (tok.is(
          "open",
          "pending",
          "incomplete",
          "unfinished",
          "remaining",
          "outstanding",
          "active",
          "uncompleted",
          "left",
          "undone",
          "todo")) {
        j++;
        understood = true;
        continue;
      } else if (tok.is("most", "top")
          && g.word(j + 1, "urgent", "important", "pressing", "critical")) {
        sortBy = "priority";
        sortOrder = "desc";
        if (limit == null) {
          limit = 3;
        }
        j += 2;
      } else if (tok.is("important")) {
        addAll(priorities, "urgent", "high");
        j++;
      } else if (QuickAddParser.priorityAt(g, j) != null) {
        Parsed<String> p = QuickAddParser.priorityAt(g, j);
        addAll(priorities, p.value());
        j = p.next();
      } else if (tok.is("high", "medium", "low", "high-priority", "low-priority", "top")) {
        addAll(priorities, QuickAddParser.level(tok.lower().replace("-priority", "")));
        j = g.word(j + 1, "priority", "prio") ? j + 2 : j + 1;
      } else if (tok.kind() == Kind.HASHTAG) {
        addAll(tags, (String) tok.value());
        j++;
      } else if (tok.is("tagged", "labelled", "labeled", "label", "tag") && g.at(j + 1) != null) {
        j++;
        if (g.word(j, "with", "as")) {
          j++;
        }
        Token tg = g.at(j);
        String v = tg == null ? null : tagText(tg);
        if (v != null) {
          addAll(tags, v);
        }
        j++;
      } else if (tok.is("next")
          && (g.at(j + 1) == null || g.word(j + 1, "up", "task", "thing", "one"))
          && !g.word(j + 1, "week", "month")) {
        next = true;
        j = g.word(j + 1, "up", "task", "thing", "one") ? j + 2 : j + 1;
      } else if (tok.is("how") && g.word(j + 1, "many", "much")) {
        count = true;
        j += 2;
      } else if (tok.is("today", "tonight", "tod")) {
        after = today;
        before = today;
        dateLabel = "today";
        j++;
      } else if ((m = g.phrase(j, "this|the", "week")) > 0 || (m = g.phrase(j, "week")) > 0) {
        after = today;
        before = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        dateLabel = "this week";
        j = m;
      } else if ((m = g.phrase(j, "next", "week")) > 0) {
        after = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        before = after.plusDays(6);
        dateLabel = "next week";
        j = m;
      } else if ((m = g.phrase(j, "this|the", "month")) > 0) {
        after = today;
        before = today.with(TemporalAdjusters.lastDayOfMonth());
        dateLabel = "this month";
        j = m;
      } else if ((m = g.phrase(j, "next", "month")) > 0) {
        after = today.plusMonths(1).withDayOfMonth(1);
        before = after.with(TemporalAdjusters.lastDayOfMonth());
        dateLabel = "next month";
        j = m;
      } else if ((m = g.phrase(j, "this|the", "weekend")) > 0 || (m = g.phrase(j, "weekend")) > 0) {
        after = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        if (today.getDayOfWeek() == DayOfWeek.SUNDAY) {
          after = today;
        }
        before = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        dateLabel = "this weekend";
        j = m;
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
        before = tok.is("before") ? d.value().date().minusDays(1) : d.value().date();
        dateLabel = (tok.is("before") ? "before " : "by ") + Replies.date(d.value().date(), today);
        j = d.next();
      } else if (tok.is("after", "from", "since") && g.date(j + 1, true) != null) {
        Parsed<When> d = g.date(j + 1, true);
        after = d.value().date();
        dateLabel = "from " + Replies.date(after, today);
        j = d.next();
      } else if (!tok.is("due") && g.date(g.word(j, "on", "for") ? j + 1 : j, true) != null) {
        int s = g.word(j, "on", "for") ? j + 1 : j;
        Parsed<When> d = g.date(s, true);
        after = d.value().date();
        before = after;
        dateLabel = "on " + Replies.date(after, today);
        j = d.next();
      } else if (sortKey(j) != null) {
        Parsed<String[]> s = sortKey(j);
        sortBy = s.value()[0];
        sortOrder = s.value()[1];
        j = s.next();
      } else if (tok.is("top", "first", "next", "last")
          && g.at(j + 1) != null
          && g.at(j + 1).kind() == Kind.NUMBER) {
        limit = g.at(j + 1).intValue();
        if (tok.is("next") && sortBy == null) {
          sortBy = "due";
        }
        j += 2;
      } else if (tok.is("about", "mentioning", "containing", "matching", "regarding", "with")
          && j + 1 < n) {
        ListQuery s = searchQuery(j + 1, n);
        search = s.search();
        j = n;
      } else if ((m = g.phrase(j, "related", "to")) > 0 && m < n) {
        ListQuery s = searchQuery(m, n);
        search = s.search();
        j = n;
      } else if (tok.is("due")
          || (tok.is("on", "for")
              && (g.at(j + 1) == null || FILLER.contains(g.at(j + 1).lower())))) {
        j++;
        continue;
      } else if (tok.kind() == Kind.WORD && FILLER.contains(tok.lower())) {
        j++;
        continue;
      } else if (tok.kind() == Kind.PUNCT) {
        j++;
        continue;
      } else if (tok.is("'s")) {
        j++;
        continue;
      } else if (!strict
          && tok.kind() == Kind.WORD
          && QuickAddParser.TAG.matcher(tok.lower()).matches()
          && !tok.is("due", "make", "go", "finish", "doing")) {
        addAll(nouns, tok.lower());
        j++;
      } else {
        return null;
      }
      understood = true;
    }
    boolean hasNoun = false;
    for (int k = i; k < n; k++) {
      hasNoun |=
          g.word(
              k,
              "tasks",
              "todos",
              "to-dos",
              "agenda",
              "list",
              "items",
              "plate",
              "plan",
              "schedule");
    }
    if (!understood && !hasNoun && !g.word(i, "what", "what's", "show", "list")) {
      return null;
    }
    if (strict && !understood && !hasNoun) {
      return null;
    }
    if (next) {
      sortBy = "due";
      if (limit == null) {
        limit = 5;
      }
    }
    if (sortBy == null && (after != null || before != null || overdue)) {
      sortBy = "due";
    }
    List<String> adjectives = new ArrayList<>();
    if (overdue) {
      adjectives.add("overdue");
    } else if (status.equals("completed")) {
      adjectives.add("completed");
    } else if (status.equals("pending")) {
      adjectives.add("open");
    }
    adjectives.addAll(priorities.stream().map(p -> p + " priority").toList());
    tags.forEach(tg -> adjectives.add("#" + tg));
    String label = String.join(" ", adjectives);
    if (dateLabel != null) {
      label += " due " + dateLabel;
    }
    if (completedLabel != null) {
      label = "completed " + completedLabel;
    }
    if (search != null) {
      label += " matching " + Replies.quote(search);
    }
    if (!nouns.isEmpty()) {
      label += " about " + String.join(" ", nouns);
    }
    return new ListQuery(
        status,
        priorities,
        tags,
        nouns,
        after,
        before,
        overdue,
        search,
        completedSince,
        sortBy,
        sortOrder,
        limit,
        count,
        label.strip(),
        hasDue);
  }

  /**
   * "finish", "finished", "complete(d)", "get done", "got done", "do", "did", "tick off": after.
   */
  private int completedPeriod(int j) {
    if (g.word(j, "did", "have", "i", "i've")) {
      int k = j;
      if (g.word(k, "i")) {
        k++;
      }
      if (g.word(k, "did", "have", "'ve")) {
        k++;
      }
      if (g.word(k, "i")) {
        k++;
      }
      if (g.word(
          k,
          "finish",
          "finished",
          "complete",
          "completed",
          "tick",
          "ticked",
          "check",
          "checked",
          "do",
          "done")) {
        int e = k + 1;
        if (g.word(e, "off")) {
          e++;
        }
        return e;
      }
      if (g.word(k, "get", "got") && g.word(k + 1, "done")) {
        return k + 2;
      }
      return -1;
    }
    if (g.word(j, "finished", "completed") && since(j + 1) != null) {
      return j + 1;
    }
    if (g.phrase(j, "get|got", "done") > 0) {
      return j + 2;
    }
    return -1;
  }

  /** "this week", "today", "yesterday", "last week", "lately", "recently": since when. */
  private Parsed<Instant> since(int k) {
    LocalDate today = g.today();
    int m;
    if (g.word(k, "today")) {
      return new Parsed<>(today.atStartOfDay(zone).toInstant(), k + 1);
    }
    if (g.word(k, "yesterday")) {
      return new Parsed<>(today.minusDays(1).atStartOfDay(zone).toInstant(), k + 1);
    }
    if ((m = g.phrase(k, "this|the", "week")) > 0) {
      LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      return new Parsed<>(monday.atStartOfDay(zone).toInstant(), m);
    }
    if ((m = g.phrase(k, "last|past", "week")) > 0) {
      return new Parsed<>(today.minusDays(7).atStartOfDay(zone).toInstant(), m);
    }
    if ((m = g.phrase(k, "this|the", "month")) > 0) {
      return new Parsed<>(today.withDayOfMonth(1).atStartOfDay(zone).toInstant(), m);
    }
    if (g.word(k, "lately", "recently")) {
      return new Parsed<>(today.minusDays(14).atStartOfDay(zone).toInstant(), k + 1);
    }
    return null;
  }

  private String sinceLabel(int k) {
    if (g.word(k, "today")) {
      return "today";
    }
    if (g.word(k, "yesterday")) {
      return "since yesterday";
    }
    if (g.phrase(k, "this|the", "week") > 0) {
      return "this week";
    }
    if (g.phrase(k, "last|past", "week") > 0) {
      return "in the last 7 days";
    }
    if (g.phrase(k, "this|the", "month") > 0) {
      return "this month";
    }
    return "in the last 14 days";
  }

  private Parsed<Integer> nextDays(int j) {
    int k = g.phrase(j, "in", "the", "next");
    if (k < 0) {
      k = g.phrase(j, "within|next");
    }
    if (k < 0) {
      return null;
    }
    Parsed<Integer> c = g.count(k);
    if (c != null && g.word(c.next(), "days", "day")) {
      return new Parsed<>(c.value(), c.next() + 1);
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
    int m = k + 1;
    if (g.word(m, "date", "time")) {
      m++;
    }
    String order = key.equals("priority") ? "desc" : null;
    if (g.word(m, "asc", "ascending")) {
      order = "asc";
      m++;
    } else if (g.word(m, "desc", "descending")) {
      order = "desc";
      m++;
    }
    return new Parsed<>(new String[] {key, order}, m);
  }

  // ---- fallback ----

  private Intent fallback() {
    QuickAdd q = quickAdd.interpret(t, zone, now, false);
    if (q.hasAttributes() && !q.title().isEmpty()) {
      return new Create(q);
    }
    ListQuery list = listQuery(0, true);
    if (list != null) {
      return new Query(list);
    }
    if (isQuestionStart(0)) {
      ListQuery s = searchQuery(1, n);
      if (s.search() != null) {
        return new Query(s);
      }
    }
    if (n <= 3) {
      ListQuery guess = listQuery(0, false);
      if (guess != null && !guess.nouns().isEmpty()) {
        return new Intent.Lookup(guess);
      }
    }
    return new Unknown(null);
  }

  // ---- references ----

  private boolean isIdRef(int i, int end) {
    Target r = target(i, end);
    return r instanceof Id && g.word(i, "task", "number", "id", "#");
  }

  /** The task(s) [from, to) name. */
  Target target(int from, int to) {
    int a = from;
    int b = to;
    while (a < b
        && (g.at(a).kind() == Kind.PUNCT && !g.at(a).isPunct("\"") && !g.at(a).isPunct("'"))) {
      a++;
    }
    while (b > a
        && g.at(b - 1).kind() == Kind.PUNCT
        && !g.at(b - 1).isPunct("\"")
        && !g.at(b - 1).isPunct("'")) {
      b--;
    }
    if (a >= b) {
      return new Implicit();
    }
    Target simple = pronounOrOrdinal(a, b);
    if (simple != null) {
      return simple;
    }
    // task 12, #12, 12
    int s = a;
    while (s < b && g.word(s, "task", "number", "id", "no", "the")) {
      s++;
    }
    if (b - s == 1) {
      Token tok = g.at(s);
      if (tok.kind() == Kind.NUMBER && (s > a || b - a == 1)) {
        return new Id(tok.intValue());
      }
      if (tok.kind() == Kind.HASHTAG && ((String) tok.value()).matches("\\d{1,18}")) {
        return new Id(Long.parseLong((String) tok.value()));
      }
    }
    // "both X and Y"
    if (g.word(a, "both")) {
      int and = indexOfWord(a + 1, b, "and");
      if (and > a + 1 && and < b - 1) {
        int e = b;
        if (g.word(e - 1, "tasks", "ones", "items", "todos") && e - 1 > and + 1) {
          e--;
        }
        return new Several(List.of(new Text(text(a + 1, and)), new Text(text(and + 1, e))));
      }
    }
    // "the second and third ones", "the first and the last"
    int and = indexOfWord(a + 1, b, "and");
    if (and > a) {
      int e = g.word(b - 1, "ones", "tasks", "items") ? b - 1 : b;
      Target left = pronounOrOrdinal(a, and);
      Target right = pronounOrOrdinal(and + 1, e);
      if (left == null && ordinalAt(g, a, and) == null) {
        // "the second and third ones": the noun only at the end
        Parsed<Integer> l = ordinalAt(g, a, and + 1);
        left = l != null && l.next() == and ? new Ordinal(l.value()) : null;
      }
      if (right == null && e > and + 1) {
        Parsed<Integer> r = ordinalAt(g, and + 1, e);
        right = r != null && r.next() == e ? new Ordinal(r.value()) : null;
      }
      if (left instanceof Ordinal && right instanceof Ordinal) {
        return new Several(List.of(left, right));
      }
    }
    Target filter = filterTarget(a, b);
    if (filter != null) {
      return filter;
    }
    return new Text(text(a, b));
  }

  /** "it", "that one", "them", "the first one", "the last one", "the 2nd task"; or null. */
  private Target pronounOrOrdinal(int a, int b) {
    int len = b - a;
    StringBuilder raw = new StringBuilder();
    for (int k = a; k < b; k++) {
      raw.append(k > a ? " " : "").append(g.at(k).lower());
    }
    String phrase = raw.toString();
    if (Set.of(
            "it",
            "that",
            "this",
            "this one",
            "that one",
            "the one",
            "this task",
            "that task",
            "the task",
            "that thing",
            "this thing",
            "that item",
            "this item",
            "it all",
            "that one too",
            "the same one",
            "the same task",
            "same",
            "same one",
            "it too")
        .contains(phrase)) {
      return new Pronoun(false);
    }
    if (Set.of(
            "them",
            "those",
            "these",
            "all of them",
            "both",
            "both of them",
            "them all",
            "all of those",
            "each of them",
            "those ones",
            "these ones",
            "all three",
            "all two",
            "all three of them",
            "those tasks",
            "these tasks",
            "the lot",
            "all those",
            "all these",
            "everything i listed",
            "all of these",
            "every one of them")
        .contains(phrase)) {
      return new Pronoun(true);
    }
    Parsed<Integer> ord = ordinalAt(g, a, b);
    if (ord != null && ord.next() == b && len <= 4) {
      return new Ordinal(ord.value());
    }
    // "the first two", "the last three (ones)"
    int k = g.word(a, "the") ? a + 1 : a;
    if (g.word(k, "first", "last", "top") && g.count(k + 1) != null) {
      Parsed<Integer> c = g.count(k + 1);
      int e = g.word(c.next(), "ones", "tasks", "items", "of", "things") ? c.next() + 1 : c.next();
      if (g.word(e - 1, "of") && g.word(e, "them", "those")) {
        e++;
      }
      if (e == b && c.value() >= 1 && c.value() <= 20) {
        return new Ordinal(g.word(k, "last") ? -1 : 1, c.value());
      }
    }
    return null;
  }

  /** "the first one", "first", "the 2nd task", "number 2", "the last one": 1-based, -1 = last. */
  static Parsed<Integer> ordinalAt(DateGrammar g, int a, int b) {
    int k = a;
    if (g.word(k, "the")) {
      k++;
    }
    Integer n = null;
    Token tok = g.at(k);
    if (tok == null) {
      return null;
    }
    if (tok.kind() == Kind.ORDINAL && tok.intValue() <= 20) {
      n = tok.intValue();
    } else if (tok.kind() == Kind.WORD) {
      n =
          switch (tok.lower()) {
            case "first", "top" -> 1;
            case "second" -> 2;
            case "third" -> 3;
            case "fourth" -> 4;
            case "fifth" -> 5;
            case "sixth" -> 6;
            case "seventh" -> 7;
            case "eighth" -> 8;
            case "ninth" -> 9;
            case "tenth" -> 10;
            case "last", "final", "bottom" -> -1;
            default -> null;
          };
      if (n == null
          && tok.is("number", "no", "#")
          && g.at(k + 1) != null
          && g.at(k + 1).kind() == Kind.NUMBER) {
        n = g.at(k + 1).intValue();
        k++;
      }
    }
    if (n == null) {
      return null;
    }
    k++;
    if (k < b && g.word(k, "one", "task", "item", "thing", "todo", "entry")) {
      k++;
    }
    if (k + 3 <= b && g.phrase(k, "on|in", "the|my|that", "list") > 0) {
      k += 3;
    }
    if (k < b && g.word(k, "you", "listed", "shown", "mentioned")) {
      k++;
    }
    return new Parsed<>(n, k);
  }

  /** "all my travel tasks", "everything tagged work", "the done tasks", "all errands". */
  private Target filterTarget(int a, int b) {
    int k = a;
    boolean quantified = false;
    if (g.word(k, "all", "every", "everything", "each")) {
      quantified = true;
      k++;
      if (g.word(k, "of")) {
        k++;
      }
    }
    boolean plural = false;
    for (int m = k; m < b; m++) {
      plural |=
          g.word(
              m, "tasks", "stuff", "things", "ones", "items", "todos", "to-dos", "errands",
              "chores", "jobs");
    }
    if (!quantified && !plural) {
      return null;
    }
    boolean onlyFiller = true;
    for (int m = k; m < b; m++) {
      if (!g.word(
          m,
          "my",
          "the",
          "tasks",
          "task",
          "todos",
          "items",
          "things",
          "stuff",
          "of",
          "them",
          "i",
          "have",
          "list",
          "everything",
          "on",
          "in")) {
        onlyFiller = false;
      }
    }
    if (quantified && onlyFiller) {
      return new Filter(
          new ListQuery(
              "all", null, null, null, null, null, false, null, null, null, null, null, false,
              "tasks"));
    }
    int saved = n;
    n = b;
    ListQuery q;
    try {
      q = listQuery(k, false);
    } finally {
      n = saved;
    }
    if (q == null) {
      return null;
    }
    boolean everything = g.word(a, "everything") || (quantified && !q.hasFilter());
    if (!quantified && !q.hasFilter()) {
      return null;
    }
    if (!quantified && q.nouns().size() > 1) {
      return null;
    }
    if (everything || q.hasFilter()) {
      String status = q.status();
      if (everything && "pending".equals(status) && q.nouns().isEmpty()) {
        status = "all";
      }
      return new Filter(
          new ListQuery(
              status,
              q.priorities(),
              q.tags(),
              q.nouns(),
              q.dueAfter(),
              q.dueBefore(),
              q.overdue(),
              q.search(),
              q.completedSince(),
              q.sortBy(),
              q.sortOrder(),
              null,
              false,
              q.label()));
    }
    return null;
  }

  // ---- helpers ----

  private int lastWord(int from, int end, String... words) {
    for (int k = end - 1; k >= from; k--) {
      if (g.word(k, words)) {
        return k;
      }
    }
    return -1;
  }

  private int indexOf(int from, int end, String punct) {
    for (int k = from; k < end; k++) {
      if (g.punct(k, punct)) {
        return k;
      }
    }
    return -1;
  }

  private int indexOfWord(int from, int end, String... words) {
    for (int k = from; k < end; k++) {
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
      if (tok.kind() == Kind.WORD
          && tok.is("and", "or", "tag", "tags", "with", "as", "the", "too", "also", "label")) {
        continue;
      }
      String v = tagText(tok);
      if (v != null && QuickAddParser.TAG.matcher(v).matches()) {
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
    return text(t, from, to);
  }

  private static String text(List<Token> tokens, int from, int to) {
    boolean[] used = new boolean[tokens.size()];
    for (int k = 0; k < tokens.size(); k++) {
      used[k] = k < from || k >= to;
    }
    return QuickAddParser.title(tokens, used);
  }

  private static Set<String> words(String... words) {
    return Set.copyOf(java.util.Arrays.asList(words));
  }
}
