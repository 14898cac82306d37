package dev.todoai.adapter.out.recurrence;

import dev.todoai.application.port.out.RecurrencePort;
import dev.todoai.application.port.out.RecurrencePort.Occurrence;
import dev.todoai.domain.shared.InvalidValueException;
import dev.todoai.domain.task.Due;
import dev.todoai.domain.task.RecurrenceRule;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.WeekFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule.RfcMode;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * A rule anchored at its start (DTSTART) in a zone. lib-recur expands the rule without COUNT and
 * UNTIL as floating local time (or dates); this class adds the start as instance 1, converts local
 * times to instants and applies COUNT and UNTIL itself.
 */
final class Series {
  private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;
  private static final DateTimeFormatter BASIC_DATE_TIME =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");

  private final org.dmfs.rfc5545.recur.RecurrenceRule expansion;
  private final Due start;
  private final ZoneId zone;
  private final boolean allDay;
  private final LocalDateTime startLocal;
  private final LocalDateTime expansionStart;
  private final Predicate<LocalDate> keep;
  private final Integer count;
  private final Until until;

  private Series(
      org.dmfs.rfc5545.recur.RecurrenceRule expansion,
      Due start,
      ZoneId zone,
      LocalDateTime startLocal,
      LocalDateTime expansionStart,
      Predicate<LocalDate> keep,
      Integer count,
      Until until) {
    this.expansion = expansion;
    this.start = start;
    this.zone = zone;
    this.allDay = start instanceof Due.OnDate;
    this.startLocal = startLocal;
    this.expansionStart = expansionStart;
    this.keep = keep;
    this.count = count;
    this.until = until;
  }

  /**
   * Parses the rule for expansion from {@code start}.
   *
   * @throws InvalidValueException on {@code recurrence_rule} when lib-recur rejects the rule or the
   *     start cannot anchor a series
   */
  static Series of(RecurrenceRule rule, Due start, ZoneId zone) {
    if (rule == null || start == null || zone == null) {
      throw new IllegalArgumentException("rule, start and zone are required");
    }
    LocalDateTime startLocal;
    if (start instanceof Due.At at) {
      startLocal = LocalDateTime.ofInstant(at.instant(), zone);
    } else if (start instanceof Due.OnDate on) {
      startLocal = on.date().atStartOfDay();
    } else {
      throw RecurrenceRule.invalid("a recurring task needs a due date or a due time to start from");
    }
    Integer count = null;
    Until until = null;
    List<String> expanded = new ArrayList<>();
    for (String part : rule.text().split(";")) {
      if (part.startsWith("COUNT=")) {
        count = Integer.valueOf(part.substring("COUNT=".length()));
      } else if (part.startsWith("UNTIL=")) {
        until = Until.parse(part.substring("UNTIL=".length()), zone);
      } else {
        expanded.add(part);
      }
    }
    Predicate<LocalDate> keep = date -> true;
    if ("YEARLY".equals(rule.part("FREQ")) && rule.part("BYWEEKNO") != null) {
      keep = weekFilter(rule);
      if (rule.part("BYMONTH") != null) {
        // lib-recur returns days outside the BYDAY/BYWEEKNO set when BYMONTH is present as well;
        // RFC 5545 keeps the days of those weeks that lie in those months: we filter ourselves
        if (rule.part("BYSETPOS") != null) {
          throw RecurrenceRule.invalid(
              "BYSETPOS together with BYWEEKNO and BYMONTH is not supported");
        }
        Set<Integer> months = numbers(rule.part("BYMONTH"));
        keep = keep.and(date -> months.contains(date.getMonthValue()));
        expanded.removeIf(part -> part.startsWith("BYMONTH="));
      }
    }
    LocalDateTime expansionStart = startLocal;
    if ("YEARLY".equals(rule.part("FREQ")) && rule.part("BYSETPOS") != null) {
      // lib-recur drops the months (BYMONTH) and year days (BYYEARDAY) before the start from the
      // first year's set before BYSETPOS picks from it. Expanding from January 1 with the parts
      // that lib-recur would take from the start spelled out gives the whole first year's set.
      expanded.addAll(partsFromStart(rule, startLocal.toLocalDate()));
      expansionStart = startLocal.withDayOfYear(1);
    }
    org.dmfs.rfc5545.recur.RecurrenceRule expansion;
    try {
      expansion =
          new org.dmfs.rfc5545.recur.RecurrenceRule(
              String.join(";", expanded), RfcMode.RFC5545_STRICT);
    } catch (InvalidRecurrenceRuleException | RuntimeException e) {
      throw RecurrenceRule.invalid("is not a valid RFC 5545 rule: " + e.getMessage());
    }
    return new Series(expansion, start, zone, startLocal, expansionStart, keep, count, until);
  }

  /**
   * lib-recur also returns days of other weeks (and weekdays) for some BYWEEKNO rules, e.g. week 1
   * of the next year for BYWEEKNO=53;BYDAY=WE in a year of 52 weeks: keep only days of the listed
   * weeks (weeks start on WKST, week 1 has at least 4 days of the year) and weekdays.
   */
  private static Predicate<LocalDate> weekFilter(RecurrenceRule rule) {
    String wkst = rule.part("WKST");
    WeekFields weeks = WeekFields.of(wkst == null ? DayOfWeek.MONDAY : dayOfWeek(wkst), 4);
    Set<Integer> weekNumbers = numbers(rule.part("BYWEEKNO"));
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    if (rule.part("BYDAY") != null) {
      for (String day : rule.part("BYDAY").split(",")) {
        days.add(dayOfWeek(day.substring(day.length() - 2)));
      }
    }
    return date -> {
      if (!days.isEmpty() && !days.contains(date.getDayOfWeek())) {
        return false;
      }
      int week = date.get(weeks.weekOfWeekBasedYear());
      long weeksInYear = date.range(weeks.weekOfWeekBasedYear()).getMaximum();
      return weekNumbers.contains(week) || weekNumbers.contains((int) (week - weeksInYear - 1));
    };
  }

  private static Set<Integer> numbers(String list) {
    return Arrays.stream(list.split(","))
        .map(n -> Integer.valueOf(n.replace("+", "")))
        .collect(Collectors.toUnmodifiableSet());
  }

  private static DayOfWeek dayOfWeek(String code) {
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().startsWith(code)) {
        return day;
      }
    }
    throw new IllegalArgumentException("weekday " + code);
  }

  /** The parts of a YEARLY rule that RFC 5545 (and lib-recur) take from DTSTART when absent. */
  private static List<String> partsFromStart(RecurrenceRule rule, LocalDate start) {
    boolean byDay = rule.part("BYDAY") != null;
    boolean byMonthDay = rule.part("BYMONTHDAY") != null;
    boolean byYearDay = rule.part("BYYEARDAY") != null;
    boolean byWeekNo = rule.part("BYWEEKNO") != null;
    List<String> parts = new ArrayList<>();
    if (rule.part("BYMONTH") == null && !byWeekNo && !byYearDay && (byMonthDay || !byDay)) {
      parts.add("BYMONTH=" + start.getMonthValue());
    }
    if (!byDay && !byMonthDay && !byYearDay && !byWeekNo) {
      parts.add("BYMONTHDAY=" + start.getDayOfMonth());
    }
    if (byWeekNo && !byDay && !byMonthDay && !byYearDay) {
      parts.add("BYDAY=" + start.getDayOfWeek().name().substring(0, 2));
    }
    return parts;
  }

  boolean allDay() {
    return allDay;
  }

  /** A fresh cursor at the beginning of the series. */
  Cursor cursor() {
    return new Cursor();
  }

  /** Walks the series in order; not thread-safe, one per expansion. */
  final class Cursor {
    private final RecurrenceRuleIterator iterator;
    private final long startMillis;
    private final int nanos;
    private long lastMillis;
    private int index;
    private long steps;
    private boolean ended;
    private int filtered;

    private Cursor() {
      nanos = allDay ? 0 : startLocal.getNano();
      startMillis = startLocal.withNano(0).toInstant(ZoneOffset.UTC).toEpochMilli();
      lastMillis = startMillis;
      LocalDateTime from = expansionStart.withNano(0);
      DateTime first =
          allDay
              ? new DateTime(from.getYear(), from.getMonthValue() - 1, from.getDayOfMonth())
              : new DateTime(
                  from.getYear(),
                  from.getMonthValue() - 1,
                  from.getDayOfMonth(),
                  from.getHour(),
                  from.getMinute(),
                  from.getSecond());
      try {
        iterator = expansion.iterator(first);
      } catch (RuntimeException e) {
        throw cannotExpand(e);
      }
    }

    /** The next instance, or null when COUNT or UNTIL has ended the series. */
    Occurrence next() {
      if (ended) {
        return null;
      }
      if (index == 0) {
        index = 1;
        return new Occurrence(start, 1);
      }
      if (count != null && index >= count) {
        ended = true;
        return null;
      }
      LocalDateTime local = nextLocal();
      if (local == null || (until != null && !until.admits(local, zone, allDay))) {
        ended = true;
        return null;
      }
      index++;
      Due due =
          allDay
              ? new Due.OnDate(local.toLocalDate())
              : new Due.At(ZonedDateTime.ofLocal(local, zone, null).toInstant());
      return new Occurrence(due, index);
    }

    /** How many instances lib-recur has produced so far. */
    long steps() {
      return steps;
    }

    private LocalDateTime nextLocal() {
      long millis;
      try {
        do {
          if (!iterator.hasNext()) {
            return null;
          }
          millis = iterator.nextMillis();
          steps++;
          if (++filtered > RecurrencePort.MAX_ITERATIONS) {
            throw new IllegalStateException("too many instances outside BYWEEKNO and BYMONTH");
          }
          // the start itself (when it matches the rule) is instance 1 already
        } while ((millis <= startMillis && index == 1) || !kept(millis));
      } catch (RuntimeException e) {
        throw cannotExpand(e);
      }
      if (millis <= lastMillis) {
        throw RecurrenceRule.invalid(
            "cannot be expanded: its instances lie too far apart for lib-recur");
      }
      lastMillis = millis;
      filtered = 0;
      return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000L), nanos, ZoneOffset.UTC);
    }

    private boolean kept(long millis) {
      return keep.test(LocalDate.ofEpochDay(Math.floorDiv(millis, 86_400_000L)));
    }

    private InvalidValueException cannotExpand(RuntimeException e) {
      String after = index <= 1 ? "the start" : "instance " + index;
      return RecurrenceRule.invalid("has no instance after " + after + " (" + e.getMessage() + ")");
    }
  }

  /** The UNTIL part: inclusive, as a date, a UTC date-time or a floating local date-time. */
  sealed interface Until {
    /** Whether an instance at {@code local} (wall time in {@code zone}) is not after UNTIL. */
    boolean admits(LocalDateTime local, ZoneId zone, boolean allDay);

    static Until parse(String value, ZoneId zone) {
      try {
        if (value.length() == 8) {
          return new OnDate(LocalDate.parse(value, BASIC_DATE));
        }
        LocalDateTime local = LocalDateTime.parse(value.substring(0, 15), BASIC_DATE_TIME);
        return value.endsWith("Z")
            ? new AtInstant(local.toInstant(ZoneOffset.UTC))
            : new AtLocal(local);
      } catch (DateTimeParseException | IndexOutOfBoundsException e) {
        throw RecurrenceRule.invalid("UNTIL '" + value + "' is not a valid date");
      }
    }

    /** UNTIL=YYYYMMDD: compares local dates. */
    record OnDate(LocalDate date) implements Until {
      @Override
      public boolean admits(LocalDateTime local, ZoneId zone, boolean allDay) {
        return !local.toLocalDate().isAfter(date);
      }
    }

    /**
     * UNTIL=YYYYMMDDTHHMMSSZ: compares instants for a timed series; an all-day series runs through
     * the day on which UNTIL falls in the task's zone.
     */
    record AtInstant(Instant instant) implements Until {
      @Override
      public boolean admits(LocalDateTime local, ZoneId zone, boolean allDay) {
        if (allDay) {
          return !local.toLocalDate().isAfter(LocalDate.ofInstant(instant, zone));
        }
        return !ZonedDateTime.ofLocal(local, zone, null).toInstant().isAfter(instant);
      }
    }

    /** UNTIL=YYYYMMDDTHHMMSS (floating, not RFC 5545 for a zoned start): wall time in the zone. */
    record AtLocal(LocalDateTime until) implements Until {
      @Override
      public boolean admits(LocalDateTime local, ZoneId zone, boolean allDay) {
        return allDay ? !local.toLocalDate().isAfter(until.toLocalDate()) : !local.isAfter(until);
      }
    }
  }
}
