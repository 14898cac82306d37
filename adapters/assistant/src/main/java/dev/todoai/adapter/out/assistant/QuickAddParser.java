package dev.todoai.adapter.out.assistant;

import dev.todoai.adapter.out.assistant.DateGrammar.ReminderTime;
import dev.todoai.adapter.out.assistant.DateGrammar.When;
import dev.todoai.adapter.out.assistant.Token.Kind;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one line of quick-add text ("pay rent every month on the 1st at 9am p1 #home remind me 1
 * day before") into {@code add_task} arguments: whatever is not a date, time, recurrence, tag,
 * label, priority or reminder becomes the title. Understood the Todoist way: {@code every} and
 * {@code every!} (from completion), {@code p1}-{@code p4} and {@code !!}, {@code #tag} and
 * {@code @label}, "remind me ..."; and the way people say it: "a low-priority task to ...", "...
 * and label it work", "file ... under home and garden", "... as a top-priority item".
 */
@Singleton
public class QuickAddParser {

  static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}_/-]{1,40}");
  private static final Set<String> EDGE_WORDS =
      words(
          "and", "due", "also", "with", "to", "that", "about", "then", "please", "it's", "as",
          "plus", "but");
  private static final Set<String> LEADING_ONLY = words("to", "that", "about", "then");
  private static final Set<String> FRAME_NOUNS =
      words(
          "task",
          "item",
          "todo",
          "to-do",
          "entry",
          "thing",
          "one",
          "errand",
          "job",
          "chore",
          "reminder",
          "note");

  /** Words that end a list of tags ("tagged home and garden for friday"). */
  private static final Set<String> NOT_TAGS =
      words(
          "the",
          "a",
          "an",
          "my",
          "it",
          "this",
          "that",
          "them",
          "and",
          "or",
          "with",
          "as",
          "to",
          "for",
          "on",
          "at",
          "by",
          "due",
          "in",
          "of",
          "priority",
          "prio",
          "tag",
          "tags",
          "label",
          "labels",
          "remind",
          "reminder",
          "every",
          "each",
          "until",
          "from",
          "starting",
          "is",
          "be",
          "please",
          "too",
          "also",
          "list",
          "urgent",
          "important",
          "high",
          "low",
          "medium",
          "top",
          "task",
          "item",
          "mark",
          "make",
          "set",
          "today",
          "tomorrow",
          "tonight",
          "then",
          "but",
          "not",
          "under");

  /** The {@code add_task} arguments for {@code text}, dates resolved in {@code zone}. */
  public Map<String, Object> parse(String text, ZoneId zone, Instant now) {
    return interpret(text, zone, now).arguments();
  }

  /** The whole reading, including what a reply says about it. */
  public QuickAdd interpret(String text, ZoneId zone, Instant now) {
    return interpret(Tokenizer.tokenize(text), zone, now, false);
  }

  QuickAdd interpret(List<Token> tokens, ZoneId zone, Instant now, boolean remindAtDue) {
    DateGrammar g = new DateGrammar(tokens, zone, now);
    boolean[] used = new boolean[tokens.size()];
    Set<String> tags = new LinkedHashSet<>();
    String priority = null;
    LocalDate date = null;
    LocalTime time = null;
    boolean loneHour = false;
    Instant exact = null;
    boolean weekdayBased = false;
    RecurrenceSpec recurrence = null;
    List<ReminderTime> reminders = new ArrayList<>();
    boolean again = false;
    boolean hasEvery = hasEveryRecurrence(g);

    Frame frame = frame(g);
    if (frame != null) {
      tags.addAll(frame.tags());
      priority = frame.priority();
      for (int k = 0; k < frame.next(); k++) {
        used[k] = true;
      }
    }
    int i = frame == null ? 0 : frame.next();
    while (i < tokens.size()) {
      Token tok = tokens.get(i);
      int next = -1;
      Parsed<List<String>> tagged;
      Parsed<String> p;
      Parsed<ReminderTime> r;
      if (tok.kind() == Kind.HASHTAG
          && TAG.matcher((String) tok.value()).matches()
          && !((String) tok.value()).matches("\\d+")) {
        tags.add((String) tok.value());
        next = i + 1;
      } else if ((tagged = tagPhrase(g, i)) != null) {
        tags.addAll(tagged.value());
        next = tagged.next();
      } else if ((p = priorityPhrase(g, i)) != null) {
        if (priority == null) {
          priority = p.value();
        }
        next = p.next();
      } else if ((r = reminderAt(g, i)) != null) {
        reminders.add(r.value());
        again |= g.word(i, "again") || g.word(i + 1, "again") || g.word(i + 2, "again");
        next = r.next();
      } else if (recurrence != null && g.recurrenceSuffix(recurrence, i) != null) {
        Parsed<RecurrenceSpec> rs = g.recurrenceSuffix(recurrence, i);
        recurrence = rs.value();
        next = rs.next();
      } else if (recurrence == null
          && !(hasEvery && g.isAdverbRecurrence(i))
          && g.recurrence(i) != null) {
        Parsed<RecurrenceSpec> rs = g.recurrence(i);
        recurrence = rs.value();
        next = rs.next();
      } else {
        Parsed<When> w = g.when(i);
        if (w != null && fits(w.value(), date, time, exact)) {
          When v = w.value();
          if (v.exact() != null) {
            exact = v.exact();
          }
          if (v.date() != null) {
            date = v.date();
            weekdayBased = v.weekdayBased();
          }
          if (v.time() != null) {
            time = v.time();
            loneHour = v.loneHour();
          }
          next = w.next();
        }
      }
      if (next > i) {
        for (int k = i; k < next; k++) {
          used[k] = true;
        }
        i = next;
      } else {
        i++;
      }
    }

    if (exact != null) {
      ZonedDateTime z = exact.atZone(zone);
      date = z.toLocalDate();
      time = z.toLocalTime().withSecond(0).withNano(0);
    } else if (recurrence != null) {
      if (time == null) {
        time = recurrence.defaultTime();
      } else if (recurrence.defaultTime() != null) {
        time = DateGrammar.adjust(time, loneHour, recurrence.defaultTime());
      }
      if (date != null && recurrence.start() == null) {
        recurrence = recurrence.withStart(date);
        if (recurrence.freq() == RecurrenceSpec.Freq.MONTHLY
            && recurrence.monthDays().isEmpty()
            && recurrence.nth() == null
            && !weekdayBased) {
          // "rent due on the 28th every month"
          recurrence = recurrence.withMonthDays(null, List.of(date.getDayOfMonth()));
        }
      }
      date = recurrence.firstOccurrence(g.now(), time);
    } else if (date != null || time != null) {
      When resolved = g.resolve(new When(date, time, null, weekdayBased));
      date = resolved.date();
      time = resolved.time();
    }

    List<Map<String, Object>> reminderArgs = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    if (remindAtDue && date != null && (reminders.isEmpty() || again)) {
      reminders.add(
          0, new ReminderTime(new Amount(0, java.time.temporal.ChronoUnit.MINUTES), null));
    }
    for (ReminderTime rt : reminders) {
      Map<String, Object> arg = new LinkedHashMap<>();
      if (rt.beforeDue() != null) {
        if (date == null) {
          continue;
        }
        arg.put("before_due", rt.beforeDue().iso());
        notes.add(
            rt.beforeDue().count() == 0
                ? "reminder when it's due"
                : "reminder " + rt.beforeDue().describe() + " before");
      } else if (rt.dayBefore() != null) {
        if (date == null) {
          continue;
        }
        ZonedDateTime at = date.minusDays(rt.daysBefore()).atTime(rt.dayBefore()).atZone(zone);
        arg.put("remind_at", QuickAdd.format(at));
        notes.add("reminder " + Replies.due(at.toLocalDate(), at.toLocalTime(), g.today()));
      } else if (rt.at() == null) {
        if (date == null) {
          continue;
        }
        arg.put("before_due", "PT0S");
        notes.add("reminder when it's due");
      } else {
        When w = g.resolve(rt.at());
        ZonedDateTime at =
            w.exact() != null
                ? w.exact().atZone(zone)
                : w.date().atTime(w.time() == null ? LocalTime.of(9, 0) : w.time()).atZone(zone);
        arg.put("remind_at", QuickAdd.format(at));
        notes.add("reminder " + Replies.due(at.toLocalDate(), at.toLocalTime(), g.today()));
      }
      if (!reminderArgs.contains(arg)) {
        reminderArgs.add(arg);
      }
    }
    return new QuickAdd(
        title(tokens, used),
        priority,
        List.copyOf(tags),
        date,
        date == null ? null : time,
        zone,
        recurrence,
        reminderArgs,
        notes);
  }

  private static boolean hasEveryRecurrence(DateGrammar g) {
    for (int k = 0; k < g.size(); k++) {
      if (!g.isAdverbRecurrence(k) && g.recurrence(k) != null) {
        return true;
      }
    }
    return false;
  }

  private static boolean fits(When w, LocalDate date, LocalTime time, Instant exact) {
    if (exact != null || (w.exact() != null && (date != null || time != null))) {
      return false;
    }
    return (w.date() == null || date == null) && (w.time() == null || time == null);
  }

  // ---- the frame at the start: "a low-priority task to ...", "to my work list: ..." ----

  /** Priority and tags said before the title, and where the title starts. */
  record Frame(String priority, List<String> tags, int next) {}

  static Frame frame(DateGrammar g) {
    int j = 0;
    List<String> tags = new ArrayList<>();
    String priority = null;
    Parsed<String> list = listName(g, 0);
    if (list != null) {
      if (list.value() != null) {
        tags.add(list.value());
      }
      j = list.next();
      if (g.punct(j, ":") || g.punct(j, "-") || g.punct(j, "–")) {
        j++;
      }
      if (g.at(j) == null) {
        return null;
      }
      return new Frame(null, tags, j);
    }
    int k = g.word(j, "a", "an", "another", "one", "some") ? j + 1 : j;
    boolean adjective = false;
    for (int round = 0; round < 3; round++) {
      if (g.word(k, "new", "quick", "little", "small", "simple", "separate", "single")) {
        k++;
        continue;
      }
      Parsed<String> p = framePriority(g, k);
      if (p != null) {
        priority = p.value();
        k = p.next();
        adjective = true;
        continue;
      }
      Token w = g.at(k);
      if (w != null
          && w.kind() == Kind.WORD
          && g.word(k + 1, FRAME_NOUNS.toArray(String[]::new))
          && !FRAME_NOUNS.contains(w.lower())
          && !NOT_TAGS.contains(w.lower())
          && TAG.matcher(w.lower()).matches()
          && !w.lower().matches("\\d.*")) {
        tags.add(w.lower());
        k++;
        adjective = true;
        continue;
      }
      break;
    }
    if (!g.word(k, FRAME_NOUNS.toArray(String[]::new))) {
      return null;
    }
    if (k == j && g.word(k, "one", "thing", "item")) {
      return null;
    }
    int noun = k;
    k++;
    if (!adjective && !(g.word(0, "a", "an") || g.punct(k, ":") || g.punct(k, "-"))) {
      if (!g.word(noun, "task", "todo", "to-do", "item", "entry")) {
        return null;
      }
    }
    Parsed<String> with = priorityPhrase(g, k);
    if (with != null && g.word(k, "with", "of")) {
      priority = with.value();
      k = with.next();
    }
    if (g.word(k, "to", "called", "named", "titled", "saying")
        || g.punct(k, ":")
        || g.punct(k, "-")
        || g.punct(k, "–")) {
      k++;
    }
    if (g.at(k) == null) {
      return null;
    }
    return new Frame(priority, tags, k);
  }

  /** "low-priority", "urgent", "high priority", "top priority", "important", "LOW priority". */
  private static Parsed<String> framePriority(DateGrammar g, int k) {
    Token tok = g.at(k);
    if (tok == null) {
      return null;
    }
    if (tok.is("urgent", "important")) {
      return new Parsed<>(tok.is("urgent") ? "urgent" : "high", k + 1);
    }
    if (tok.is("high-priority", "low-priority", "medium-priority", "top-priority")) {
      return new Parsed<>(level(tok.lower().substring(0, tok.lower().indexOf('-'))), k + 1);
    }
    if (g.word(k, "high", "medium", "low", "top", "normal") && g.word(k + 1, "priority")) {
      return new Parsed<>(level(tok.lower()), k + 2);
    }
    return null;
  }

  /**
   * "to my work list", "on my shopping list", "for the travel list", "in my home list": the tag
   * (null for the plain "my list" / "my todo list") and the index after it.
   */
  static Parsed<String> listName(DateGrammar g, int i) {
    if (!g.word(i, "to", "on", "onto", "for", "in", "into")) {
      return null;
    }
    int j = i + 1;
    if (!g.word(j, "my", "the", "our", "your")) {
      return null;
    }
    j++;
    if (g.word(j, "list", "lists")) {
      return new Parsed<>(null, j + 1);
    }
    Token name = g.at(j);
    int end = g.word(j + 1, "list") ? j + 2 : -1;
    if (end < 0 && g.word(j + 2, "list") && g.at(j + 1) != null) {
      if (g.word(j, "to-do", "todo", "to") || g.word(j + 1, "do", "to-do", "todo")) {
        return new Parsed<>(null, j + 3);
      }
      return null;
    }
    if (end < 0 || name == null || name.kind() != Kind.WORD) {
      return null;
    }
    if (name.is("todo", "to-do", "task", "tasks", "todos", "to-dos", "main", "default")) {
      return new Parsed<>(null, end);
    }
    String tag = name.lower();
    return TAG.matcher(tag).matches() ? new Parsed<>(tag, end) : null;
  }

  // ---- tags anywhere: "and label it work", "tagged home and garden", "under home" ----

  /** A phrase giving tags; null when there is none at {@code i}. */
  static Parsed<List<String>> tagPhrase(DateGrammar g, int i) {
    int j = i;
    boolean led = false;
    if (g.word(j, "and") || g.punct(j, ",")) {
      j++;
      led = true;
      if (g.word(j, "and")) {
        j++;
      }
    }
    int k;
    if (g.word(j, "file", "put") && g.word(j + 1, "it", "this", "them") && (i > 0 || led)) {
      int k0 = j + 2;
      if (g.word(k0, "under", "in", "as", "with", "into")) {
        k0++;
      }
      if (g.word(k0, "the", "my")) {
        k0++;
      }
      Parsed<List<String>> tags = tagList(g, k0, false);
      if (tags != null) {
        int end = tags.next();
        if (g.word(end, "label", "tag", "list", "category")) {
          end++;
        }
        return new Parsed<>(tags.value(), end);
      }
    }
    if (g.word(j, "tag", "label", "tags", "labels") && (i > 0 || led)) {
      k = j + 1;
      if (g.punct(k, ":")) {
        k++;
      } else {
        if (g.word(k, "it", "this", "them", "that")) {
          k++;
        }
        if (g.word(k, "as", "with")) {
          k++;
        }
      }
      return tagList(g, k, false);
    }
    if (g.word(j, "tagged", "labelled", "labeled") && (i > 0 || led)) {
      k = j + 1;
      if (g.word(k, "with", "as")) {
        k++;
      }
      return tagList(g, k, false);
    }
    if (g.word(j, "under") && i > 0) {
      k = j + 1;
      boolean the = g.word(k, "the");
      if (the) {
        k++;
      }
      Parsed<List<String>> tags = tagList(g, k, true);
      if (tags == null) {
        return null;
      }
      int end = tags.next();
      if (g.word(end, "label", "tag", "list", "category", "project", "labels", "tags")) {
        end++;
      } else if (the) {
        return null;
      }
      return clauseEnds(g, end) ? new Parsed<>(tags.value(), end) : null;
    }
    Parsed<String> list = listName(g, j);
    if (list != null && i > 0 && clauseEnds(g, list.next())) {
      return new Parsed<>(list.value() == null ? List.of() : List.of(list.value()), list.next());
    }
    return null;
  }

  /** Whether a clause may end here: the end, punctuation, or another attribute phrase. */
  private static boolean clauseEnds(DateGrammar g, int k) {
    Token t = g.at(k);
    if (t == null || t.kind() == Kind.PUNCT || t.kind() == Kind.HASHTAG) {
      return true;
    }
    if (t.kind() == Kind.PRIORITY) {
      return true;
    }
    return g.word(k, "with", "and", "due", "by", "on", "for", "every", "remind", "priority")
        || priorityPhrase(g, k) != null
        || g.when(k) != null;
  }

  /** "work", "home and garden", "bike, weekend and travel", "#home"; null when none. */
  private static Parsed<List<String>> tagList(DateGrammar g, int k, boolean strict) {
    List<String> tags = new ArrayList<>();
    int j = k;
    while (true) {
      Token t = g.at(j);
      String v = null;
      if (t == null) {
        break;
      }
      if (t.kind() == Kind.HASHTAG) {
        v = (String) t.value();
      } else if (t.kind() == Kind.QUOTED) {
        v = t.text().strip().toLowerCase(java.util.Locale.ROOT);
      } else if (t.kind() == Kind.PUNCT
          && t.text().equals("'")
          && g.at(j + 2) != null
          && g.punct(j + 2, "'")) {
        Token inner = g.at(j + 1);
        if (inner.kind() == Kind.WORD) {
          tags.add(inner.lower());
          j += 3;
          if (!listContinues(g, j)) {
            break;
          }
          j = skipSeparator(g, j);
          continue;
        }
      } else if (t.kind() == Kind.WORD
          && !NOT_TAGS.contains(t.lower())
          && !isDateWord(g, j)
          && g.recurrence(j) == null) {
        v = t.lower();
      }
      if (v == null || !TAG.matcher(v).matches()) {
        break;
      }
      tags.add(v);
      j++;
      if (!listContinues(g, j)) {
        break;
      }
      j = skipSeparator(g, j);
    }
    if (tags.isEmpty()) {
      return null;
    }
    return new Parsed<>(tags, j);
  }

  private static boolean listContinues(DateGrammar g, int j) {
    int k = skipSeparator(g, j);
    if (k == j) {
      return false;
    }
    Token t = g.at(k);
    if (t == null) {
      return false;
    }
    if (t.kind() == Kind.HASHTAG) {
      return true;
    }
    return t.kind() == Kind.WORD
        && !NOT_TAGS.contains(t.lower())
        && !isDateWord(g, k)
        && priorityPhrase(g, k) == null
        && (g.at(k + 1) == null
            || g.at(k + 1).kind() == Kind.PUNCT
            || g.word(k + 1, "and", "tags", "labels", "label", "tag", "list", "with"));
  }

  /** A word that starts a date ("friday", "tomorrow", "dec"), not a tag-like "weekend". */
  private static boolean isDateWord(DateGrammar g, int j) {
    Parsed<DateGrammar.When> d = g.date(j, false);
    if (d == null) {
      return g.weekday(j, true) != null || g.month(j) != null;
    }
    return !g.word(j, "weekend", "weekends");
  }

  private static int skipSeparator(DateGrammar g, int j) {
    int k = j;
    if (g.punct(k, ",") || g.punct(k, "&") || g.punct(k, "/")) {
      k++;
    }
    if (g.word(k, "and")) {
      k++;
    }
    return k;
  }

  // ---- priorities anywhere ----

  /**
   * "p1", "!!", "urgent", "asap", "high priority", "priority: low", "with priority 3", "as a
   * top-priority item", "it's important", "not urgent", "and mark it urgent"; null when none.
   */
  static Parsed<String> priorityPhrase(DateGrammar g, int i) {
    Parsed<String> p = priorityAt(g, i);
    if (p != null) {
      return p;
    }
    int j = i;
    if (g.word(j, "and") || g.punct(j, ",") || g.punct(j, "-") || g.punct(j, "–")) {
      j++;
    }
    int marked = g.phrase(j, "mark|make|set|flag", "it|this");
    if (marked > 0) {
      int k = g.word(marked, "as", "to") ? marked + 1 : marked;
      Parsed<String> v = priorityValue(g, k);
      if (v != null) {
        return v;
      }
    }
    int its = g.phrase(j, "it's|it");
    if (its > 0) {
      int k = g.word(its, "is") ? its + 1 : its;
      if (g.word(k, "important", "urgent")) {
        return new Parsed<>(g.word(k, "urgent") ? "urgent" : "high", k + 1);
      }
      if (g.word(k, "not") && g.word(k + 1, "urgent", "important")) {
        return new Parsed<>("low", k + 2);
      }
      Parsed<String> v = g.word(k, "a") ? priorityValue(g, k) : null;
      if (v != null) {
        return v;
      }
    }
    int as = g.word(j, "as", "with") ? j + 1 : j;
    if (as > j) {
      Parsed<String> v = priorityValue(g, as);
      if (v != null) {
        return v;
      }
    }
    if (g.word(j, "not", "no") && g.word(j + 1, "urgent", "important", "rush", "hurry")) {
      return new Parsed<>("low", j + 2);
    }
    if (g.word(j, "important")
        && (j > i || g.punct(i - 1, ",") || g.punct(i - 1, "-") || g.punct(i - 1, "–"))
        && endsClause(g, j + 1)) {
      return new Parsed<>("high", j + 1);
    }
    return null;
  }

  private static boolean endsClause(DateGrammar g, int k) {
    Token t = g.at(k);
    return t == null || t.kind() == Kind.PUNCT;
  }

  /** "(a) high priority (task|item)", "top-priority item", "urgent", "p1", "priority 2". */
  private static Parsed<String> priorityValue(DateGrammar g, int k) {
    int j = g.word(k, "a", "an") ? k + 1 : k;
    Parsed<String> p = priorityAt(g, j);
    if (p == null && g.word(j, "high", "medium", "low", "top", "normal", "important")) {
      p = new Parsed<>(g.word(j, "important") ? "high" : level(g.at(j).lower()), j + 1);
      if (!g.word(j, "important") && !g.word(j + 1, "priority")) {
        return null;
      }
      if (g.word(j + 1, "priority")) {
        p = new Parsed<>(p.value(), j + 2);
      }
    }
    if (p == null && g.word(j, "priority", "a")) {
      return null;
    }
    if (p == null) {
      return null;
    }
    int n = p.next();
    if (g.word(n, "task", "item", "one", "thing", "todo")) {
      n++;
    }
    return new Parsed<>(p.value(), n);
  }

  /** "p1", "!!", "urgent", "high priority", "priority high", "low-priority", "priority: 2". */
  static Parsed<String> priorityAt(DateGrammar g, int i) {
    Token tok = g.at(i);
    if (tok == null) {
      return null;
    }
    if (tok.kind() == Kind.PRIORITY) {
      return new Parsed<>(fromNumber(tok.intValue()), i + 1);
    }
    if (tok.is("urgent", "urgently", "asap")) {
      return new Parsed<>("urgent", i + 1);
    }
    if (tok.is("high-priority", "low-priority", "medium-priority", "top-priority")) {
      int n = g.word(i + 1, "task", "item") ? i + 2 : i + 1;
      return new Parsed<>(level(tok.lower().substring(0, tok.lower().indexOf('-'))), n);
    }
    int j = g.word(i, "with") ? i + 1 : i;
    j = g.word(j, "a") ? j + 1 : j;
    if (g.word(j, "high", "medium", "low", "top", "normal") && g.word(j + 1, "priority")) {
      return new Parsed<>(level(g.at(j).lower()), j + 2);
    }
    if (g.word(j, "priority")) {
      int k = j + 1;
      if (g.word(k, "is", "of", "to", "=")) {
        k++;
      } else if (g.punct(k, ":") || g.punct(k, "=")) {
        k++;
      }
      Token v = g.at(k);
      if (v != null && v.kind() == Kind.NUMBER && v.intValue() >= 1 && v.intValue() <= 4) {
        return new Parsed<>(fromNumber(v.intValue()), k + 1);
      }
      if (v != null && v.kind() == Kind.PRIORITY) {
        return new Parsed<>(fromNumber(v.intValue()), k + 1);
      }
      if (v != null && v.is("urgent", "high", "medium", "low", "none", "normal", "top")) {
        return new Parsed<>(level(v.lower()), k + 1);
      }
    }
    return null;
  }

  static String fromNumber(int n) {
    return switch (n) {
      case 1 -> "urgent";
      case 2 -> "high";
      case 3 -> "medium";
      default -> "low";
    };
  }

  static String level(String word) {
    return switch (word) {
      case "top", "urgent" -> "urgent";
      case "high", "important" -> "high";
      case "medium", "normal" -> "medium";
      case "none" -> "none";
      default -> "low";
    };
  }

  /**
   * "remind me 1 day before", "reminder at 8am", "with a reminder 30m before", "2h before", "and
   * again a day before".
   */
  static Parsed<ReminderTime> reminderAt(DateGrammar g, int i) {
    int j = i;
    if (g.word(j, "and", "with", "plus") || g.punct(j, ",")) {
      j++;
    }
    if (g.word(j, "and")) {
      j++;
    }
    boolean again = false;
    if (g.word(j, "again", "also")) {
      j++;
      again = true;
    }
    if (g.word(j, "a") && g.word(j + 1, "remind", "reminder", "alarm", "alert", "notification")) {
      j++;
    }
    boolean lead = false;
    if (g.word(j, "remind", "alert", "notify", "ping", "nudge")) {
      j++;
      lead = true;
      if (g.word(j, "me", "us")) {
        j++;
      }
      if (g.word(j, "again", "also")) {
        j++;
      }
    } else if (g.word(j, "reminder", "alarm", "alert", "notification")) {
      j++;
      lead = true;
    }
    if (!lead && !again) {
      j = i;
    }
    Parsed<ReminderTime> r = g.reminderTime(j);
    if (r == null) {
      if (lead && g.word(j - 1, "me", "reminder", "remind") && endsClause(g, j)) {
        return new Parsed<>(new ReminderTime(null, null), j);
      }
      return null;
    }
    if (!lead && r.value().beforeDue() == null && r.value().dayBefore() == null) {
      return null;
    }
    if (!lead && !again && !endsClause(g, r.next()) && g.at(r.next()).kind() == Kind.WORD) {
      return null;
    }
    return r;
  }

  /** The words not used by any rule, minus connecting words left dangling at either end. */
  static String title(List<Token> tokens, boolean[] used) {
    List<Token> rest = new ArrayList<>();
    List<Boolean> gapBefore = new ArrayList<>();
    boolean gap = false;
    for (int k = 0; k < tokens.size(); k++) {
      if (used[k]) {
        gap = true;
        continue;
      }
      rest.add(tokens.get(k));
      gapBefore.add(gap);
      gap = false;
    }
    int from = 0;
    int to = rest.size();
    boolean changed = true;
    while (changed && from < to) {
      changed = false;
      Token first = rest.get(from);
      if (isEdge(first, true)) {
        from++;
        changed = true;
      }
      if (from < to && isEdge(rest.get(to - 1), false)) {
        to--;
        changed = true;
      }
    }
    StringBuilder s = new StringBuilder();
    for (int k = from; k < to; k++) {
      Token tok = rest.get(k);
      if (k > from) {
        Token prev = rest.get(k - 1);
        boolean spaced = gapBefore.get(k) || tok.start() > prev.end();
        boolean closing = tok.kind() == Kind.PUNCT && ",.;:!?)".contains(tok.text());
        if (spaced && !closing && !(prev.kind() == Kind.PUNCT && prev.text().equals("("))) {
          s.append(' ');
        }
      }
      s.append(tok.text());
    }
    return s.toString().strip();
  }

  private static boolean isEdge(Token tok, boolean leading) {
    if (tok.kind() == Kind.PUNCT) {
      return !(leading && tok.text().equals("("));
    }
    if (tok.kind() != Kind.WORD) {
      return false;
    }
    String w = tok.lower();
    return EDGE_WORDS.contains(w) && (leading || !LEADING_ONLY.contains(w));
  }

  private static Set<String> words(String... words) {
    return Set.copyOf(java.util.Arrays.asList(words));
  }
}
