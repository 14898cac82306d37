package dev.todoai.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todoai.domain.reminder.ReminderId;
import dev.todoai.domain.reminder.ReminderSpec;
import dev.todoai.domain.shared.InvalidValueException;
import dev.todoai.domain.shared.IsoText;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns reminder request objects ({@code {"remind_at": ...}} or {@code {"before_due": ...,
 * "time_of_day": ...}}) into {@link ReminderSpec}s, naming every bad field with the prefix of where
 * the object sits ({@code reminders[1].before_due} inside a task body). {@link ReminderSpec} and
 * the use cases decide what is valid; this class checks JSON types and formats.
 */
final class ReminderRequestParser {
  static final String REMIND_AT = "remind_at";
  static final String BEFORE_DUE = "before_due";
  static final String TIME_OF_DAY = "time_of_day";
  static final List<String> FIELDS = List.of(REMIND_AT, BEFORE_DUE, TIME_OF_DAY);

  private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
  private static final Pattern DURATION = Pattern.compile("[-+]?P.+", Pattern.CASE_INSENSITIVE);
  private static final Pattern WEEKS =
      Pattern.compile("([-+]?)P([0-9]{1,3})W", Pattern.CASE_INSENSITIVE);
  private static final Pattern ID = Pattern.compile("[0-9]{1,18}");
  private static final String DURATION_HINT =
      "must be an ISO-8601 duration such as PT15M, PT1H, P1D, P1DT12H or P1W";
  private static final long SECONDS_PER_DAY = 86_400;

  private ReminderRequestParser() {}

  /** The body of {@code POST .../reminders}: one reminder object. */
  static ReminderSpec parse(JsonNode body) {
    FieldErrors errors = new FieldErrors();
    if (body == null) {
      errors.add(Json.BODY, "a JSON object is required");
    } else if (!body.isObject()) {
      errors.add(Json.BODY, "must be a JSON object");
    }
    errors.throwIfAny();
    ReminderSpec spec = parse(body, "", Json.BODY, errors);
    errors.throwIfAny();
    return spec;
  }

  /**
   * The {@code reminders} member of a task body: null when absent or null, else one spec per
   * element. Errors go to {@code errors}; the result is then incomplete.
   */
  static List<ReminderSpec> parseList(JsonNode node, String field, FieldErrors errors) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isArray()) {
      errors.add(field, "must be an array of reminder objects, e.g. [{\"before_due\":\"PT1H\"}]");
      return null;
    }
    List<ReminderSpec> specs = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      String element = field + "[" + i + "]";
      JsonNode reminder = node.get(i);
      if (!reminder.isObject()) {
        errors.add(element, "must be an object with remind_at or before_due");
        continue;
      }
      ReminderSpec spec = parse(reminder, element + ".", element, errors);
      if (spec != null) {
        specs.add(spec);
      }
    }
    return specs;
  }

  /** A reminder id from a path segment: a positive number. */
  static ReminderId reminderId(String text, String field, FieldErrors errors) {
    if (text == null || !ID.matcher(text).matches() || Long.parseLong(text) < 1) {
      errors.add(field, "must be a positive number");
      return null;
    }
    return new ReminderId(Long.parseLong(text));
  }

  /**
   * A duration as ISO-8601, whole days as days ({@code P1D}, {@code P1DT2H}, {@code PT15M}); a day
   * is 24 hours, as in {@link Duration#parse}.
   */
  static String duration(Duration duration) {
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

  /** A time of day as {@code HH:MM}. */
  static String timeOfDay(LocalTime time) {
    return time == null ? null : String.format("%02d:%02d", time.getHour(), time.getMinute());
  }

  private static ReminderSpec parse(
      JsonNode object, String prefix, String objectField, FieldErrors errors) {
    int before = errors.size();
    Iterator<String> names = object.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        errors.add(prefix + name, "is not a known field; known are " + String.join(", ", FIELDS));
      }
    }
    String remindAtText = string(object, REMIND_AT, prefix, errors);
    String beforeDueText = string(object, BEFORE_DUE, prefix, errors);
    String timeText = string(object, TIME_OF_DAY, prefix, errors);
    boolean hasRemindAt = object.hasNonNull(REMIND_AT);
    boolean hasBeforeDue = object.hasNonNull(BEFORE_DUE);
    if (hasRemindAt && hasBeforeDue) {
      errors.add(prefix + REMIND_AT, "give either remind_at or before_due, not both");
      errors.add(prefix + BEFORE_DUE, "give either remind_at or before_due, not both");
    } else if (!hasRemindAt && !hasBeforeDue) {
      errors.add(objectField, "give either remind_at (an instant) or before_due (a duration)");
    }
    if (hasRemindAt && object.hasNonNull(TIME_OF_DAY)) {
      errors.add(prefix + TIME_OF_DAY, "only applies together with before_due");
    }
    Instant remindAt = instant(remindAtText, prefix + REMIND_AT, errors);
    Duration beforeDue = duration(beforeDueText, prefix + BEFORE_DUE, errors);
    LocalTime timeOfDay = time(timeText, prefix + TIME_OF_DAY, errors);
    if (errors.size() > before) {
      return null;
    }
    try {
      return new ReminderSpec(remindAt, beforeDue, timeOfDay);
    } catch (InvalidValueException e) {
      errors.add(prefix + e.field(), e.getMessage());
      return null;
    }
  }

  private static String string(JsonNode object, String name, String prefix, FieldErrors errors) {
    JsonNode node = object.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      errors.add(prefix + name, "must be a string");
      return null;
    }
    return node.textValue();
  }

  private static Instant instant(String text, String field, FieldErrors errors) {
    return text == null ? null : errors.attempt(() -> IsoText.instant(text, field, ""));
  }

  private static Duration duration(String text, String field, FieldErrors errors) {
    if (text == null) {
      return null;
    }
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
    errors.add(field, DURATION_HINT);
    return null;
  }

  private static LocalTime time(String text, String field, FieldErrors errors) {
    if (text == null) {
      return null;
    }
    if (!TIME.matcher(text).matches()) {
      errors.add(field, "must be a time of day as HH:MM, e.g. 08:30");
      return null;
    }
    return LocalTime.parse(text);
  }
}
