package dev.todoai.adapter.in.rest;

import dev.todoai.adapter.contract.InvalidInputException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the request headers that guard writes: {@code If-Match} and {@code Idempotency-Key}. */
final class Preconditions {
  static final String IF_MATCH = "If-Match";
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private static final Pattern VERSION_TAG =
      Pattern.compile("(?:W/)?\"([0-9]{1,18})\"|([0-9]{1,18})");
  private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]{1,255}");

  private Preconditions() {}

  /**
   * The version an {@code If-Match} header expects: {@code "3"}, {@code W/"3"} or {@code 3}; null
   * when the header is absent or {@code *} (any version).
   *
   * @throws InvalidInputException for anything else
   */
  static Long expectedVersion(List<String> headerValues) {
    if (headerValues == null || headerValues.isEmpty()) {
      return null;
    }
    if (headerValues.size() > 1) {
      throw invalidIfMatch();
    }
    String value = headerValues.get(0).strip();
    if (value.equals("*")) {
      return null;
    }
    Matcher matcher = VERSION_TAG.matcher(value);
    if (!matcher.matches()) {
      throw invalidIfMatch();
    }
    long version = Long.parseLong(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
    if (version < 1) {
      throw invalidIfMatch();
    }
    return version;
  }

  /** The {@code Idempotency-Key}: 1-255 visible ASCII characters; null when absent. */
  static String idempotencyKey(List<String> headerValues) {
    if (headerValues == null || headerValues.isEmpty()) {
      return null;
    }
    if (headerValues.size() > 1 || !VISIBLE_ASCII.matcher(headerValues.get(0)).matches()) {
      throw InvalidInputException.of(
          IDEMPOTENCY_KEY, "must be 1 to 255 visible ASCII characters (and given once)");
    }
    return headerValues.get(0);
  }

  private static InvalidInputException invalidIfMatch() {
    return InvalidInputException.of(
        IF_MATCH, "must be one entity tag of this API, like \"3\" (the task's version), or *");
  }
}
