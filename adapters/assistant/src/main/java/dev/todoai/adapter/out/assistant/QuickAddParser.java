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
 * priority or reminder becomes the title.
 */
@Singleton
public class QuickAddParser {

  private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}_/-]{1,40}");
  private static final Set<String> EDGE_WORDS =
      Set.of("and", "due", "also", "with", "to", "that", "about", "then", "please");
  private static final Set<String> LEADING_ONLY = Set.of("to", "that", "about", "then");

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
    Instant exact = null;
    boolean weekdayBased = false;
    RecurrenceSpec recurrence = null;
    List<ReminderTime> reminders = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      Token tok = tokens.get(i);
      int next = -1;
      if (tok.kind() == Kind.HASHTAG && TAG.matcher((String) tok.value()).matches()) {
        tags.add((String) tok.value());
        next = i + 1;
      } else if (priority == null && priorityAt(g, i) != null) {
        Parsed<String> p = priorityAt(g, i);
        priority = p.value();
        next = p.next();
      } else if (reminderAt(g, i) != null) {
        Parsed<ReminderTime> r = reminderAt(g, i);
        reminders.add(r.value());
        next = r.next();
      } else if (recurrence != null && g.recurrenceSuffix(recurrence, i) != null) {
        Parsed<RecurrenceSpec> r = g.recurrenceSuffix(recurrence, i);
        recurrence = r.value();
        next = r.next();
      } else if (recurrence == null && g.recurrence(i) != null) {
        Parsed<RecurrenceSpec> r = g.recurrence(i);
        recurrence = r.value();
        next = r.next();
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
      }
      if (date != null && recurrence.start() == null) {
        recurrence = recurrence.withStart(date);
      }
      date = recurrence.firstOccurrence(g.now(), time);
    } else if (date != null || time != null) {
      When resolved = g.resolve(new When(date, time, null, weekdayBased));
      date = resolved.date();
      time = resolved.time();
    }

    List<Map<String, Object>> reminderArgs = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    if (reminders.isEmpty() && remindAtDue && date != null) {
      reminders.add(new ReminderTime(null, null));
    }
    for (ReminderTime r : reminders) {
      Map<String, Object> arg = new LinkedHashMap<>();
      if (r.beforeDue() != null && r.beforeDue().count() > 0) {
        arg.put("before_due", r.beforeDue().iso());
        notes.add("reminder " + r.beforeDue().describe() + " before");
      } else if (r.at() == null) {
        if (date == null) {
          continue;
        }
        LocalTime at = time == null ? LocalTime.of(9, 0) : time;
        arg.put("remind_at", QuickAdd.format(date.atTime(at).atZone(zone)));
        notes.add(time == null ? "reminder at 09:00 that day" : "reminder at the due time");
      } else {
        When w = g.resolve(r.at());
        ZonedDateTime at =
            w.exact() != null
                ? w.exact().atZone(zone)
                : w.date().atTime(w.time() == null ? LocalTime.of(9, 0) : w.time()).atZone(zone);
        arg.put("remind_at", QuickAdd.format(at));
        notes.add("reminder " + Replies.due(at.toLocalDate(), at.toLocalTime(), g.today()));
      }
      reminderArgs.add(arg);
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

  private static boolean fits(When w, LocalDate date, LocalTime time, Instant exact) {
    if (exact != null || (w.exact() != null && (date != null || time != null))) {
      return false;
    }
    return (w.date() == null || date == null) && (w.time() == null || time == null);
  }

  /** "p1", "!!", "urgent", "high priority", "priority high", "low-priority". */
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
      return new Parsed<>(level(tok.lower().substring(0, tok.lower().indexOf('-'))), i + 1);
    }
    int j = g.word(i, "with") ? i + 1 : i;
    j = g.word(j, "a") ? j + 1 : j;
    if (g.word(j, "high", "medium", "low", "top", "normal") && g.word(j + 1, "priority", "prio")) {
      return new Parsed<>(level(g.at(j).lower()), j + 2);
    }
    if (g.word(j, "priority", "prio")) {
      int k = g.word(j + 1, "is", "of") ? j + 2 : j + 1;
      Token v = g.at(k);
      if (v != null && v.kind() == Kind.NUMBER && v.intValue() >= 1 && v.intValue() <= 4) {
        return new Parsed<>(fromNumber(v.intValue()), k + 1);
      }
      if (v != null && v.is("urgent", "high", "medium", "low", "none", "normal")) {
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
      case "high" -> "high";
      case "medium", "normal" -> "medium";
      case "none" -> "none";
      default -> "low";
    };
  }

  /** "remind me 1 day before", "reminder at 8am", "with a reminder 30m before", "2h before". */
  static Parsed<ReminderTime> reminderAt(DateGrammar g, int i) {
    int j = i;
    if (g.word(j, "and", "with", "plus", ",")) {
      j++;
    }
    if (g.word(j, "a")) {
      j++;
    }
    boolean lead = false;
    if (g.word(j, "remind", "alert", "notify", "ping")) {
      j++;
      lead = true;
      if (g.word(j, "me", "us")) {
        j++;
      }
    } else if (g.word(j, "reminder", "alarm", "alert")) {
      j++;
      lead = true;
    }
    if (!lead) {
      j = i;
    }
    Parsed<ReminderTime> r = g.reminderTime(j);
    if (r == null) {
      return null;
    }
    if (!lead && r.value().beforeDue() == null) {
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
        if (spaced && !(tok.kind() == Kind.PUNCT && ",.;:!?)".contains(tok.text()))) {
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
}
