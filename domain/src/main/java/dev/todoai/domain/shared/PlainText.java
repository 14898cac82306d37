package dev.todoai.domain.shared;

/**
 * Text without control characters: C0 (U+0000–U+001F) and DEL (U+007F) are refused — they are
 * invisible, break displays and logs, and PostgreSQL cannot store U+0000 at all. Multi-line text
 * may keep tab and line feed, with CR LF and lone CR read as LF.
 */
public final class PlainText {
  private PlainText() {}

  /** {@code value} unchanged when it is single-line plain text; otherwise a field error. */
  public static String singleLine(String field, String value) {
    check(field, value, false);
    return value;
  }

  /** {@code value} with line ends normalised to LF when it is plain text; otherwise an error. */
  public static String multiLine(String field, String value) {
    String normalised =
        value.indexOf('\r') < 0 ? value : value.replace("\r\n", "\n").replace('\r', '\n');
    check(field, normalised, true);
    return normalised;
  }

  /** True when {@code value} has no control character (tab and line feed allowed or not). */
  public static boolean isPlain(String value, boolean multiLine) {
    return firstControl(value, multiLine) < 0;
  }

  private static void check(String field, String value, boolean multiLine) {
    int at = firstControl(value, multiLine);
    if (at >= 0) {
      throw new InvalidValueException(
          field,
          String.format(
              "must not contain control characters (U+%04X at position %d)%s",
              (int) value.charAt(at),
              value.codePointCount(0, at) + 1,
              multiLine ? "; tab and line breaks are fine" : ""));
    }
  }

  private static int firstControl(String value, boolean multiLine) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 || c == 0x7f) && !(multiLine && (c == '\t' || c == '\n'))) {
        return i;
      }
    }
    return -1;
  }
}
