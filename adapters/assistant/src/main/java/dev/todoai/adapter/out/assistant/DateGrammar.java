package dev.todoai.adapter.out.assistant;

import dev.todoai.adapter.out.assistant.RecurrenceSpec.Freq;
import dev.todoai.adapter.out.assistant.Token.Kind;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Recursive-descent grammar for dates, times, amounts of time and recurrences over a token list,
 * resolved relative to {@code now} in the user's zone. Every rule takes a start index and returns
 * the value with the index after the match, or null when the tokens there do not match.
 */
final class DateGrammar {

  /** A point in time as spoken: a day, a time of day, both, or an exact instant. */
  record When(LocalDate date, LocalTime time, Instant exact, boolean weekdayBased) {
    boolean hasTime() {
      return time != null || exact != null;
    }
  }

  /** When a reminder fires: a lead time before the due, or an absolute point. */
  record ReminderTime(Amount beforeDue, When at) {}

  private static final Map<String, DayOfWeek> DAYS =
      Map.ofEntries(
          Map.entry("monday", DayOfWeek.MONDAY),
          Map.entry("tuesday", DayOfWeek.TUESDAY),
          Map.entry("wednesday", DayOfWeek.WEDNESDAY),
          Map.entry("thursday", DayOfWeek.THURSDAY),
          Map.entry("friday", DayOfWeek.FRIDAY),
          Map.entry("saturday", DayOfWeek.SATURDAY),
          Map.entry("sunday", DayOfWeek.SUNDAY));
  private static final Map<String, DayOfWeek> DAY_ABBREVIATIONS =
      Map.ofEntries(
          Map.entry("mon", DayOfWeek.MONDAY),
          Map.entry("tue", DayOfWeek.TUESDAY),
          Map.entry("tues", DayOfWeek.TUESDAY),
          Map.entry("wed", DayOfWeek.WEDNESDAY),
          Map.entry("thu", DayOfWeek.THURSDAY),
          Map.entry("thur", DayOfWeek.THURSDAY),
          Map.entry("thurs", DayOfWeek.THURSDAY),
          Map.entry("fri", DayOfWeek.FRIDAY),
          Map.entry("sat", DayOfWeek.SATURDAY),
          Map.entry("sun", DayOfWeek.SUNDAY));
  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("january", 1),
          Map.entry("jan", 1),
          Map.entry("february", 2),
          Map.entry("feb", 2),
          Map.entry("march", 3),
          Map.entry("mar", 3),
          Map.entry("april", 4),
          Map.entry("apr", 4),
          Map.entry("may", 5),
          Map.entry("june", 6),
          Map.entry("jun", 6),
          Map.entry("july", 7),
          Map.entry("jul", 7),
          Map.entry("august", 8),
          Map.entry("aug", 8),
          Map.entry("september", 9),
          Map.entry("sep", 9),
          Map.entry("sept", 9),
          Map.entry("october", 10),
          Map.entry("oct", 10),
          Map.entry("november", 11),
          Map.entry("nov", 11),
          Map.entry("december", 12),
          Map.entry("dec", 12));
  private static final Map<String, Integer> NUMBER_WORDS =
      Map.ofEntries(
          Map.entry("a", 1),
          Map.entry("an", 1),
          Map.entry("one", 1),
          Map.entry("two", 2),
          Map.entry("three", 3),
          Map.entry("four", 4),
          Map.entry("five", 5),
          Map.entry("six", 6),
          Map.entry("seven", 7),
          Map.entry("eight", 8),
          Map.entry("nine", 9),
          Map.entry("ten", 10),
          Map.entry("eleven", 11),
          Map.entry("twelve", 12),
          Map.entry("fifteen", 15),
          Map.entry("twenty", 20),
          Map.entry("thirty", 30));
  private static final Map<String, Integer> ORDINAL_WORDS =
      Map.of("first", 1, "second", 2, "third", 3, "fourth", 4, "fifth", 5, "last", -1);
  private static final Map<String, LocalTime> DAY_PARTS =
      Map.of(
          "morning", LocalTime.of(9, 0),
          "afternoon", LocalTime.of(15, 0),
          "evening", LocalTime.of(19, 0),
          "night", LocalTime.of(20, 0),
          "tonight", LocalTime.of(20, 0));

  private final List<Token> t;
  private final ZoneId zone;
  private final LocalDateTime now;
  private final LocalDate today;
  private final Instant instant;

  DateGrammar(List<Token> tokens, ZoneId zone, Instant now) {
    this.t = tokens;
    this.zone = zone;
    this.instant = now;
    this.now = LocalDateTime.ofInstant(now, zone);
    this.today = this.now.toLocalDate();
  }

  LocalDate today() {
    return today;
  }

  LocalDateTime now() {
    return now;
  }

  ZoneId zone() {
    return zone;
  }

  int size() {
    return t.size();
  }

  Token at(int i) {
    return i >= 0 && i < t.size() ? t.get(i) : null;
  }

  boolean word(int i, String... words) {
    Token tok = at(i);
    return tok != null && tok.is(words);
  }

  boolean punct(int i, String p) {
    Token tok = at(i);
    return tok != null && tok.isPunct(p);
  }

  /** Matches a fixed sequence of words; returns the index after it, or -1. */
  int phrase(int i, String... words) {
    for (String w : words) {
      if (!word(i, w.split("\\|"))) {
        return -1;
      }
      i++;
    }
    return i;
  }

  // ---- numbers and amounts ----

  Parsed<Integer> count(int i) {
    Token tok = at(i);
    if (tok == null) {
      return null;
    }
    if (tok.kind() == Kind.NUMBER) {
      return new Parsed<>(tok.intValue(), i + 1);
    }
    int couple = phrase(i, "a", "couple", "of");
    if (couple > 0) {
      return new Parsed<>(2, couple);
    }
    if (tok.kind() == Kind.WORD && NUMBER_WORDS.containsKey(tok.lower())) {
      return new Parsed<>(NUMBER_WORDS.get(tok.lower()), i + 1);
    }
    return null;
  }

  Parsed<ChronoUnit> unit(int i) {
    Token tok = at(i);
    if (tok == null || tok.kind() != Kind.WORD) {
      return null;
    }
    ChronoUnit u =
        switch (tok.lower()) {
          case "minute", "minutes", "min", "mins" -> ChronoUnit.MINUTES;
          case "hour", "hours", "hr", "hrs", "h" -> ChronoUnit.HOURS;
          case "day", "days" -> ChronoUnit.DAYS;
          case "week", "weeks", "wk", "wks" -> ChronoUnit.WEEKS;
          case "month", "months" -> ChronoUnit.MONTHS;
          case "year", "years" -> ChronoUnit.YEARS;
          default -> null;
        };
    return u == null ? null : new Parsed<>(u, i + 1);
  }

  /** "30 minutes", "an hour", "2 days", "30m", "half an hour". */
  Parsed<Amount> amount(int i) {
    Token tok = at(i);
    if (tok == null) {
      return null;
    }
    if (tok.kind() == Kind.DURATION) {
      return new Parsed<>(Amount.of((Duration) tok.value()), i + 1);
    }
    int half = phrase(i, "half", "an|a", "hour");
    if (half > 0) {
      return new Parsed<>(new Amount(30, ChronoUnit.MINUTES), half);
    }
    Parsed<Integer> n = count(i);
    if (n != null) {
      Parsed<ChronoUnit> u = unit(n.next());
      if (u != null) {
        return new Parsed<>(new Amount(n.value(), u.value()), u.next());
      }
    }
    return null;
  }

  // ---- weekdays, months, days of month ----

  Parsed<DayOfWeek> weekday(int i, boolean allowAbbreviation) {
    Token tok = at(i);
    if (tok == null || tok.kind() != Kind.WORD) {
      return null;
    }
    String w = tok.lower();
    if (w.endsWith("s") && DAYS.containsKey(w.substring(0, w.length() - 1))) {
      w = w.substring(0, w.length() - 1);
    }
    DayOfWeek d = DAYS.get(w);
    if (d == null && allowAbbreviation) {
      d = DAY_ABBREVIATIONS.get(w);
    }
    if (d == null) {
      return null;
    }
    return new Parsed<>(d, punct(i + 1, ".") && w.length() <= 5 ? i + 2 : i + 1);
  }

  /** "monday", "monday and thursday", "mon, wed & fri". */
  Parsed<List<DayOfWeek>> weekdayList(int i, boolean allowAbbreviation) {
    Parsed<DayOfWeek> first = weekday(i, allowAbbreviation);
    if (first == null) {
      return null;
    }
    List<DayOfWeek> days = new ArrayList<>(List.of(first.value()));
    int next = first.next();
    while (true) {
      int j = next;
      if (punct(j, ",") || punct(j, "&") || punct(j, "/")) {
        j++;
      }
      if (word(j, "and", "or")) {
        j++;
      }
      if (j == next) {
        break;
      }
      Parsed<DayOfWeek> d = weekday(j, true);
      if (d == null) {
        break;
      }
      if (!days.contains(d.value())) {
        days.add(d.value());
      }
      next = d.next();
    }
    days.sort(null);
    return new Parsed<>(days, next);
  }

  Parsed<Integer> month(int i) {
    Token tok = at(i);
    if (tok == null || tok.kind() != Kind.WORD || !MONTHS.containsKey(tok.lower())) {
      return null;
    }
    return new Parsed<>(MONTHS.get(tok.lower()), punct(i + 1, ".") ? i + 2 : i + 1);
  }

  Parsed<Integer> dayOfMonth(int i) {
    Token tok = at(i);
    if (tok == null) {
      return null;
    }
    if ((tok.kind() == Kind.ORDINAL || tok.kind() == Kind.NUMBER)
        && tok.intValue() >= 1
        && tok.intValue() <= 31) {
      return new Parsed<>(tok.intValue(), i + 1);
    }
    if (tok.kind() == Kind.WORD
        && ORDINAL_WORDS.containsKey(tok.lower())
        && ORDINAL_WORDS.get(tok.lower()) > 0) {
      return new Parsed<>(ORDINAL_WORDS.get(tok.lower()), i + 1);
    }
    return null;
  }

  Parsed<Integer> year(int i) {
    int j = punct(i, ",") ? i + 1 : i;
    Token tok = at(j);
    if (tok != null
        && tok.kind() == Kind.NUMBER
        && tok.intValue() >= 2000
        && tok.intValue() < 2200) {
      return new Parsed<>(tok.intValue(), j + 1);
    }
    return null;
  }

  /** "dec 5", "december 5th, 2027", "5 dec", "the 5th of december": month and day, maybe year. */
  Parsed<int[]> monthDay(int i) {
    int j = word(i, "the") ? i + 1 : i;
    Parsed<Integer> m = month(i);
    if (m != null) {
      int k = word(m.next(), "the") ? m.next() + 1 : m.next();
      Parsed<Integer> d = dayOfMonth(k);
      if (d != null && at(k).kind() != Kind.WORD) {
        Parsed<Integer> y = year(d.next());
        return y == null
            ? new Parsed<>(new int[] {0, m.value(), d.value()}, d.next())
            : new Parsed<>(new int[] {y.value(), m.value(), d.value()}, y.next());
      }
      return null;
    }
    Parsed<Integer> d = dayOfMonth(j);
    if (d != null) {
      int k = word(d.next(), "of") ? d.next() + 1 : d.next();
      Parsed<Integer> mm = month(k);
      if (mm != null) {
        Parsed<Integer> y = year(mm.next());
        return y == null
            ? new Parsed<>(new int[] {0, mm.value(), d.value()}, mm.next())
            : new Parsed<>(new int[] {y.value(), mm.value(), d.value()}, y.next());
      }
    }
    return null;
  }

  // ---- dates ----

  /** A calendar day relative to today, or an absolute one. */
  Parsed<When> date(int i, boolean allowAbbreviation) {
    Token tok = at(i);
    if (tok == null) {
      return null;
    }
    if (tok.kind() == Kind.ISO_DATE) {
      return day(tok.date(), i + 1);
    }
    if (tok.is("today", "tod")) {
      return day(today, i + 1);
    }
    if (tok.is("tomorrow", "tmrw", "tmr", "tomorow", "tommorow", "tomorrows")) {
      return day(today.plusDays(1), i + 1);
    }
    if (tok.is("yesterday")) {
      return day(today.minusDays(1), i + 1);
    }
    int dat = phrase(i, "the", "day", "after", "tomorrow");
    if (dat < 0) {
      dat = phrase(i, "day", "after", "tomorrow");
    }
    if (dat > 0) {
      return day(today.plusDays(2), dat);
    }
    if (tok.is("next", "this", "coming")) {
      boolean next = tok.is("next");
      Parsed<DayOfWeek> wd = weekday(i + 1, true);
      if (wd != null) {
        LocalDate d =
            next
                ? today.with(TemporalAdjusters.next(wd.value()))
                : today.with(TemporalAdjusters.nextOrSame(wd.value()));
        return new Parsed<>(new When(d, null, null, !next), wd.next());
      }
      if (word(i + 1, "week")) {
        return next ? day(today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)), i + 2) : null;
      }
      if (word(i + 1, "weekend")) {
        return day(weekend(next), i + 2);
      }
      if (next && word(i + 1, "month")) {
        return day(today.plusMonths(1).withDayOfMonth(1), i + 2);
      }
      if (next && word(i + 1, "year")) {
        return day(today.plusYears(1).withDayOfYear(1), i + 2);
      }
      return null;
    }
    int weekendEnd = phrase(i, "the", "weekend");
    if (weekendEnd < 0) {
      weekendEnd = phrase(i, "weekend");
    }
    if (weekendEnd > 0) {
      return day(weekend(false), weekendEnd);
    }
    int eo = phrase(i, "end", "of");
    if (eo > 0) {
      int k = word(eo, "the", "this") ? eo + 1 : eo;
      if (word(k, "week")) {
        LocalDate friday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
        if (today.getDayOfWeek().getValue() > 5) {
          friday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        }
        return day(friday, k + 1);
      }
      if (word(k, "month")) {
        return day(today.with(TemporalAdjusters.lastDayOfMonth()), k + 1);
      }
      if (word(k, "year")) {
        return day(today.with(TemporalAdjusters.lastDayOfYear()), k + 1);
      }
      return null;
    }
    if (tok.is("in")) {
      Parsed<Amount> a = amount(i + 1);
      if (a != null && !a.value().isClockBased()) {
        return day(a.value().addTo(today), a.next());
      }
      return null;
    }
    Parsed<DayOfWeek> wd = weekday(i, allowAbbreviation);
    if (wd != null) {
      return new Parsed<>(
          new When(today.with(TemporalAdjusters.nextOrSame(wd.value())), null, null, true),
          wd.next());
    }
    Parsed<int[]> md = monthDay(i);
    if (md != null) {
      int[] ymd = md.value();
      LocalDate d = safeDate(ymd[0] == 0 ? today.getYear() : ymd[0], ymd[1], ymd[2]);
      if (d == null) {
        return null;
      }
      if (ymd[0] == 0 && d.isBefore(today)) {
        d = safeDate(today.getYear() + 1, ymd[1], ymd[2]);
      }
      return day(d, md.next());
    }
    if (tok.is("the")) {
      Parsed<Integer> dom = dayOfMonth(i + 1);
      if (dom != null && at(i + 1).kind() != Kind.NUMBER) {
        LocalDate d = nextDayOfMonth(dom.value());
        return d == null ? null : day(d, dom.next());
      }
    }
    return null;
  }

  private LocalDate weekend(boolean next) {
    LocalDate sat = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
    if (today.getDayOfWeek() == DayOfWeek.SUNDAY) {
      sat = today;
    }
    return next ? today.with(TemporalAdjusters.next(DayOfWeek.SATURDAY)) : sat;
  }

  private LocalDate nextDayOfMonth(int dom) {
    LocalDate month = today.withDayOfMonth(1);
    for (int k = 0; k < 12; k++, month = month.plusMonths(1)) {
      if (dom <= month.lengthOfMonth()) {
        LocalDate d = month.withDayOfMonth(dom);
        if (!d.isBefore(today)) {
          return d;
        }
      }
    }
    return null;
  }

  private static LocalDate safeDate(int y, int m, int d) {
    try {
      return LocalDate.of(y, m, d);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  private static Parsed<When> day(LocalDate d, int next) {
    return new Parsed<>(new When(d, null, null, false), next);
  }

  // ---- times ----

  /** "9am", "14:30", "noon", "9 o'clock"; with {@code afterAt}, a bare hour ("at 6"). */
  Parsed<LocalTime> time(int i, boolean afterAt) {
    Token tok = at(i);
    if (tok == null) {
      return null;
    }
    if (tok.kind() == Kind.TIME) {
      return new Parsed<>(tok.time(), i + 1);
    }
    if (tok.is("noon", "midday")) {
      return new Parsed<>(LocalTime.NOON, i + 1);
    }
    if (tok.is("midnight")) {
      return new Parsed<>(LocalTime.of(23, 59), i + 1);
    }
    if (tok.kind() == Kind.NUMBER && tok.intValue() <= 23) {
      int h = tok.intValue();
      if (word(i + 1, "o'clock", "o’clock", "oclock")) {
        return new Parsed<>(LocalTime.of(h, 0), i + 2);
      }
      if (afterAt) {
        return new Parsed<>(LocalTime.of(h >= 1 && h <= 7 ? h + 12 : h, 0), i + 1);
      }
    }
    return null;
  }

  /** "in the morning", "morning", "tonight". */
  Parsed<LocalTime> dayPart(int i) {
    int j = phrase(i, "in", "the");
    j = j > 0 ? j : i;
    Token tok = at(j);
    if (tok != null && tok.kind() == Kind.WORD && DAY_PARTS.containsKey(tok.lower())) {
      return new Parsed<>(DAY_PARTS.get(tok.lower()), j + 1);
    }
    return null;
  }

  // ---- whole due expressions ----

  /**
   * A point in time with an optional lead word: "on friday at 3pm", "by dec 5", "at 9:30",
   * "tomorrow morning", "in 2 hours", "next monday 3pm", "3pm tomorrow".
   */
  Parsed<When> when(int i) {
    int j = i;
    boolean at = false;
    for (int k = 0; k < 2 && word(j, "on", "by", "due", "at", "before", "for", "until"); k++) {
      at |= word(j, "at");
      j++;
    }
    if (punct(j, "@")) {
      at = true;
      j++;
    }
    boolean lead = j > i;
    Token tok = at(j);
    if (tok == null) {
      return null;
    }
    if (tok.is("in")) {
      Parsed<Amount> a = amount(j + 1);
      if (a != null && a.value().isClockBased()) {
        Instant exact = instant.plus(a.value().count(), a.value().unit());
        return new Parsed<>(new When(null, null, exact, false), a.next());
      }
    }
    if (tok.is("tonight")) {
      return new Parsed<>(new When(today, LocalTime.of(20, 0), null, false), j + 1);
    }
    if (tok.is("this")) {
      Parsed<LocalTime> part = dayPart(j + 1);
      if (part != null) {
        return new Parsed<>(new When(today, part.value(), null, false), part.next());
      }
    }
    Parsed<When> d = date(j, lead);
    if (d != null) {
      int k = d.next();
      Parsed<LocalTime> tm = timeAfterDate(k);
      if (tm != null) {
        return new Parsed<>(
            new When(d.value().date(), tm.value(), null, d.value().weekdayBased()), tm.next());
      }
      return d;
    }
    Parsed<LocalTime> tm = time(j, at);
    if (tm != null) {
      int k = tm.next();
      int m = word(k, "on") || punct(k, ",") ? k + 1 : k;
      Parsed<When> dd = date(m, true);
      if (dd != null) {
        return new Parsed<>(
            new When(dd.value().date(), tm.value(), null, dd.value().weekdayBased()), dd.next());
      }
      return new Parsed<>(new When(null, tm.value(), null, false), k);
    }
    return null;
  }

  private Parsed<LocalTime> timeAfterDate(int k) {
    int m = word(k, "at") || punct(k, "@") || punct(k, ",") ? k + 1 : k;
    Parsed<LocalTime> tm = time(m, m > k && !punct(k, ","));
    if (tm != null) {
      return tm;
    }
    return dayPart(k);
  }

  /** "1 day before", "30 minutes earlier", or a point in time; optional "at"/"on" lead. */
  Parsed<ReminderTime> reminderTime(int i) {
    Parsed<Amount> a = amount(i);
    if (a != null) {
      int k = a.next();
      int after = phrase(k, "in", "advance");
      if (after < 0 && word(k, "before", "earlier", "ahead", "prior", "beforehand")) {
        after = k + 1;
        int due = phrase(after, "it's|its|it", "due");
        if (due < 0) {
          due = phrase(after, "the", "due|deadline");
        }
        after = due > 0 ? due : after;
      }
      if (after > 0) {
        return new Parsed<>(new ReminderTime(a.value(), null), after);
      }
    }
    int atDue = phrase(i, "at", "the", "time");
    if (atDue < 0) {
      atDue = phrase(i, "when", "it's|its", "due");
    }
    if (atDue < 0) {
      atDue = phrase(i, "on", "time");
    }
    if (atDue > 0) {
      return new Parsed<>(new ReminderTime(new Amount(0, ChronoUnit.MINUTES), null), atDue);
    }
    Parsed<When> w = when(i);
    return w == null ? null : new Parsed<>(new ReminderTime(null, w.value()), w.next());
  }

  /** Resolves a spoken point to a date and time: a lone time is today, or tomorrow if past. */
  When resolve(When w) {
    if (w.exact() != null) {
      return w;
    }
    LocalDate d = w.date();
    if (d == null) {
      d = today.atTime(w.time()).isAfter(now) ? today : today.plusDays(1);
    } else if (w.weekdayBased() && w.time() != null && !d.atTime(w.time()).isAfter(now)) {
      d = d.plusWeeks(1);
    }
    return new When(d, w.time(), null, false);
  }

  // ---- recurrences ----

  /**
   * "every day", "every 2 weeks on monday", "every weekday", "every monday and thursday", "every
   * month on the 1st", "every first monday", "every dec 5", "daily", "weekly on friday", with
   * optional "until dec 31", "for 10 times", "starting next monday".
   */
  Parsed<RecurrenceSpec> recurrence(int i) {
    Parsed<RecurrenceSpec> core = recurrenceCore(i);
    if (core == null) {
      return null;
    }
    Parsed<RecurrenceSpec> more = recurrenceSuffix(core.value(), core.next());
    return more == null ? core : more;
  }

  /** "until dec 31", "for 10 times", "starting next monday" after a recurrence; null if none. */
  Parsed<RecurrenceSpec> recurrenceSuffix(RecurrenceSpec spec, int from) {
    int j = from;
    boolean progress = true;
    while (progress) {
      progress = false;
      if (word(j, "until", "till", "through", "ending")) {
        int k = word(j, "ending") && word(j + 1, "on") ? j + 2 : j + 1;
        Parsed<When> u = date(k, true);
        if (u != null) {
          spec = spec.withUntil(u.value().date());
          j = u.next();
          progress = true;
          continue;
        }
      }
      int k = word(j, "for") ? j + 1 : j;
      Parsed<Integer> n = count(k);
      if (n != null && word(n.next(), "times", "occurrences")) {
        spec = spec.withCount(n.value());
        j = n.next() + 1;
        progress = true;
        continue;
      }
      if (word(j, "starting", "from", "beginning")) {
        int s = word(j + 1, "on", "from") ? j + 2 : j + 1;
        Parsed<When> start = date(s, true);
        if (start != null) {
          spec = spec.withStart(start.value().date());
          j = start.next();
          progress = true;
        }
      }
    }
    return j == from ? null : new Parsed<>(spec, j);
  }

  private Parsed<RecurrenceSpec> recurrenceCore(int i) {
    Token tok = at(i);
    if (tok == null || tok.kind() != Kind.WORD) {
      return null;
    }
    switch (tok.lower()) {
      case "daily":
        return new Parsed<>(RecurrenceSpec.of(Freq.DAILY, 1), i + 1);
      case "weekly":
        return qualify(RecurrenceSpec.of(Freq.WEEKLY, 1), i + 1);
      case "biweekly", "fortnightly":
        return qualify(RecurrenceSpec.of(Freq.WEEKLY, 2), i + 1);
      case "monthly":
        return qualify(RecurrenceSpec.of(Freq.MONTHLY, 1), i + 1);
      case "yearly", "annually":
        return qualify(RecurrenceSpec.of(Freq.YEARLY, 1), i + 1);
      case "weekdays":
        if (word(i - 1, "on")) {
          return new Parsed<>(
              RecurrenceSpec.of(Freq.WEEKLY, 1).withByDay(RecurrenceSpec.WEEKDAYS, null), i + 1);
        }
        return null;
      case "every", "each":
        break;
      default:
        return null;
    }
    int j = i + 1;
    int interval = 1;
    boolean explicitInterval = false;
    if (word(j, "other")) {
      interval = 2;
      explicitInterval = true;
      j++;
    } else {
      Token n = at(j);
      if (n != null && (n.kind() == Kind.NUMBER || (n.kind() == Kind.WORD && !n.is("a", "an")))) {
        Parsed<Integer> c = count(j);
        if (c != null && unit(c.next()) != null) {
          interval = c.value();
          explicitInterval = true;
          j = c.next();
        }
      }
    }
    Parsed<ChronoUnit> u = unit(j);
    if (u != null) {
      Freq f =
          switch (u.value()) {
            case DAYS -> Freq.DAILY;
            case WEEKS -> Freq.WEEKLY;
            case MONTHS -> Freq.MONTHLY;
            case YEARS -> Freq.YEARLY;
            default -> null;
          };
      if (f == null || interval < 1) {
        return null;
      }
      return qualify(RecurrenceSpec.of(f, interval), u.next());
    }
    if (explicitInterval) {
      Parsed<List<DayOfWeek>> days = weekdayList(j, true);
      if (days != null) {
        return new Parsed<>(
            RecurrenceSpec.of(Freq.WEEKLY, interval).withByDay(days.value(), null), days.next());
      }
      return null;
    }
    if (word(j, "weekday", "weekdays", "workday", "workdays")) {
      return new Parsed<>(
          RecurrenceSpec.of(Freq.WEEKLY, 1).withByDay(RecurrenceSpec.WEEKDAYS, null), j + 1);
    }
    int business = phrase(j, "business|working|work", "day|days");
    if (business > 0) {
      return new Parsed<>(
          RecurrenceSpec.of(Freq.WEEKLY, 1).withByDay(RecurrenceSpec.WEEKDAYS, null), business);
    }
    if (word(j, "weekend", "weekends")) {
      return new Parsed<>(
          RecurrenceSpec.of(Freq.WEEKLY, 1).withByDay(RecurrenceSpec.WEEKEND, null), j + 1);
    }
    Parsed<LocalTime> part = dayPart(j);
    if (part != null) {
      return new Parsed<>(
          RecurrenceSpec.of(Freq.DAILY, 1).withDefaultTime(part.value()), part.next());
    }
    Parsed<List<DayOfWeek>> days = weekdayList(j, true);
    if (days != null) {
      return new Parsed<>(
          RecurrenceSpec.of(Freq.WEEKLY, 1).withByDay(days.value(), null), days.next());
    }
    Parsed<RecurrenceSpec> monthly = monthlyDay(RecurrenceSpec.of(Freq.MONTHLY, 1), j);
    if (monthly != null) {
      return monthly;
    }
    Parsed<int[]> md = monthDay(j);
    if (md != null && md.value()[0] == 0) {
      return new Parsed<>(
          RecurrenceSpec.of(Freq.YEARLY, 1).withMonthDay(md.value()[1], md.value()[2]), md.next());
    }
    return null;
  }

  /** The "on ..." part after a unit: weekdays for weekly, a day for monthly and yearly. */
  private Parsed<RecurrenceSpec> qualify(RecurrenceSpec spec, int j) {
    int k = word(j, "on") ? j + 1 : j;
    switch (spec.freq()) {
      case WEEKLY -> {
        Parsed<List<DayOfWeek>> days = weekdayList(k, true);
        if (days != null) {
          return new Parsed<>(spec.withByDay(days.value(), null), days.next());
        }
      }
      case MONTHLY -> {
        if (k > j || word(k, "the")) {
          Parsed<RecurrenceSpec> m = monthlyDay(spec, k);
          if (m != null) {
            return m;
          }
        }
      }
      case YEARLY -> {
        if (k > j) {
          Parsed<int[]> md = monthDay(k);
          if (md != null && md.value()[0] == 0) {
            return new Parsed<>(spec.withMonthDay(md.value()[1], md.value()[2]), md.next());
          }
        }
      }
      default -> {}
    }
    return new Parsed<>(spec, j);
  }

  /** "the 1st", "15th", "last day", "first monday", each optionally "of the month". */
  private Parsed<RecurrenceSpec> monthlyDay(RecurrenceSpec spec, int j) {
    int k = word(j, "the") ? j + 1 : j;
    Parsed<RecurrenceSpec> result = null;
    Token tok = at(k);
    if (tok == null) {
      return null;
    }
    Integer ordinal = null;
    int afterOrdinal = k + 1;
    if (tok.kind() == Kind.WORD && ORDINAL_WORDS.containsKey(tok.lower())) {
      ordinal = ORDINAL_WORDS.get(tok.lower());
    } else if (tok.kind() == Kind.ORDINAL && tok.intValue() <= 5) {
      ordinal = tok.intValue();
    }
    if (ordinal != null) {
      Parsed<DayOfWeek> wd = weekday(afterOrdinal, true);
      if (wd != null && ordinal <= 4) {
        result =
            new Parsed<>(
                spec.withByDay(List.of(wd.value()), ordinal).withMonthDay(null, null), wd.next());
      } else if (ordinal == -1 && word(afterOrdinal, "day")) {
        result = new Parsed<>(spec.withMonthDay(null, -1), afterOrdinal + 1);
      }
    }
    if (result == null
        && tok.kind() == Kind.ORDINAL
        && tok.intValue() >= 1
        && tok.intValue() <= 31) {
      if (month(k + 1) != null || (word(k + 1, "of") && month(k + 2) != null)) {
        return null;
      }
      result = new Parsed<>(spec.withMonthDay(null, tok.intValue()), k + 1);
    }
    if (result == null && tok.kind() == Kind.WORD && ORDINAL_WORDS.containsKey(tok.lower())) {
      int n = ORDINAL_WORDS.get(tok.lower());
      if (n > 0 && word(afterOrdinal, "day")) {
        result = new Parsed<>(spec.withMonthDay(null, n), afterOrdinal + 1);
      }
    }
    if (result == null) {
      return null;
    }
    int end = phrase(result.next(), "of", "the|every|each", "month");
    if (end < 0) {
      end = phrase(result.next(), "of", "month");
    }
    return end > 0 ? new Parsed<>(result.value(), end) : result;
  }
}
