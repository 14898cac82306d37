package dev.todoai.domain.task;

import dev.todoai.domain.shared.InvalidValueException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An RFC 5545 RRULE (without the {@code RRULE:} prefix), checked for syntax here. Whether the rule
 * yields occurrences at all is checked when it is expanded.
 */
public record RecurrenceRule(String text) {
  /** The name of the field in errors. */
  static final String FIELD = "recurrence_rule";

  private static final int MAX_LENGTH = 500;
  private static final Set<String> SUPPORTED_FREQ = Set.of("DAILY", "WEEKLY", "MONTHLY", "YEARLY");
  private static final Set<String> SUB_DAILY_FREQ = Set.of("SECONDLY", "MINUTELY", "HOURLY");
  private static final Pattern WEEKDAY = Pattern.compile("MO|TU|WE|TH|FR|SA|SU");
  private static final Pattern BYDAY_ITEM =
      Pattern.compile("([+-]?([1-9]|[1-4][0-9]|5[0-3]))?(MO|TU|WE|TH|FR|SA|SU)");
  private static final Pattern INT = Pattern.compile("[+-]?[0-9]{1,4}");
  private static final Pattern UNTIL = Pattern.compile("[0-9]{8}(T[0-9]{6}Z?)?");

  public RecurrenceRule {
    if (text == null) {
      throw new InvalidValueException(FIELD, "is required");
    }
    text = text.strip().toUpperCase(Locale.ROOT);
    if (text.startsWith("RRULE:")) {
      text = text.substring("RRULE:".length());
    }
    if (text.isEmpty()) {
      throw new InvalidValueException(FIELD, "must not be empty");
    }
    if (text.length() > MAX_LENGTH) {
      throw new InvalidValueException(FIELD, "must be at most " + MAX_LENGTH + " characters");
    }
    validate(text);
  }

  private static void validate(String text) {
    Set<String> seen = new HashSet<>();
    String freq = null;
    for (String part : text.split(";", -1)) {
      int eq = part.indexOf('=');
      if (eq <= 0 || eq == part.length() - 1) {
        throw invalid("'" + part + "' is not NAME=VALUE");
      }
      String name = part.substring(0, eq);
      String value = part.substring(eq + 1);
      if (!seen.add(name)) {
        throw invalid(name + " appears more than once");
      }
      switch (name) {
        case "FREQ" -> {
          if (SUB_DAILY_FREQ.contains(value)) {
            throw invalid(
                "FREQ=" + value + " is not supported; use DAILY, WEEKLY, MONTHLY or YEARLY");
          }
          if (!SUPPORTED_FREQ.contains(value)) {
            throw invalid("FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY");
          }
          freq = value;
        }
        case "INTERVAL" -> intIn(name, value, 1, 1000);
        case "COUNT" -> intIn(name, value, 1, 10000);
        case "UNTIL" -> {
          if (!UNTIL.matcher(value).matches()) {
            throw invalid("UNTIL must be a date (YYYYMMDD) or a UTC date-time (YYYYMMDDTHHMMSSZ)");
          }
        }
        case "WKST" -> {
          if (!WEEKDAY.matcher(value).matches()) {
            throw invalid("WKST must be one of MO, TU, WE, TH, FR, SA, SU");
          }
        }
        case "BYDAY" -> {
          for (String item : value.split(",", -1)) {
            if (!BYDAY_ITEM.matcher(item).matches()) {
              throw invalid("BYDAY item '" + item + "' is not a weekday like MO, 2MO or -1FR");
            }
          }
        }
        case "BYMONTHDAY" -> list(name, value, 1, 31);
        case "BYMONTH" -> list(name, value, 1, 12, false);
        case "BYSETPOS" -> list(name, value, 1, 366);
        case "BYYEARDAY" -> list(name, value, 1, 366);
        case "BYWEEKNO" -> list(name, value, 1, 53);
        case "BYHOUR", "BYMINUTE", "BYSECOND" ->
            throw invalid(name + " is not supported: a task recurs at most once a day");
        default -> throw invalid("unknown rule part " + name);
      }
    }
    if (freq == null) {
      throw invalid("FREQ is required");
    }
    if (seen.contains("COUNT") && seen.contains("UNTIL")) {
      throw invalid("COUNT and UNTIL must not both be given");
    }
  }

  private static void intIn(String name, String value, int min, int max) {
    if (!INT.matcher(value).matches() || value.startsWith("+") || value.startsWith("-")) {
      throw invalid(name + " must be a number from " + min + " to " + max);
    }
    int n = Integer.parseInt(value);
    if (n < min || n > max) {
      throw invalid(name + " must be a number from " + min + " to " + max);
    }
  }

  private static void list(String name, String value, int min, int max) {
    list(name, value, min, max, true);
  }

  private static void list(String name, String value, int min, int max, boolean signed) {
    for (String item : value.split(",", -1)) {
      if (!INT.matcher(item).matches()
          || (!signed && (item.startsWith("-") || item.startsWith("+")))) {
        throw invalid(name + " item '" + item + "' is not a valid number");
      }
      int n = Math.abs(Integer.parseInt(item));
      if (n < min || n > max) {
        throw invalid(
            name + " item '" + item + "' must be " + (signed ? "±" : "") + min + " to " + max);
      }
    }
  }

  /** The error for a rule that is not usable, e.g. one that yields no occurrence. */
  public static InvalidValueException invalid(String message) {
    return new InvalidValueException(FIELD, message);
  }

  /** The value of one rule part, e.g. {@code part("FREQ")}; null when absent. */
  public String part(String name) {
    for (String p : text.split(";")) {
      if (p.startsWith(name + "=")) {
        return p.substring(name.length() + 1);
      }
    }
    return null;
  }
}
