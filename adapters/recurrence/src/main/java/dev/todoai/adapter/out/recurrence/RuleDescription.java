package dev.todoai.adapter.out.recurrence;

import dev.todoai.domain.task.Due;
import dev.todoai.domain.task.RecurrenceRule;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntFunction;

/** Short English text for a rule, e.g. "Every 2 weeks on Monday and Wednesday, 5 times". */
final class RuleDescription {
  private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
  private static final Set<DayOfWeek> WEEKEND = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
  private static final DateTimeFormatter LONG_DATE =
      DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH);

  private record WeekdayNum(int ordinal, DayOfWeek day) {}

  private final RecurrenceRule rule;
  private final LocalDate startDate;
  private final ZoneId zone;
  private final String freq;
  private final int interval;
  private final List<WeekdayNum> byDay;
  private final List<Integer> byMonthDay;
  private final List<Integer> byMonth;
  private final List<Integer> bySetPos;
  private final List<Integer> byYearDay;
  private final List<Integer> byWeekNo;

  private RuleDescription(RecurrenceRule rule, Due start, ZoneId zone) {
    this.rule = rule;
    this.zone = zone;
    this.startDate = start == null || !start.isPresent() ? null : start.localDate(zone);
    this.freq = rule.part("FREQ");
    String intervalText = rule.part("INTERVAL");
    this.interval = intervalText == null ? 1 : Integer.parseInt(intervalText);
    this.byDay = new ArrayList<>();
    String byDayText = rule.part("BYDAY");
    if (byDayText != null) {
      for (String item : byDayText.split(",")) {
        String code = item.substring(item.length() - 2);
        String number = item.substring(0, item.length() - 2).replace("+", "");
        byDay.add(new WeekdayNum(number.isEmpty() ? 0 : Integer.parseInt(number), day(code)));
      }
    }
    this.byMonthDay = ints("BYMONTHDAY");
    List<Integer> months = ints("BYMONTH");
    if ("YEARLY".equals(freq)
        && months.isEmpty()
        && startDate != null
        && rule.part("BYMONTHDAY") != null
        && rule.part("BYWEEKNO") == null
        && rule.part("BYYEARDAY") == null) {
      months.add(startDate.getMonthValue()); // RFC 5545 3.3.10: the month comes from the start
    }
    this.byMonth = months;
    this.bySetPos = ints("BYSETPOS");
    this.byYearDay = ints("BYYEARDAY");
    this.byWeekNo = ints("BYWEEKNO");
  }

  /** Never throws for a rule that passed the domain's syntax check. */
  static String of(RecurrenceRule rule, Due start, ZoneId zone) {
    try {
      return new RuleDescription(rule, start, zone).text();
    } catch (RuntimeException e) {
      return "Repeats by the rule " + rule.text();
    }
  }

  private String text() {
    StringBuilder text = new StringBuilder("Every ");
    boolean plainDays = !byDay.isEmpty() && byDay.stream().allMatch(d -> d.ordinal() == 0);
    boolean onlyByDay =
        byMonthDay.isEmpty()
            && byMonth.isEmpty()
            && bySetPos.isEmpty()
            && byYearDay.isEmpty()
            && byWeekNo.isEmpty();
    boolean dailyOrWeekly = "DAILY".equals(freq) || "WEEKLY".equals(freq);
    if (interval == 1 && dailyOrWeekly && plainDays && onlyByDay && days().equals(WEEKDAYS)) {
      text.append("weekday");
    } else if (interval == 1 && "DAILY".equals(freq) && plainDays && onlyByDay) {
      text.append(join(byDay.stream().map(d -> name(d.day())).toList()));
    } else {
      text.append(interval == 1 ? unit() : interval + " " + unit() + "s");
      appendDays(text);
    }
    appendWeekStart(text);
    appendEnd(text);
    return text.toString();
  }

  private void appendDays(StringBuilder text) {
    boolean monthsSaid = false;
    boolean setPosSaid = false;
    boolean yearly = "YEARLY".equals(freq);
    boolean plainDays = !byDay.isEmpty() && byDay.stream().allMatch(d -> d.ordinal() == 0);
    if (!bySetPos.isEmpty()
        && plainDays
        && byMonthDay.isEmpty()
        && byYearDay.isEmpty()
        && byWeekNo.isEmpty()) {
      text.append(" on the ")
          .append(join(bySetPos.stream().map(RuleDescription::position).toList()))
          .append(' ')
          .append(daySetNoun());
      if (yearly && !byMonth.isEmpty()) {
        text.append(" of ").append(months());
        monthsSaid = true;
      } else if (!"MONTHLY".equals(freq) && !"DAILY".equals(freq)) {
        text.append(" of the ").append(unit());
      }
      setPosSaid = true;
    } else if (!byDay.isEmpty()) {
      text.append(" on ").append(join(byDay.stream().map(this::weekdayNum).toList()));
      if (yearly && byDay.stream().anyMatch(d -> d.ordinal() != 0)) {
        if (byMonth.isEmpty()) {
          text.append(" of the year");
        } else {
          text.append(" of ").append(months());
          monthsSaid = true;
        }
      }
      if (!byMonthDay.isEmpty()) {
        text.append(" if it is the ").append(join(byMonthDay, RuleDescription::dayOfMonth, "or"));
      }
    } else if (!byMonthDay.isEmpty()) {
      if (yearly && !byMonth.isEmpty()) {
        if (byMonth.size() == 1 && byMonthDay.stream().allMatch(d -> d > 0)) {
          text.append(" on ")
              .append(monthName(byMonth.get(0)))
              .append(' ')
              .append(join(byMonthDay, String::valueOf, "and"));
        } else {
          text.append(" on the ")
              .append(join(byMonthDay, RuleDescription::dayOfMonth, "and"))
              .append(" of ")
              .append(months());
        }
        monthsSaid = true;
      } else {
        text.append(" on the ").append(join(byMonthDay, RuleDescription::dayOfMonth, "and"));
      }
    }
    if (!byYearDay.isEmpty()) {
      text.append(byDay.isEmpty() && byMonthDay.isEmpty() ? " on the " : ", on the ")
          .append(join(byYearDay, RuleDescription::dayOfYear, "and"))
          .append(" of the year");
    }
    if (!byWeekNo.isEmpty()) {
      if (byDay.isEmpty() && byMonthDay.isEmpty() && byYearDay.isEmpty() && startDate != null) {
        text.append(" on ").append(name(startDate.getDayOfWeek()));
      }
      text.append(" in ")
          .append(byWeekNo.size() == 1 && byWeekNo.get(0) > 0 ? "week " : "the ")
          .append(join(byWeekNo, RuleDescription::weekNo, "and"))
          .append(" of the year");
    }
    boolean noDayParts =
        byDay.isEmpty() && byMonthDay.isEmpty() && byYearDay.isEmpty() && byWeekNo.isEmpty();
    if (noDayParts && startDate != null) {
      switch (freq) {
        case "WEEKLY" -> text.append(" on ").append(name(startDate.getDayOfWeek()));
        case "MONTHLY" -> text.append(" on the ").append(ordinal(startDate.getDayOfMonth()));
        case "YEARLY" -> {
          if (byMonth.isEmpty()) {
            text.append(" on ")
                .append(monthName(startDate.getMonthValue()))
                .append(' ')
                .append(startDate.getDayOfMonth());
          } else if (byMonth.size() == 1) {
            text.append(" on ")
                .append(monthName(byMonth.get(0)))
                .append(' ')
                .append(startDate.getDayOfMonth());
          } else {
            text.append(" on the ")
                .append(ordinal(startDate.getDayOfMonth()))
                .append(" of ")
                .append(months());
          }
          monthsSaid = true;
        }
        default -> {}
      }
    }
    if (!byMonth.isEmpty() && !monthsSaid) {
      text.append(" in ").append(months());
    }
    if (!bySetPos.isEmpty() && !setPosSaid) {
      text.append(", only the ")
          .append(join(bySetPos.stream().map(RuleDescription::position).toList()))
          .append(" of each ")
          .append(unit());
    }
  }

  private void appendWeekStart(StringBuilder text) {
    String wkst = rule.part("WKST");
    boolean matters =
        ("WEEKLY".equals(freq) && interval > 1 && byDay.size() > 1) || !byWeekNo.isEmpty();
    if (wkst != null && !"MO".equals(wkst) && matters) {
      text.append(", weeks starting on ").append(name(day(wkst)));
    }
  }

  private void appendEnd(StringBuilder text) {
    String count = rule.part("COUNT");
    if (count != null) {
      text.append("1".equals(count) ? ", once" : ", " + count + " times");
    }
    String until = rule.part("UNTIL");
    if (until != null) {
      text.append(", until ").append(LONG_DATE.format(untilDate(until)));
    }
  }

  private LocalDate untilDate(String until) {
    LocalDate date = LocalDate.parse(until.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
    if (until.endsWith("Z")) {
      LocalDateTime utc =
          LocalDateTime.parse(
              until.substring(0, 15), DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss"));
      return LocalDate.ofInstant(utc.toInstant(ZoneOffset.UTC), zone);
    }
    return date;
  }

  private String unit() {
    return switch (freq) {
      case "DAILY" -> "day";
      case "WEEKLY" -> "week";
      case "MONTHLY" -> "month";
      default -> "year";
    };
  }

  private Set<DayOfWeek> days() {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    byDay.forEach(d -> days.add(d.day()));
    return days;
  }

  private String daySetNoun() {
    Set<DayOfWeek> days = days();
    if (days.equals(WEEKDAYS)) {
      return "weekday";
    }
    if (days.equals(WEEKEND)) {
      return "weekend day";
    }
    if (days.size() == 7) {
      return "day";
    }
    return join(byDay.stream().map(d -> name(d.day())).toList(), "or");
  }

  private String weekdayNum(WeekdayNum d) {
    return d.ordinal() == 0 ? name(d.day()) : "the " + position(d.ordinal()) + " " + name(d.day());
  }

  private String months() {
    return join(byMonth, RuleDescription::monthName, "and");
  }

  private List<Integer> ints(String part) {
    String value = rule.part(part);
    List<Integer> result = new ArrayList<>();
    if (value != null) {
      for (String item : value.split(",")) {
        result.add(Integer.parseInt(item.replace("+", "")));
      }
    }
    return result;
  }

  private static DayOfWeek day(String code) {
    return switch (code) {
      case "MO" -> DayOfWeek.MONDAY;
      case "TU" -> DayOfWeek.TUESDAY;
      case "WE" -> DayOfWeek.WEDNESDAY;
      case "TH" -> DayOfWeek.THURSDAY;
      case "FR" -> DayOfWeek.FRIDAY;
      case "SA" -> DayOfWeek.SATURDAY;
      case "SU" -> DayOfWeek.SUNDAY;
      default -> throw new IllegalArgumentException("weekday " + code);
    };
  }

  private static String name(DayOfWeek day) {
    return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }

  private static String monthName(int month) {
    return Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }

  private static String dayOfMonth(int day) {
    return day == -1 ? "last day" : position(day) + (day < 0 ? " day" : "");
  }

  private static String dayOfYear(int day) {
    return day == -1 ? "last day" : position(day) + " day";
  }

  private static String weekNo(int week) {
    return week > 0 ? String.valueOf(week) : position(week) + " week";
  }

  /** 1 → "1st", -1 → "last", -2 → "2nd to last". */
  static String position(int n) {
    if (n == -1) {
      return "last";
    }
    return n < 0 ? ordinal(-n) + " to last" : ordinal(n);
  }

  static String ordinal(int n) {
    int lastTwo = n % 100;
    String suffix =
        lastTwo >= 11 && lastTwo <= 13
            ? "th"
            : switch (n % 10) {
              case 1 -> "st";
              case 2 -> "nd";
              case 3 -> "rd";
              default -> "th";
            };
    return n + suffix;
  }

  private static String join(List<Integer> items, IntFunction<String> format, String word) {
    return join(items.stream().map(format::apply).toList(), word);
  }

  private static String join(List<String> items) {
    return join(items, "and");
  }

  private static String join(List<String> items, String word) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " "
        + word
        + " "
        + items.get(items.size() - 1);
  }
}
