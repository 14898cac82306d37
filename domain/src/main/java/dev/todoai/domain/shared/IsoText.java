package dev.todoai.domain.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The API's text forms of time: an instant is an ISO-8601 date-time with an offset (or Z), a date
 * is {@code YYYY-MM-DD}. One place for the rules and messages that every inbound adapter uses.
 */
public final class IsoText {
  public static final String INSTANT_HINT =
      "must be an ISO-8601 date-time with offset, e.g. 2026-01-31T09:00:00Z or"
          + " 2026-01-31T10:00:00+01:00";
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final Pattern DATE_TIME = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T.+");

  private IsoText() {}

  public static boolean isDate(String text) {
    return DATE.matcher(text).matches();
  }

  /**
   * Parses an instant.
   *
   * @param dateOnlyHint appended to the message when a date without a time was given (may be "")
   * @throws InvalidValueException naming {@code field}
   */
  public static Instant instant(String text, String field, String dateOnlyHint) {
    if (text == null) {
      throw new InvalidValueException(field, INSTANT_HINT);
    }
    if (isDate(text)) {
      throw new InvalidValueException(field, INSTANT_HINT + dateOnlyHint);
    }
    if (DATE_TIME.matcher(text).matches()) {
      try {
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    throw new InvalidValueException(field, INSTANT_HINT);
  }

  /**
   * Parses a calendar date.
   *
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
}
