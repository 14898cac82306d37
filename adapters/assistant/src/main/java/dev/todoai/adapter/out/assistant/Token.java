package dev.todoai.adapter.out.assistant;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;

/**
 * One lexical unit of a message, with its position in the original text. A word is matched by the
 * word meant ({@link Typos}), lower case; {@link #text()} stays as typed.
 */
record Token(Kind kind, String text, int start, int end, Object value) {

  enum Kind {
    WORD,
    NUMBER,
    ORDINAL,
    TIME,
    ISO_DATE,
    /** day/month or month/day: value is {@code int[]{first, second, year or 0}} */
    SLASH_DATE,
    /** #tag or @label: value is the tag, lower case */
    HASHTAG,
    PRIORITY,
    DURATION,
    QUOTED,
    PUNCT
  }

  String lower() {
    return kind == Kind.WORD
        ? Typos.meant(text.toLowerCase(Locale.ROOT))
        : text.toLowerCase(Locale.ROOT);
  }

  boolean is(String... words) {
    if (kind != Kind.WORD) {
      return false;
    }
    String l = lower();
    for (String w : words) {
      if (l.equals(w)) {
        return true;
      }
    }
    return false;
  }

  boolean isPunct(String p) {
    return kind == Kind.PUNCT && text.equals(p);
  }

  int intValue() {
    return (Integer) value;
  }

  LocalTime time() {
    return (LocalTime) value;
  }

  LocalDate date() {
    return (LocalDate) value;
  }
}
