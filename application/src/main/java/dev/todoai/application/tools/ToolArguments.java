package dev.todoai.application.tools;

import dev.todoai.domain.reminder.ReminderId;
import dev.todoai.domain.shared.IsoText;
import dev.todoai.domain.task.TaskId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON-like arguments of one tool call, read field by field: every type or format error is
 * recorded in {@link ToolErrors} under the argument's name (with the REST API's messages) and the
 * value read is then null.
 */
final class ToolArguments {
  static final String DURATION_HINT =
      "must be an ISO-8601 duration such as PT15M, PT1H, P1D, P1DT12H or P1W";

  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
  private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
  private static final Pattern DURATION = Pattern.compile("[-+]?P.+", Pattern.CASE_INSENSITIVE);
  private static final Pattern WEEKS =
      Pattern.compile("([-+]?)P([0-9]{1,3})W", Pattern.CASE_INSENSITIVE);

  private final Map<String, Object> values;
  private final ToolErrors errors;

  ToolArguments(Map<String, Object> values, ToolErrors errors) {
    this.values = values == null ? Map.of() : values;
    this.errors = errors;
  }

  ToolErrors errors() {
    return errors;
  }

  /** Whether the call names the argument (even with a null value). */
  boolean has(String name) {
    return values.containsKey(name);
  }

  boolean hasValue(String name) {
    return values.get(name) != null;
  }

  Object raw(String name) {
    return values.get(name);
  }

  /** Records every argument that is not in {@code known}. */
  void rejectUnknown(Collection<String> known) {
    for (String name : new TreeSet<>(values.keySet())) {
      if (!known.contains(name)) {
        errors.add(
            name, "is not a known argument; known are " + String.join(", ", new TreeSet<>(known)));
      }
    }
  }

  String string(String name) {
    Object value = values.get(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      errors.add(name, "must be a string or null");
      return null;
    }
    return text;
  }

  /** A required string: absent, null or blank is an error. */
  String requiredString(String name) {
    if (values.get(name) == null) {
      errors.add(name, "is required");
      return null;
    }
    String text = string(name);
    if (text != null && text.isBlank()) {
      errors.add(name, "must not be blank");
      return null;
    }
    return text;
  }

  Boolean bool(String name) {
    Object value = values.get(name);
    if (value == null) {
      return null;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if ("true".equals(value)) {
      return true;
    }
    if ("false".equals(value)) {
      return false;
    }
    errors.add(name, "must be true or false");
    return null;
  }

  /** A whole number (a JSON integer, or digits in a string); null when absent or bad. */
  Long wholeNumber(String name, String message) {
    Object value = values.get(name);
    if (value == null) {
      return null;
    }
    Long number = toLong(value);
    if (number == null) {
      errors.add(name, message);
    }
    return number;
  }

  private static Long toLong(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger big) {
      return big.bitLength() < 63 ? big.longValue() : null;
    }
    if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      BigDecimal decimal = new BigDecimal(value.toString());
      try {
        return decimal.stripTrailingZeros().scale() <= 0 ? decimal.longValueExact() : null;
      } catch (ArithmeticException tooLarge) {
        return null;
      }
    }
    if (value instanceof String text && DIGITS.matcher(text.strip()).matches()) {
      return Long.parseLong(text.strip());
    }
    return null;
  }

  /** A required task id argument: a positive whole number. */
  TaskId taskId(String name) {
    if (values.get(name) == null) {
      errors.add(name, "is required");
      return null;
    }
    Long id = wholeNumber(name, "must be a positive number");
    if (id == null) {
      return null;
    }
    if (id < 1) {
      errors.add(name, "must be a positive number");
      return null;
    }
    return new TaskId(id);
  }

  /** A required reminder id argument: a positive whole number. */
  ReminderId reminderId(String name) {
    if (values.get(name) == null) {
      errors.add(name, "is required");
      return null;
    }
    Long id = wholeNumber(name, "must be a positive number");
    if (id == null) {
      return null;
    }
    if (id < 1) {
      errors.add(name, "must be a positive number");
      return null;
    }
    return new ReminderId(id);
  }

  /** An integer from {@code min} to {@code max}; {@code fallback} when absent (or bad). */
  int limit(String name, int min, int max, int fallback) {
    String message = "must be a whole number from " + min + " to " + max;
    Long value = wholeNumber(name, message);
    if (value == null) {
      return fallback;
    }
    if (value < min || value > max) {
      errors.add(name, message);
      return fallback;
    }
    return value.intValue();
  }

  /** An array of strings; null when absent. */
  List<String> stringArray(String name) {
    Object value = values.get(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Collection<?> items)) {
      errors.add(name, "must be an array of strings");
      return null;
    }
    List<String> texts = new ArrayList<>();
    for (Object item : items) {
      if (!(item instanceof String text)) {
        errors.add(name, "must be an array of strings");
        return null;
      }
      texts.add(text);
    }
    return texts;
  }

  /** An array of strings or one comma-separated string; blank items are skipped. */
  List<String> stringList(String name) {
    Object value = values.get(name);
    if (value == null) {
      return List.of();
    }
    List<String> raw;
    if (value instanceof String text) {
      raw = List.of(text.split(",", -1));
    } else if (value instanceof Collection<?>) {
      raw = stringArray(name);
      if (raw == null) {
        return List.of();
      }
    } else {
      errors.add(name, "must be an array of strings or a comma-separated string");
      return List.of();
    }
    List<String> items = new ArrayList<>();
    for (String item : raw) {
      for (String part : item.split(",", -1)) {
        if (!part.isBlank()) {
          items.add(part.strip());
        }
      }
    }
    return items;
  }

  /** One of the lower-case names of {@code choices}; null when absent or bad. */
  <E extends Enum<E>> E choice(String name, E[] choices) {
    String text = string(name);
    if (text == null || text.isEmpty()) {
      return null;
    }
    List<String> allowed = new ArrayList<>();
    for (E choice : choices) {
      String apiName = choice.name().toLowerCase(java.util.Locale.ROOT);
      if (apiName.equals(text)) {
        return choice;
      }
      allowed.add(apiName);
    }
    errors.add(name, "must be one of " + String.join(", ", allowed));
    return null;
  }

  /** The objects of an array argument (each a map); null when absent. */
  List<Map<?, ?>> objectArray(String name, String message) {
    Object value = values.get(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Collection<?> items)) {
      errors.add(name, message);
      return null;
    }
    List<Map<?, ?>> objects = new ArrayList<>();
    for (Object item : items) {
      objects.add(item instanceof Map<?, ?> map ? map : null);
    }
    return objects;
  }

  /** Parses an ISO-8601 date-time with offset (or Z) into an instant; null after an error. */
  static Instant instant(String text, String field, ToolErrors errors) {
    return text == null
        ? null
        : errors.attempt(() -> IsoText.instant(text, field, " (for a whole day use due_date)"));
  }

  /** Parses a calendar date {@code YYYY-MM-DD}; null after an error. */
  static LocalDate date(String text, String field, ToolErrors errors) {
    return text == null ? null : errors.attempt(() -> IsoText.date(text, field));
  }

  static boolean isDate(String text) {
    return IsoText.isDate(text);
  }

  /** An ISO-8601 duration ({@code PT15M}, {@code P1D}, {@code P1W}); null after an error. */
  static Duration duration(String text, String field, ToolErrors errors) {
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

  /** A time of day {@code HH:MM}; null after an error. */
  static LocalTime time(String text, String field, ToolErrors errors) {
    if (text == null) {
      return null;
    }
    if (!TIME.matcher(text).matches()) {
      errors.add(field, "must be a time of day as HH:MM, e.g. 08:30");
      return null;
    }
    return LocalTime.parse(text);
  }

  static Set<String> known(Collection<String> a, Collection<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }
}
