package dev.todoai.adapter.out.assistant;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A recurrence as spoken ("every 2 weeks on monday and thursday"), convertible to an RRULE and to a
 * phrase for replies.
 *
 * @param monthDays days of the month, -1 for the last day; empty when not given
 * @param nth with a single {@code byDay}, the n-th (1-4, -1 = last) such weekday of the month
 * @param defaultTime a time implied by the phrase ("every morning"), or null
 * @param fromCompletion the next occurrence counts from when the task is completed ("every!",
 *     "after I finish it"), not from its due
 */
record RecurrenceSpec(
    Freq freq,
    int interval,
    List<DayOfWeek> byDay,
    Integer nth,
    List<Integer> monthDays,
    Integer byMonth,
    LocalDate until,
    Integer count,
    LocalDate start,
    LocalTime defaultTime,
    boolean fromCompletion) {

  enum Freq {
    DAILY,
    WEEKLY,
    MONTHLY,
    YEARLY
  }

  static final List<DayOfWeek> WEEKDAYS =
      List.of(
          DayOfWeek.MONDAY,
          DayOfWeek.TUESDAY,
          DayOfWeek.WEDNESDAY,
          DayOfWeek.THURSDAY,
          DayOfWeek.FRIDAY);
  static final List<DayOfWeek> WEEKEND = List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

  RecurrenceSpec {
    byDay = byDay == null ? List.of() : List.copyOf(byDay);
    monthDays = monthDays == null ? List.of() : List.copyOf(monthDays);
  }

  static RecurrenceSpec of(Freq freq, int interval) {
    return new RecurrenceSpec(
        freq, interval, List.of(), null, List.of(), null, null, null, null, null, false);
  }

  RecurrenceSpec withByDay(List<DayOfWeek> days, Integer nth) {
    return new RecurrenceSpec(
        freq,
        interval,
        days,
        nth,
        monthDays,
        byMonth,
        until,
        count,
        start,
        defaultTime,
        fromCompletion);
  }

  RecurrenceSpec withMonthDay(Integer month, Integer day) {
    return withMonthDays(month, day == null ? List.of() : List.of(day));
  }

  RecurrenceSpec withMonthDays(Integer month, List<Integer> days) {
    return new RecurrenceSpec(
        freq, interval, byDay, nth, days, month, until, count, start, defaultTime, fromCompletion);
  }

  RecurrenceSpec withUntil(LocalDate u) {
    return new RecurrenceSpec(
        freq,
        interval,
        byDay,
        nth,
        monthDays,
        byMonth,
        u,
        count,
        start,
        defaultTime,
        fromCompletion);
  }

  RecurrenceSpec withCount(Integer c) {
    return new RecurrenceSpec(
        freq,
        interval,
        byDay,
        nth,
        monthDays,
        byMonth,
        until,
        c,
        start,
        defaultTime,
        fromCompletion);
  }

  RecurrenceSpec withStart(LocalDate s) {
    return new RecurrenceSpec(
        freq,
        interval,
        byDay,
        nth,
        monthDays,
        byMonth,
        until,
        count,
        s,
        defaultTime,
        fromCompletion);
  }

  RecurrenceSpec withDefaultTime(LocalTime t) {
    return new RecurrenceSpec(
        freq, interval, byDay, nth, monthDays, byMonth, until, count, start, t, fromCompletion);
  }

  RecurrenceSpec fromCompletion(boolean f) {
    return new RecurrenceSpec(
        freq, interval, byDay, nth, monthDays, byMonth, until, count, start, defaultTime, f);
  }

  /** Whether a day can be an occurrence (the interval counts from the first one). */
  boolean matches(LocalDate d) {
    if (nth != null && byDay.size() == 1) {
      if (d.getDayOfWeek() != byDay.get(0)) {
        return false;
      }
      LocalDate nthDay =
          d.with(
              nth > 0
                  ? TemporalAdjusters.dayOfWeekInMonth(nth, byDay.get(0))
                  : TemporalAdjusters.lastInMonth(byDay.get(0)));
      return nthDay.equals(d);
    }
    if (!byDay.isEmpty() && !byDay.contains(d.getDayOfWeek())) {
      return false;
    }
    if (byMonth != null && d.getMonthValue() != byMonth) {
      return false;
    }
    if (!monthDays.isEmpty()) {
      for (int day : monthDays) {
        int target = day > 0 ? day : d.lengthOfMonth() + 1 + day;
        if (d.getDayOfMonth() == target) {
          return true;
        }
      }
      return false;
    }
    return true;
  }

  /** The first occurrence on or after today (and after now, when it has a time). */
  LocalDate firstOccurrence(LocalDateTime now, LocalTime time) {
    if (start != null) {
      return start;
    }
    LocalDate d = now.toLocalDate();
    for (int i = 0; i < 3000; i++, d = d.plusDays(1)) {
      if (matches(d) && (time == null || d.atTime(time).isAfter(now))) {
        return d;
      }
    }
    return now.toLocalDate();
  }

  /** The RRULE text; a timed series ends at the end of the UNTIL day in the user's zone. */
  String rrule(ZoneId zone, LocalTime time) {
    List<String> parts = new ArrayList<>();
    parts.add("FREQ=" + freq);
    if (interval > 1) {
      parts.add("INTERVAL=" + interval);
    }
    if (!byDay.isEmpty()) {
      String prefix = nth == null ? "" : Integer.toString(nth);
      parts.add(
          "BYDAY=" + byDay.stream().map(d -> prefix + code(d)).collect(Collectors.joining(",")));
    }
    if (byMonth != null) {
      parts.add("BYMONTH=" + byMonth);
    }
    if (!monthDays.isEmpty()) {
      parts.add(
          "BYMONTHDAY=" + monthDays.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }
    if (until != null) {
      if (time == null) {
        parts.add("UNTIL=" + until.format(DateTimeFormatter.BASIC_ISO_DATE));
      } else {
        LocalDateTime endUtc =
            until
                .atTime(23, 59, 59)
                .atZone(zone)
                .withZoneSameInstant(ZoneOffset.UTC)
                .toLocalDateTime();
        parts.add("UNTIL=" + endUtc.format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")));
      }
    }
    if (count != null) {
      parts.add("COUNT=" + count);
    }
    return String.join(";", parts);
  }

  /** The recurrence anchor as the API names it. */
  String anchor() {
    return fromCompletion ? "completion" : "due";
  }

  /** "every month on the 1st", "every Monday and Thursday", "every 2 days". */
  String describe() {
    StringBuilder s = new StringBuilder("every ");
    if (freq == Freq.WEEKLY && nth == null && byDay.equals(WEEKDAYS) && interval == 1) {
      s.append("weekday");
    } else if (freq == Freq.WEEKLY && nth == null && byDay.equals(WEEKEND) && interval == 1) {
      s.append("weekend");
    } else if (freq == Freq.WEEKLY && !byDay.isEmpty() && interval == 1) {
      s.append(joinDays());
    } else {
      String unit = freq.name().toLowerCase(Locale.ROOT).replace("ily", "y").replace("ly", "");
      s.append(interval > 1 ? interval + " " + unit + "s" : unit);
      if (!byDay.isEmpty() && nth == null) {
        s.append(" on ").append(joinDays());
      }
    }
    if (nth != null && byDay.size() == 1) {
      s.append(" on the ")
          .append(nth == -1 ? "last" : ordinal(nth))
          .append(' ')
          .append(dayName(byDay.get(0)));
    } else if (byMonth != null && monthDays.size() == 1) {
      s.append(" on ")
          .append(Month.of(byMonth).getDisplayName(TextStyle.FULL, Locale.ENGLISH))
          .append(' ')
          .append(monthDays.get(0));
    } else if (!monthDays.isEmpty()) {
      s.append(" on the ")
          .append(
              String.join(
                  " and ",
                  monthDays.stream().map(d -> d == -1 ? "last day" : ordinal(d)).toList()));
    }
    if (until != null) {
      s.append(" until ").append(Replies.date(until, null));
    }
    if (count != null) {
      s.append(", ").append(count).append(" times");
    }
    if (fromCompletion) {
      s.append(" after completion");
    }
    return s.toString();
  }

  private String joinDays() {
    List<String> names = byDay.stream().map(RecurrenceSpec::dayName).toList();
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " and "
        + names.get(names.size() - 1);
  }

  static String dayName(DayOfWeek d) {
    return d.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }

  static String code(DayOfWeek d) {
    return d.name().substring(0, 2);
  }

  static String ordinal(int n) {
    int mod100 = n % 100;
    String suffix =
        (mod100 >= 11 && mod100 <= 13)
            ? "th"
            : switch (n % 10) {
              case 1 -> "st";
              case 2 -> "nd";
              case 3 -> "rd";
              default -> "th";
            };
    return n + suffix;
  }
}
