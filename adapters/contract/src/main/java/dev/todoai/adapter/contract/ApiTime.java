package dev.todoai.adapter.contract;

import dev.todoai.domain.shared.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API's text forms of time: an instant is an ISO-8601 date-time with an offset (or Z), written
 * back in UTC with {@code Z}; a date is {@code YYYY-MM-DD}; a duration is ISO-8601 ({@code PT15M},
 * {@code P1D}, {@code P1W}); a time of day is {@code HH:MM}.
 */
public final class ApiTime {
  public static final String INSTANT_HINT =
      "must be an ISO-8601 date-time with offset, e.g. 2026-01-31T09:00:00Z or"
          + " 2026-01-31T10:00:00+01:00";
  public static final String DUE_DATE_HINT = " (for a whole day use due_date)";
  public static final String DURATION_HINT =
      "must be an ISO-8601 duration such as PT15M, PT1H, P1D, P1DT12H or P1W";
  public static final String TIME_HINT = "must be a time of day as HH:MM, e.g. 08:30";
  public static final String DUE_BOUND_HINT =
      "must be a date like 2026-01-31 or a date-time with offset like 2026-01-31T09:00:00Z";

  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final Pattern DATE_TIME = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T.+");
  private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
  private static final Pattern DURATION = Pattern.compile("[-+]?P.+", Pattern.CASE_INSENSITIVE);
  private static final Pattern WEEKS =
      Pattern.compile("([-+]?)P([0-9]{1,3})W", Pattern.CASE_INSENSITIVE);
  private static final long SECONDS_PER_DAY = 86_400;

  private ApiTime() {}

  public static boolean isDate(String text) {
    return DATE.matcher(text).matches();
  }

  /**
   * @param dateOnlyHint appended to the message when a date without a time was given (may be "")
   * @throws InvalidValueException naming {@code field}
   */
  public static Instant instant(String text, String field, String dateOnlyHint) {
    if (text != null && isDate(text)) {
      throw new InvalidValueException(field, INSTANT_HINT + dateOnlyHint);
    }
    if (text != null && DATE_TIME.matcher(text).matches()) {
      try {
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    throw new InvalidValueException(field, INSTANT_HINT);
  }

  /**
   * @throws InvalidValueException naming {@code field}
   */
  public static LocalDate date(String text, String field) {
    if (text == null || !isDate(text)) {
      throw new InvalidValueException(field, "must be a date like 2026-01-31");
    }
    try {
      return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
    } catch (DateTimeParseException e) {
      throw new InvalidValueException(field, "is not a valid calendar date");
    }
  }

  /**
   * @throws InvalidValueException naming {@code field}
   */
  public static Duration duration(String text, String field) {
    if (text != null) {
      Matcher weeks = WEEKS.matcher(text);
      if (weeks.matches()) {
        Duration length = Duration.ofDays(7 * Long.parseLong(weeks.group(2)));
        return weeks.group(1).equals("-") ? length.negated() : length;
      }
      if (DURATION.matcher(text).matches()) {
        try {
          return Duration.parse(text);
        } catch (DateTimeParseException e) {
          // reported below
        }
      }
    }
    throw new InvalidValueException(field, DURATION_HINT);
  }

  /**
   * @throws InvalidValueException naming {@code field}
   */
  public static LocalTime timeOfDay(String text, String field) {
    if (text == null || !TIME.matcher(text).matches()) {
      throw new InvalidValueException(field, TIME_HINT);
    }
    return LocalTime.parse(text);
  }

  public static String format(Instant instant) {
    return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  public static String format(LocalDate date) {
    return date == null ? null : date.toString();
  }

  /** Whole days as days ({@code P1D}, {@code P1DT2H}, {@code PT15M}); a day is 24 hours. */
  public static String format(Duration duration) {
    if (duration == null) {
      return null;
    }
    long days = duration.getSeconds() / SECONDS_PER_DAY;
    if (days <= 0 || duration.isNegative()) {
      return duration.toString();
    }
    Duration rest = duration.minusDays(days);
    return "P" + days + "D" + (rest.isZero() ? "" : rest.toString().substring(1));
  }

  public static String format(LocalTime time) {
    return time == null ? null : String.format("%02d:%02d", time.getHour(), time.getMinute());
  }
}
