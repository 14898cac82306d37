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

  /**
   * A point in time as spoken: a day, a time of day, both, or an exact instant.
   *
   * @param weekdayBased a weekday name ("friday"): next week when the time has passed today
   * @param loneHour the time is a bare hour ("at 7") whose half of the day was guessed
   */
  record When(
      LocalDate date, LocalTime time, Instant exact, boolean weekdayBased, boolean loneHour) {
    When(LocalDate date, LocalTime time, Instant exact, boolean weekdayBased) {
      this(date, time, exact, weekdayBased, false);
    }

    boolean hasTime() {
      return time != null || exact != null;
    }

    When withTime(LocalTime t) {
      return new When(date, t, exact, weekdayBased, false);
    }
  }

  /**
   * When a reminder fires: a lead time before the due, an absolute point, or a time of day on the
   * day before the due ("the evening before").
   */
  record ReminderTime(Amount beforeDue, When at, LocalTime dayBefore, int daysBefore) {
    ReminderTime(Amount beforeDue, When at) {
      this(beforeDue, at, null, 1);
    }

    ReminderTime(Amount beforeDue, When at, LocalTime dayBefore) {
      this(beforeDue, at, dayBefore, 1);
    }
  }

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

  /** Fixed-date holidays as month * 100 + day. */
  private static final Map<String, Integer> HOLIDAYS =
      Map.ofEntries(
          Map.entry("christmas", 1225),
          Map.entry("xmas", 1225),
          Map.entry("halloween", 1031),
          Map.entry("valentine's", 214),
          Map.entry("valentines", 214));

  private static final Map<String, LocalTime> DAY_PARTS =
      Map.of(
          "morning", LocalTime.of(9, 0),
          "afternoon", LocalTime.of(15, 0),
          "evening", LocalTime.of(19, 0),
          "night", LocalTime.of(20, 0),
          "tonight", LocalTime.of(20, 0),
          "lunchtime", LocalTime.of(12, 0));

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
    Parsed<List<DayOfWeek>> range = weekdayRange(i);
    if (range != null) {
      return range;
    }
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

  /** "mon-fri", "monday to friday", "tue through thu": every day from one to the other. */
  private Parsed<List<DayOfWeek>> weekdayRange(int i) {
    Token tok = at(i);
    if (tok == null || tok.kind() != Kind.WORD) {
      return null;
    }
    DayOfWeek from;
    DayOfWeek to;
    int next;
    String w = tok.lower();
    int dash = w.indexOf('-');
    if (dash > 0) {
      from = dayNamed(w.substring(0, dash));
      to = dayNamed(w.substring(dash + 1));
      next = i + 1;
    } else {
      Parsed<DayOfWeek> a = weekday(i, true);
      if (a == null || !word(a.next(), "to", "through", "thru", "till", "until")) {
        return null;
      }
      Parsed<DayOfWeek> b = weekday(a.next() + 1, true);
      if (b == null) {
        return null;
      }
      from = a.value();
      to = b.value();
      next = b.next();
    }
    if (from == null || to == null || from == to) {
      return null;
    }
    List<DayOfWeek> days = new ArrayList<>();
    for (DayOfWeek d = from; ; d = d.plus(1)) {
      days.add(d);
      if (d == to) {
        break;
      }
    }
    days.sort(null);
    return new Parsed<>(days, next);
  }

  private static DayOfWeek dayNamed(String w) {
    DayOfWeek d = DAYS.get(w);
    return d != null ? d : DAY_ABBREVIATIONS.get(w);
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
    if (tok.kind() == Kind.SLASH_DATE) {
      LocalDate d = slashDate((int[]) tok.value());
      return d == null ? null : day(d, i + 1);
    }
    Parsed<LocalDate> holiday = allowAbbreviation ? holiday(i) : null;
    if (holiday != null) {
      return day(holiday.value(), holiday.next());
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
    int eod = phrase(i, "end", "of", "the", "day");
    if (eod < 0) {
      eod = phrase(i, "end", "of", "day");
    }
    if (eod < 0 && tok.is("eod", "cob", "eob")) {
      eod = i + 1;
    }
    if (eod > 0) {
      return day(today, eod);
    }
    int eo = phrase(i, "end", "of");
    if (eo < 0) {
      eo = phrase(i, "the", "end", "of");
    }
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
      Parsed<LocalDate> month = monthStart(k);
      if (month != null) {
        return day(month.value().with(TemporalAdjusters.lastDayOfMonth()), month.next());
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

  /** "12/15" month first (no month 15), "24/12" day first; both possible: by the zone. */
  private LocalDate slashDate(int[] v) {
    int a = v[0];
    int b = v[1];
    boolean monthFirst;
    if (a > 12) {
      monthFirst = false;
    } else if (b > 12) {
      monthFirst = true;
    } else {
      monthFirst = zone.getId().startsWith("America/") || zone.getId().startsWith("US/");
    }
    int month = monthFirst ? a : b;
    int dom = monthFirst ? b : a;
    if (v[2] != 0) {
      return safeDate(v[2], month, dom);
    }
    LocalDate d = safeDate(today.getYear(), month, dom);
    if (d != null && d.isBefore(today)) {
      d = safeDate(today.getYear() + 1, month, dom);
    }
    return d;
  }

  /** "christmas", "christmas eve", "new year's eve", "new year's day", "halloween". */
  private Parsed<LocalDate> holiday(int i) {
    int j = word(i, "the") ? i + 1 : i;
    Token tok = at(j);
    if (tok == null || tok.kind() != Kind.WORD) {
      return null;
    }
    int md;
    int next;
    int nye = phrase(j, "new", "year's|years|year", "eve");
    int ny = phrase(j, "new", "year's|years|year", "day");
    if (nye > 0) {
      md = 1231;
      next = nye;
    } else if (ny > 0) {
      md = 101;
      next = ny;
    } else if (HOLIDAYS.containsKey(tok.lower())) {
      md = HOLIDAYS.get(tok.lower());
      next = j + 1;
      if (md == 1225 && word(next, "eve")) {
        md = 1224;
        next++;
      } else if (md == 1225 && word(next, "day")) {
        next++;
      } else if (md == 214 && word(next, "day")) {
        next++;
      }
    } else {
      return null;
    }
    LocalDate d = LocalDate.of(today.getYear(), md / 100, md % 100);
    if (d.isBefore(today)) {
      d = d.plusYears(1);
    }
    return new Parsed<>(d, next);
  }

  /**
   * A month by name, optionally with a year ("march 2028", "june"): its first day, the next such
   * month from today when no year is given (this month counts).
   */
  Parsed<LocalDate> monthStart(int i) {
    Parsed<Integer> m = month(i);
    if (m == null) {
      return null;
    }
    Parsed<Integer> y = year(m.next());
    if (y != null) {
      return new Parsed<>(LocalDate.of(y.value(), m.value(), 1), y.next());
    }
    LocalDate d = LocalDate.of(today.getYear(), m.value(), 1);
    if (d.plusMonths(1).isBefore(today.plusDays(1))) {
      d = d.plusYears(1);
    }
    return new Parsed<>(d, m.next());
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
   * "tomorrow morning", "in 2 hours", "next monday 3pm", "3pm tomorrow", "at 6 tomorrow morning". A
   * bare hour takes its half of the day from a day part next to it ("at 7 in the morning").
   */
  Parsed<When> when(int i) {
    int j = i;
    boolean at = false;
    for (int k = 0;
        k < 2 && word(j, "on", "by", "due", "at", "before", "for", "until", "till", "til");
        k++) {
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
      Parsed<LocalTime> tm = timeAfterDate(j + 1, LocalTime.of(20, 0));
      return tm != null
          ? new Parsed<>(new When(today, tm.value(), null, false), tm.next())
          : new Parsed<>(new When(today, LocalTime.of(20, 0), null, false), j + 1);
    }
    if (tok.is("this")) {
      Parsed<LocalTime> part = dayPart(j + 1);
      if (part != null) {
        Parsed<LocalTime> tm = timeAfterDate(part.next(), part.value());
        return tm != null
            ? new Parsed<>(new When(today, tm.value(), null, false), tm.next())
            : new Parsed<>(new When(today, part.value(), null, false), part.next());
      }
    }
    Parsed<When> d = date(j, lead || abbreviationFits(j + 1));
    if (d != null && word(d.next(), "'s")) {
      return null;
    }
    if (d != null) {
      int k = d.next();
      Parsed<LocalTime> tm = timeAfterDate(k, null);
      if (tm != null) {
        return new Parsed<>(
            new When(d.value().date(), tm.value(), null, d.value().weekdayBased()), tm.next());
      }
      return d;
    }
    if (at || tok.is("in")) {
      Parsed<LocalTime> part = dayPart(j);
      if (part != null) {
        return new Parsed<>(new When(null, part.value(), null, false), part.next());
      }
    }
    Parsed<LocalTime> tm = time(j, at);
    if (tm != null) {
      boolean lone = isLoneHour(j);
      int k = tm.next();
      Parsed<LocalTime> partBefore = lone ? dayPart(k) : null;
      LocalTime time = tm.value();
      if (partBefore != null) {
        time = adjust(time, true, partBefore.value());
        k = partBefore.next();
        lone = false;
      }
      int m = word(k, "on") || punct(k, ",") ? k + 1 : k;
      Parsed<When> dd = date(m, true);
      if (dd != null) {
        int after = dd.next();
        Parsed<LocalTime> part = lone ? dayPart(after) : null;
        if (part != null) {
          time = adjust(time, true, part.value());
          after = part.next();
          lone = false;
        }
        return new Parsed<>(
            new When(dd.value().date(), time, null, dd.value().weekdayBased(), lone), after);
      }
      return new Parsed<>(new When(null, time, null, false, lone), k);
    }
    return null;
  }

  /**
   * Whether a weekday abbreviation ("sat") can stand here: before a time, an attribute or the end.
   */
  private boolean abbreviationFits(int next) {
    Token n = at(next);
    if (n == null) {
      return true;
    }
    return switch (n.kind()) {
      case TIME, NUMBER, HASHTAG, PRIORITY -> true;
      case PUNCT -> n.text().equals(",") || n.text().equals("@") || n.text().equals(".");
      case WORD ->
          n.is("at", "morning", "afternoon", "evening", "night", "noon", "and", "remind", "every");
      default -> false;
    };
  }

  private boolean isLoneHour(int j) {
    Token tok = at(j);
    return tok != null && tok.kind() == Kind.NUMBER && !word(j + 1, "o'clock", "o’clock", "oclock");
  }

  /** A bare hour moved into the half of the day of {@code part} (morning: before noon). */
  static LocalTime adjust(LocalTime t, boolean lone, LocalTime part) {
    if (!lone || part == null) {
      return t;
    }
    int h = t.getHour() % 12;
    return part.getHour() < 12
        ? LocalTime.of(h, t.getMinute())
        : LocalTime.of(h + 12, t.getMinute());
  }

  /**
   * The time after a date: "at 3pm", "@ 9", "3pm", "morning", "morning at 7", "at 7 in the
   * evening"; {@code part} is a day part already read (a bare hour then takes its half).
   */
  private Parsed<LocalTime> timeAfterDate(int k, LocalTime part) {
    int m = word(k, "at") || punct(k, "@") || punct(k, ",") ? k + 1 : k;
    Parsed<LocalTime> tm = time(m, m > k && !punct(k, ","));
    if (tm != null) {
      boolean lone = isLoneHour(m);
      if (lone && part == null) {
        Parsed<LocalTime> after = dayPart(tm.next());
        if (after != null) {
          return new Parsed<>(adjust(tm.value(), true, after.value()), after.next());
        }
      }
      return new Parsed<>(adjust(tm.value(), lone, part), tm.next());
    }
    if (part != null) {
      return null;
    }
    Parsed<LocalTime> dp = dayPart(k);
    if (dp != null) {
      Parsed<LocalTime> later = timeAfterDate(dp.next(), dp.value());
      return later != null ? later : dp;
    }
    return null;
  }

  /**
   * "1 day before", "30 minutes earlier", "the evening before", "the day before at 6pm", "when it's
   * due", or a point in time; optional "at"/"on" lead.
   */
  Parsed<ReminderTime> reminderTime(int i) {
    Parsed<ReminderTime> dayBefore = dayBefore(i);
    if (dayBefore != null) {
      return dayBefore;
    }
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
    if (w != null && w.value().date() == null && w.value().exact() == null) {
      int same = phrase(w.next(), "on", "the", "day");
      if (same < 0) {
        same = phrase(w.next(), "that|the", "day");
      }
      if (same > 0) {
        return new Parsed<>(new ReminderTime(null, null, w.value().time(), 0), same);
      }
    }
    return w == null ? null : new Parsed<>(new ReminderTime(null, w.value()), w.next());
  }

  /** "the evening before", "the night before", "the day before at 6pm": the day before the due. */
  private Parsed<ReminderTime> dayBefore(int i) {
    // "on the day at 8am", "the morning of", "that morning": the due day itself
    int same = phrase(i, "on", "the", "day");
    if (same < 0) {
      same = phrase(i, "on", "the", "due", "date|day");
    }
    if (same < 0) {
      same = phrase(i, "that|the", "day");
    }
    if (same > 0 && word(same, "before", "after", "prior")) {
      same = -1;
    }
    if (same > 0) {
      Parsed<LocalTime> tm = timeAfterDate(same, null);
      LocalTime time = tm == null ? LocalTime.of(9, 0) : tm.value();
      return new Parsed<>(new ReminderTime(null, null, time, 0), tm == null ? same : tm.next());
    }
    Token part = at(word(i, "the", "that") ? i + 1 : i);
    if (part != null
        && part.kind() == Kind.WORD
        && DAY_PARTS.containsKey(part.lower())
        && (word(i, "that") || (word(i, "the") && word(i + 2, "of")))) {
      int k = word(i, "that") ? i + 2 : i + 3;
      if (word(k, "the") && word(k + 1, "day")) {
        k += 2;
      }
      return new Parsed<>(new ReminderTime(null, null, DAY_PARTS.get(part.lower()), 0), k);
    }
    int j = word(i, "the", "on") ? i + 1 : i;
    if (word(j, "the")) {
      j++;
    }
    Token tok = at(j);
    if (tok == null || !word(j + 1, "before")) {
      return null;
    }
    LocalTime time;
    if (tok.is("day")) {
      time = null;
    } else if (tok.kind() == Kind.WORD && DAY_PARTS.containsKey(tok.lower())) {
      time = DAY_PARTS.get(tok.lower());
    } else {
      return null;
    }
    int k = j + 2;
    int due = phrase(k, "it's|its|it", "due");
    if (due > 0) {
      k = due;
    }
    Parsed<LocalTime> tm = timeAfterDate(k, time);
    if (tm != null) {
      return new Parsed<>(new ReminderTime(null, null, tm.value()), tm.next());
    }
    return new Parsed<>(new ReminderTime(null, null, time == null ? LocalTime.of(9, 0) : time), k);
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
   * month on the 1st", "every first monday", "every dec 5", "daily", "weekly on friday", "twice a
   * month", "once a year", "every! 3 days" (counted from completion), with optional "until dec 31",
   * "until march 2028", "10 times", "for 8 weeks", "starting next monday", "after I finish it".
   */
  Parsed<RecurrenceSpec> recurrence(int i) {
    Parsed<RecurrenceSpec> core = recurrenceCore(i);
    if (core == null) {
      return null;
    }
    Parsed<RecurrenceSpec> more = recurrenceSuffix(core.value(), core.next());
    return more == null ? core : more;
  }

  /** Whether the recurrence at {@code i} is a bare adverb ("daily", "weekly"), not "every ...". */
  boolean isAdverbRecurrence(int i) {
    return word(i, "daily", "weekly", "biweekly", "fortnightly", "monthly", "yearly", "annually");
  }

  /**
   * "until dec 31", "10 times", "for 8 weeks", "starting next monday", "after I finish it" after a
   * recurrence; null if none.
   */
  Parsed<RecurrenceSpec> recurrenceSuffix(RecurrenceSpec spec, int from) {
    int j = from;
    boolean progress = true;
    while (progress) {
      progress = false;
      int s = punct(j, ",") ? j + 1 : j;
      if (word(s, "and") && (word(s + 1, "until", "till", "ending") || completion(s + 1) > 0)) {
        s++;
      }
      if (word(s, "until", "till", "through", "ending", "thru")) {
        int k = word(s, "ending") && word(s + 1, "on", "in") ? s + 2 : s + 1;
        Parsed<LocalDate> until = untilDate(k);
        if (until != null) {
          spec = spec.withUntil(until.value());
          j = until.next();
          progress = true;
          continue;
        }
      }
      int k = word(s, "for") ? s + 1 : s;
      Parsed<Integer> n = count(k);
      if (n != null && word(n.next(), "times", "occurrences", "x")) {
        spec = spec.withCount(n.value());
        j = n.next() + 1;
        progress = true;
        continue;
      }
      if (n != null && word(s, "for") && unit(n.next()) != null) {
        ChronoUnit u = unit(n.next()).value();
        if (u != ChronoUnit.MINUTES && u != ChronoUnit.HOURS) {
          LocalDate base = spec.start() != null ? spec.start() : today;
          spec = spec.withUntil(base.plus(n.value(), u).minusDays(1));
          j = n.next() + 1;
          progress = true;
          continue;
        }
      }
      if (word(s, "starting", "from", "beginning", "begin", "start")) {
        int st = word(s + 1, "on", "from", "in") ? s + 2 : s + 1;
        Parsed<When> start = date(st, true);
        if (start != null) {
          spec = spec.withStart(start.value().date());
          j = start.next();
          progress = true;
          continue;
        }
      }
      int c = completion(s);
      if (c > 0) {
        spec = spec.fromCompletion(true);
        j = c;
        progress = true;
      }
    }
    return j == from ? null : new Parsed<>(spec, j);
  }

  /**
   * The last day of a recurrence: "dec 31", "the end of the year", "march 2028" (its last day),
   * "june" (the last day of the next June).
   */
  private Parsed<LocalDate> untilDate(int k) {
    Parsed<LocalDate> month = monthStart(k);
    if (month != null && !(at(month.next()) != null && at(month.next()).kind() == Kind.NUMBER)) {
      Parsed<When> exact = date(k, true);
      if (exact == null || exact.next() <= month.next()) {
        return new Parsed<>(month.value().with(TemporalAdjusters.lastDayOfMonth()), month.next());
      }
    }
    Parsed<When> u = date(k, true);
    return u == null ? null : new Parsed<>(u.value().date(), u.next());
  }

  /**
   * "after I finish it", "after completion", "from completion", "after the last one", "after it's
   * done", "after I go", "when done": the next occurrence counts from the completion. The index
   * after the phrase, or -1.
   */
  int completion(int i) {
    if (!word(i, "after", "from", "since", "when", "once")) {
      return -1;
    }
    int j = i + 1;
    if (word(j, "completion", "completing", "finishing", "done", "complete", "completed")) {
      int k = j + 1;
      return word(k, "it", "them") ? k + 1 : k;
    }
    int last = phrase(j, "the", "last", "one|time|completion");
    if (last > 0) {
      return last;
    }
    int done = phrase(j, "it's|its|it|i'm|im", "done|finished|completed|complete");
    if (done < 0) {
      done = phrase(j, "it", "is|was|has|gets", "done|finished|completed|complete");
    }
    if (done < 0) {
      done = phrase(j, "it", "has", "been", "done|finished|completed");
    }
    if (done > 0) {
      return done;
    }
    if (word(j, "i", "you", "we", "i've", "we've", "you've")) {
      int k = j + 1;
      if (word(k, "have", "'ve")) {
        k++;
      }
      if (word(
          k,
          "finish",
          "finished",
          "complete",
          "completed",
          "do",
          "did",
          "done",
          "go",
          "went",
          "check",
          "checked",
          "tick",
          "ticked")) {
        k++;
        if (word(k, "it", "them", "off", "that")) {
          k++;
        }
        if (word(k, "off")) {
          k++;
        }
        return k;
      }
    }
    return -1;
  }

  private Parsed<RecurrenceSpec> recurrenceCore(int i) {
    Token tok = at(i);
    if (tok == null) {
      return null;
    }
    if (tok.kind() == Kind.NUMBER) {
      return timesPer(i);
    }
    if (tok.kind() != Kind.WORD) {
      return null;
    }
    switch (tok.lower()) {
      case "daily":
        return withDayPart(RecurrenceSpec.of(Freq.DAILY, 1), i + 1);
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
      case "once", "twice", "thrice":
        return timesPer(i);
      case "every", "each":
        break;
      default:
        Parsed<RecurrenceSpec> per = timesPer(i);
        if (per != null) {
          return per;
        }
        Parsed<RecurrenceSpec> monthly = monthlyOfEvery(i);
        if (monthly != null) {
          return monthly;
        }
        return weekdaysWithoutEvery(i);
    }
    int j = i + 1;
    boolean fromCompletion = false;
    if (punct(j, "!")) {
      fromCompletion = true;
      j++;
    }
    Parsed<RecurrenceSpec> r = everyBody(j);
    if (r == null) {
      return null;
    }
    return fromCompletion ? new Parsed<>(r.value().fromCompletion(true), r.next()) : r;
  }

  /**
   * Weekdays said as a habit: "mondays and wednesdays", "tue thu sat": every week on those days. A
   * single weekday ("friday") is a date, not a recurrence.
   */
  private Parsed<RecurrenceSpec> weekdaysWithoutEvery(int i) {
    if (word(i - 1, "next", "this", "coming", "on", "by", "until", "till", "before", "from")) {
      return null;
    }
    Token tok = at(i);
    boolean plural =
        tok != null
            && tok.kind() == Kind.WORD
            && tok.lower().endsWith("s")
            && DAYS.containsKey(tok.lower().substring(0, tok.lower().length() - 1));
    Parsed<List<DayOfWeek>> days = weekdayList(i, true);
    if (days == null || (!plural && days.value().size() < 2)) {
      return null;
    }
    return withDayPart(
        RecurrenceSpec.of(Freq.WEEKLY, 1).withByDay(days.value(), null), days.next());
  }

  /** "on the last day of every month", "the 2nd of each month": monthly on that day. */
  private Parsed<RecurrenceSpec> monthlyOfEvery(int i) {
    int j = word(i, "on") ? i + 1 : i;
    if (!word(j, "the") && (at(j) == null || at(j).kind() != Kind.ORDINAL)) {
      return null;
    }
    Parsed<RecurrenceSpec> m = monthlyDay(RecurrenceSpec.of(Freq.MONTHLY, 1), j);
    if (m == null) {
      return null;
    }
    for (int k = j; k < m.next(); k++) {
      if (word(k, "every", "each")) {
        return withDayPart(m.value(), m.next());
      }
    }
    return null;
  }

  /** "once a week", "twice a month", "3 times a week", "twice a year". */
  private Parsed<RecurrenceSpec> timesPer(int i) {
    int n;
    int j;
    if (word(i, "once")) {
      n = 1;
      j = i + 1;
    } else if (word(i, "twice")) {
      n = 2;
      j = i + 1;
    } else if (word(i, "thrice")) {
      n = 3;
      j = i + 1;
    } else {
      Parsed<Integer> c = count(i);
      if (c == null || !word(c.next(), "times") || word(i, "a", "an")) {
        return null;
      }
      n = c.value();
      j = c.next() + 1;
    }
    if (!word(j, "a", "an", "per", "every", "each")) {
      return null;
    }
    Parsed<ChronoUnit> u = unit(j + 1);
    if (u == null) {
      return null;
    }
    RecurrenceSpec spec =
        switch (u.value()) {
          case DAYS -> n == 1 ? RecurrenceSpec.of(Freq.DAILY, 1) : null;
          case WEEKS ->
              switch (n) {
                case 1 -> RecurrenceSpec.of(Freq.WEEKLY, 1);
                case 2 ->
                    RecurrenceSpec.of(Freq.WEEKLY, 1)
                        .withByDay(List.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), null);
                case 3 ->
                    RecurrenceSpec.of(Freq.WEEKLY, 1)
                        .withByDay(
                            List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), null);
                default -> null;
              };
          case MONTHS ->
              switch (n) {
                case 1 -> RecurrenceSpec.of(Freq.MONTHLY, 1);
                case 2 -> RecurrenceSpec.of(Freq.MONTHLY, 1).withMonthDays(null, List.of(1, 15));
                default -> null;
              };
          case YEARS ->
              switch (n) {
                case 1 -> RecurrenceSpec.of(Freq.YEARLY, 1);
                case 2 -> RecurrenceSpec.of(Freq.MONTHLY, 6);
                case 3 -> RecurrenceSpec.of(Freq.MONTHLY, 4);
                case 4 -> RecurrenceSpec.of(Freq.MONTHLY, 3);
                default -> null;
              };
          default -> null;
        };
    return spec == null ? null : new Parsed<>(spec, u.next());
  }

  /** What follows "every": an interval and unit, weekdays, a day part, a day of the month... */
  private Parsed<RecurrenceSpec> everyBody(int j) {
    Token ord = at(j);
    Integer nth = null;
    if (ord != null && ord.kind() == Kind.ORDINAL) {
      nth = ord.intValue();
    } else if (ord != null && ord.kind() == Kind.WORD && ORDINAL_WORDS.containsKey(ord.lower())) {
      nth = ORDINAL_WORDS.get(ord.lower());
    }
    if (nth != null && nth >= 2 && unit(j + 1) != null && !word(j + 2, "of")) {
      Freq f =
          switch (unit(j + 1).value()) {
            case DAYS -> Freq.DAILY;
            case WEEKS -> Freq.WEEKLY;
            case MONTHS -> Freq.MONTHLY;
            case YEARS -> Freq.YEARLY;
            default -> null;
          };
      if (f != null) {
        return qualify(RecurrenceSpec.of(f, nth), j + 2);
      }
    }
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
        return withDayPart(
            RecurrenceSpec.of(Freq.WEEKLY, interval).withByDay(days.value(), null), days.next());
      }
      return null;
    }
    if (word(j, "weekday", "weekdays", "workday", "workdays")) {
      return withDayPart(
          RecurrenceSpec.of(Freq.WEEKLY, 1).withByDay(RecurrenceSpec.WEEKDAYS, null), j + 1);
    }
    int business = phrase(j, "business|working|work", "day|days");
    if (business > 0) {
      return withDayPart(
          RecurrenceSpec.of(Freq.WEEKLY, 1).withByDay(RecurrenceSpec.WEEKDAYS, null), business);
    }
    if (word(j, "weekend", "weekends")) {
      return withDayPart(
          RecurrenceSpec.of(Freq.WEEKLY, 1).withByDay(RecurrenceSpec.WEEKEND, null), j + 1);
    }
    Parsed<LocalTime> part = dayPart(j);
    if (part != null) {
      return new Parsed<>(
          RecurrenceSpec.of(Freq.DAILY, 1).withDefaultTime(part.value()), part.next());
    }
    Parsed<List<DayOfWeek>> days = weekdayList(j, true);
    if (days != null) {
      return withDayPart(
          RecurrenceSpec.of(Freq.WEEKLY, 1).withByDay(days.value(), null), days.next());
    }
    Parsed<RecurrenceSpec> monthly = monthlyDay(RecurrenceSpec.of(Freq.MONTHLY, 1), j);
    if (monthly != null) {
      return withDayPart(monthly.value(), monthly.next());
    }
    Parsed<int[]> md = monthDay(j);
    if (md != null && md.value()[0] == 0) {
      return new Parsed<>(
          RecurrenceSpec.of(Freq.YEARLY, 1).withMonthDay(md.value()[1], md.value()[2]), md.next());
    }
    return null;
  }

  /** A day part right after a recurrence ("every thursday evening") gives it a default time. */
  private Parsed<RecurrenceSpec> withDayPart(RecurrenceSpec spec, int j) {
    Parsed<LocalTime> part = dayPart(j);
    if (part != null) {
      return new Parsed<>(spec.withDefaultTime(part.value()), part.next());
    }
    return new Parsed<>(spec, j);
  }

  /** The "on ..." part after a unit: weekdays for weekly, a day for monthly and yearly. */
  private Parsed<RecurrenceSpec> qualify(RecurrenceSpec spec, int j) {
    int k = word(j, "on") ? j + 1 : j;
    switch (spec.freq()) {
      case WEEKLY -> {
        Parsed<List<DayOfWeek>> days = weekdayList(k, true);
        if (days != null) {
          return withDayPart(spec.withByDay(days.value(), null), days.next());
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
    return withDayPart(spec, j);
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
      } else if (n > 0
          && word(afterOrdinal, "of")
          && word(afterOrdinal + 1, "the", "every", "each", "month")) {
        result = new Parsed<>(spec.withMonthDay(null, n), afterOrdinal);
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
