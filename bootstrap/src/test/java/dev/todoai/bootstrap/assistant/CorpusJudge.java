package dev.todoai.bootstrap.assistant;

import dev.todoai.bootstrap.assistant.Corpus.Case;
import dev.todoai.bootstrap.assistant.Corpus.TaskSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Judges the outcome of a corpus case against its expectations; lists what is wrong. */
final class CorpusJudge {
  static final Set<String> CHANGING_TOOLS =
      Set.of(
          "add_task",
          "update_task",
          "complete_task",
          "delete_task",
          "set_reminder",
          "delete_reminder");
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
  private static final Map<String, String> DEFAULTS =
      Map.of(
          "due", "none",
          "priority", "none",
          "tags", "",
          "rrule", "none",
          "anchor", "due",
          "completed", "no",
          "description", "",
          "reminders", "");

  private final ZoneId zone;

  CorpusJudge(ZoneId zone) {
    this.zone = zone;
  }

  /** A reminder as stored: the instant it fires and, when relative, the lead before the due. */
  record Reminder(Instant at, Duration beforeDue) {}

  /** A task as read back through the tools, in comparable form. */
  record Actual(
      long id,
      String title,
      String description,
      String priority,
      Set<String> tags,
      String due,
      String rrule,
      String anchor,
      boolean completed,
      List<Reminder> reminders) {

    /** The field as text, the same way for a fixture snapshot and for the task afterwards. */
    String value(String field) {
      return switch (field) {
        case "due" -> due;
        case "priority" -> priority;
        case "tags" -> String.join(",", new TreeSet<>(tags));
        case "rrule" -> rrule == null ? "none" : canonicalRule(rrule);
        case "anchor" -> anchor;
        case "completed" -> completed ? "yes" : "no";
        case "description" -> description == null ? "" : description;
        case "reminders" ->
            // a reminder relative to the due is the same reminder when the due moves
            String.join(
                ",",
                reminders.stream()
                    .map(r -> r.beforeDue() != null ? "before " + r.beforeDue() : "at " + r.at())
                    .sorted()
                    .toList());
        default -> throw new IllegalArgumentException(field);
      };
    }

    /** The due as an instant: its time, or 09:00 on an all-day due (how reminders count). */
    Instant dueInstant(ZoneId zone) {
      if (due.equals("none")) {
        return null;
      }
      return due.length() == 10
          ? LocalDate.parse(due).atTime(9, 0).atZone(zone).toInstant()
          : LocalDateTime.parse(due, LOCAL).atZone(zone).toInstant();
    }
  }

  /** A task map from the tools, with its reminders. */
  Actual actual(Map<?, ?> task, List<Map<?, ?>> reminders) {
    String due = "none";
    if (task.get("due_at") != null) {
      due = Instant.parse(task.get("due_at").toString()).atZone(zone).format(LOCAL);
    } else if (task.get("due_date") != null) {
      due = task.get("due_date").toString();
    }
    Set<String> tags = new TreeSet<>();
    if (task.get("tags") instanceof Collection<?> c) {
      c.forEach(t -> tags.add(t.toString().toLowerCase(Locale.ROOT)));
    }
    List<Reminder> rems = new ArrayList<>();
    for (Map<?, ?> r : reminders) {
      rems.add(
          new Reminder(
              r.get("remind_at") == null ? null : Instant.parse(r.get("remind_at").toString()),
              r.get("before_due") == null ? null : Duration.parse(r.get("before_due").toString())));
    }
    return new Actual(
        ((Number) task.get("id")).longValue(),
        String.valueOf(task.get("title")),
        task.get("description") == null ? "" : task.get("description").toString(),
        String.valueOf(task.get("priority")),
        tags,
        due,
        task.get("recurrence_rule") == null ? null : task.get("recurrence_rule").toString(),
        String.valueOf(task.get("recurrence_anchor")),
        Boolean.TRUE.equals(task.get("completed")),
        rems);
  }

  static String key(String title) {
    return title.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /**
   * What is wrong with the outcome of {@code c}; empty when it passed.
   *
   * @param seeded the case's tasks as read back after seeding, by title key
   * @param after every task of the user afterwards
   * @param changes the successful changing tool calls, in order
   * @param lastReply the text of the last reply
   */
  List<String> judge(
      Case c,
      Map<String, Actual> seeded,
      List<Actual> after,
      List<String> changes,
      String lastReply) {
    List<String> problems = new ArrayList<>();
    if (!callsMatch(c.calls(), changes)) {
      problems.add("calls: expected " + c.calls() + ", made " + describe(changes));
    }
    Map<String, List<Actual>> byTitle = new LinkedHashMap<>();
    for (Actual a : after) {
      byTitle.computeIfAbsent(key(a.title()), k -> new ArrayList<>()).add(a);
    }
    // What must exist afterwards, by title key: the fields to check (null = the seed, unchanged).
    Map<String, Expectation> expected = new LinkedHashMap<>();
    Set<String> absent = new LinkedHashSet<>();
    Set<String> optional = new LinkedHashSet<>();
    if (c.goneAll()) {
      absent.addAll(seeded.keySet());
    } else {
      for (Map.Entry<String, Actual> s : seeded.entrySet()) {
        expected.put(s.getKey(), new Expectation(s.getValue(), Map.of()));
      }
    }
    for (String g : c.gone()) {
      expected.remove(key(g));
      absent.add(key(g));
    }
    for (String g : c.maybeGone()) {
      expected.remove(key(g));
      optional.add(key(g));
    }
    for (TaskSpec t : c.tasks()) {
      String k = key(t.title());
      Actual base = seeded.get(k);
      String was = t.fields().get("was");
      if (base == null && was != null) {
        base = seeded.get(key(was));
        expected.remove(key(was));
        absent.add(key(was));
      }
      expected.put(k, new Expectation(base, t.fields()));
    }
    for (Map.Entry<String, Expectation> e : expected.entrySet()) {
      List<Actual> found = byTitle.getOrDefault(e.getKey(), List.of());
      if (found.isEmpty()) {
        problems.add("missing task '" + e.getKey() + "'");
        continue;
      }
      if (found.size() > 1) {
        problems.add(found.size() + " tasks titled '" + e.getKey() + "'");
      }
      problems.addAll(compare(e.getKey(), e.getValue(), found.get(0)));
    }
    for (String k : absent) {
      if (byTitle.containsKey(k) && !expected.containsKey(k)) {
        problems.add("task '" + k + "' should be gone");
      }
    }
    for (String k : optional) {
      List<Actual> found = byTitle.getOrDefault(k, List.of());
      if (!found.isEmpty()) {
        List<String> diff = compare(k, new Expectation(seeded.get(k), Map.of()), found.get(0));
        if (!diff.isEmpty()) {
          problems.add("task '" + k + "' should be gone or unchanged: " + diff);
        }
      }
    }
    for (String k : byTitle.keySet()) {
      if (!expected.containsKey(k) && !optional.contains(k) && !absent.contains(k)) {
        problems.add("unexpected task '" + byTitle.get(k).get(0).title() + "'");
      }
    }
    String reply = lastReply == null ? "" : lastReply.toLowerCase(Locale.ROOT);
    for (String s : c.shows()) {
      if (!reply.contains(key(s))) {
        problems.add("the last reply does not name '" + s + "'");
      }
    }
    for (String h : c.hides()) {
      if (reply.contains(key(h))) {
        problems.add("the last reply names '" + h + "'");
      }
    }
    return problems;
  }

  /** The fields a task must have: {@code base} (a seed, or null for a new task) plus overrides. */
  private record Expectation(Actual base, Map<String, String> fields) {}

  private List<String> compare(String title, Expectation e, Actual a) {
    List<String> problems = new ArrayList<>();
    for (String field : DEFAULTS.keySet()) {
      String want = e.fields().get(field);
      if (want != null && want.equals("?")) {
        continue;
      }
      boolean ok;
      String shown;
      if (want == null) {
        String expectedValue = e.base() == null ? DEFAULTS.get(field) : e.base().value(field);
        ok = expectedValue.equals(a.value(field));
        shown = e.base() == null ? "default " + expectedValue : "unchanged " + expectedValue;
      } else {
        ok = matches(field, want, a);
        shown = want;
      }
      if (!ok) {
        problems.add("'" + title + "' " + field + ": expected " + shown + ", is " + show(field, a));
      }
    }
    return problems;
  }

  private String show(String field, Actual a) {
    if (field.equals("reminders")) {
      List<String> items = new ArrayList<>();
      for (Reminder r : a.reminders()) {
        String at = r.at() == null ? "?" : r.at().atZone(zone).format(LOCAL);
        items.add(r.beforeDue() == null ? at : "-" + r.beforeDue() + " (" + at + ")");
      }
      return items.isEmpty() ? "none" : String.join(",", items);
    }
    String v = a.value(field);
    return v.isEmpty() ? "empty" : v;
  }

  private boolean matches(String field, String want, Actual a) {
    return switch (field) {
      case "due" -> anyOf(want, alt -> dueMatches(alt, a.due()));
      case "priority", "anchor", "completed" -> anyOf(want, alt -> alt.equals(a.value(field)));
      case "tags" -> tagSet(want).equals(new TreeSet<>(a.tags()));
      case "rrule" -> anyOf(want, alt -> ruleMatches(alt, a.rrule()));
      case "description" ->
          a.description().toLowerCase(Locale.ROOT).contains(want.toLowerCase(Locale.ROOT));
      case "reminders" -> remindersMatch(want, a);
      default -> throw new IllegalArgumentException(field);
    };
  }

  private interface Alt {
    boolean test(String alternative);
  }

  private static boolean anyOf(String want, Alt alt) {
    for (String a : want.split("\\|")) {
      if (alt.test(a.strip())) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> tagSet(String want) {
    Set<String> tags = new TreeSet<>();
    for (String t : want.split(",")) {
      if (!t.isBlank()) {
        tags.add(t.strip().toLowerCase(Locale.ROOT));
      }
    }
    return tags;
  }

  static boolean dueMatches(String want, String due) {
    if (want.equals("*")) {
      return !due.equals("none");
    }
    if (want.equals("none")) {
      return due.equals("none");
    }
    if (due.equals("none")) {
      return false;
    }
    LocalDate day = LocalDate.parse(due.substring(0, 10));
    if (want.contains("..")) {
      String[] range = want.split("\\.\\.");
      return !day.isBefore(LocalDate.parse(range[0])) && !day.isAfter(LocalDate.parse(range[1]));
    }
    if (want.endsWith("~")) {
      return day.equals(LocalDate.parse(want.substring(0, want.length() - 1)));
    }
    return want.equals(due);
  }

  /** RRULE parts compared as sets; BYDAY, BYMONTHDAY, BYMONTH as sets; UNTIL as a local day. */
  private boolean ruleMatches(String want, String actual) {
    if (want.equals("none")) {
      return actual == null;
    }
    if (actual == null) {
      return false;
    }
    Map<String, String> w = parts(want);
    Map<String, String> a = parts(actual);
    if (!w.keySet().equals(a.keySet())) {
      return false;
    }
    for (String name : w.keySet()) {
      String wv = w.get(name);
      String av = a.get(name);
      if (name.equals("UNTIL")) {
        LocalDate until = untilDay(av);
        if (wv.contains("..")) {
          String[] range = wv.split("\\.\\.");
          if (until.isBefore(basicDate(range[0])) || until.isAfter(basicDate(range[1]))) {
            return false;
          }
        } else if (!until.equals(basicDate(wv))) {
          return false;
        }
      } else if (Set.of("BYDAY", "BYMONTHDAY", "BYMONTH", "BYSETPOS").contains(name)) {
        if (!new TreeSet<>(Arrays.asList(wv.split(",")))
            .equals(new TreeSet<>(Arrays.asList(av.split(","))))) {
          return false;
        }
      } else if (!wv.equals(av)) {
        return false;
      }
    }
    return true;
  }

  private LocalDate untilDay(String value) {
    if (value.length() == 8) {
      return basicDate(value);
    }
    LocalDateTime utc =
        LocalDateTime.parse(
            value.replace("Z", ""), DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
    return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDate();
  }

  private static LocalDate basicDate(String s) {
    return LocalDate.parse(s, DateTimeFormatter.BASIC_ISO_DATE);
  }

  private static Map<String, String> parts(String rule) {
    Map<String, String> parts = new TreeMap<>();
    for (String p : rule.toUpperCase(Locale.ROOT).split(";")) {
      int eq = p.indexOf('=');
      if (eq > 0) {
        parts.put(p.substring(0, eq), p.substring(eq + 1));
      }
    }
    if ("1".equals(parts.get("INTERVAL"))) {
      parts.remove("INTERVAL");
    }
    return parts;
  }

  static String canonicalRule(String rule) {
    StringBuilder s = new StringBuilder();
    for (Map.Entry<String, String> e : parts(rule).entrySet()) {
      String v = e.getValue();
      if (e.getKey().startsWith("BY")) {
        v = String.join(",", new TreeSet<>(Arrays.asList(v.split(","))));
      }
      s.append(e.getKey()).append('=').append(v).append(';');
    }
    return s.toString();
  }

  private boolean remindersMatch(String want, Actual a) {
    if (want.equals("*")) {
      return !a.reminders().isEmpty();
    }
    List<String> items = new ArrayList<>();
    for (String item : want.split(",")) {
      if (!item.isBlank()) {
        items.add(item.strip());
      }
    }
    if (items.size() != a.reminders().size()) {
      return false;
    }
    return assign(items, 0, a, new boolean[a.reminders().size()]);
  }

  private boolean assign(List<String> items, int i, Actual a, boolean[] used) {
    if (i == items.size()) {
      return true;
    }
    for (int r = 0; r < used.length; r++) {
      if (!used[r] && reminderMatches(items.get(i), a.reminders().get(r), a)) {
        used[r] = true;
        if (assign(items, i + 1, a, used)) {
          return true;
        }
        used[r] = false;
      }
    }
    return false;
  }

  private boolean reminderMatches(String want, Reminder r, Actual task) {
    return anyOf(
        want,
        alt -> {
          if (alt.startsWith("-")) {
            Duration lead = Duration.parse(alt.substring(1));
            if (lead.equals(r.beforeDue())) {
              return true;
            }
            Instant due = task.dueInstant(zone);
            return due != null && r.at() != null && r.at().equals(due.minus(lead));
          }
          if (r.at() == null) {
            return false;
          }
          LocalDateTime local = r.at().atZone(zone).toLocalDateTime();
          if (alt.endsWith("~")) {
            return local.toLocalDate().equals(LocalDate.parse(alt.substring(0, alt.length() - 1)));
          }
          return local.equals(LocalDateTime.parse(alt, LOCAL));
        });
  }

  /** "add_task, update_task|complete_task, set_reminder?" against the calls made. */
  static boolean callsMatch(String spec, List<String> made) {
    String actual = String.join("", made.stream().map(m -> m + ";").toList());
    if (spec.equals("none")) {
      return made.isEmpty();
    }
    StringBuilder regex = new StringBuilder();
    for (String item : spec.split(",")) {
      String s = item.strip();
      String suffix = "";
      if (s.endsWith("?") || s.endsWith("*")) {
        suffix = s.substring(s.length() - 1);
        s = s.substring(0, s.length() - 1);
      }
      List<String> names = new ArrayList<>();
      for (String n : s.split("\\|")) {
        names.add(Pattern.quote(n.strip() + ";"));
      }
      regex.append("(?:").append(String.join("|", names)).append(")").append(suffix);
    }
    return Pattern.matches(regex.toString(), actual);
  }

  private static String describe(List<String> made) {
    return made.isEmpty() ? "none" : String.join(", ", made);
  }
}
