package dev.todoai.adapter.out.assistant;

import dev.todoai.adapter.out.assistant.Token.Kind;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a message into words, numbers, times, dates, #tags and @labels, priority markers (p1-p4,
 * !!, !!!, !!1-!!4), quoted text and punctuation. Emoji and other symbols are words.
 */
final class Tokenizer {

  private static final Pattern TOKEN =
      Pattern.compile(
          "(?<iso>\\d{4}-\\d{2}-\\d{2})(?![\\p{L}\\p{N}])"
              + "|(?<slash>\\d{1,2}/\\d{1,2}(?:/\\d{2}(?:\\d{2})?)?)(?![\\p{L}\\p{N}/])"
              + "|(?<time>\\d{1,2}(?:[:.]\\d{2})?)\\s?(?<ampm>a\\.?m\\.?|p\\.?m\\.?)(?![\\p{L}\\p{N}])"
              + "|(?<clock>\\d{1,2}:\\d{2})(?![\\p{L}\\p{N}])"
              + "|(?<ord>\\d{1,2})(?:st|nd|rd|th)(?![\\p{L}\\p{N}])"
              + "|(?<dur>\\d{1,4})(?<unit>mins?|m|hrs?|h|d|w)(?![\\p{L}\\p{N}])"
              + "|(?<num>\\d+)(?![\\p{L}])"
              + "|#(?<tag>[\\p{L}\\p{N}_/-]+)"
              + "|@(?<label>\\p{L}[\\p{L}\\p{N}_/-]*)"
              + "|(?<prio>[pP][1-4])(?![\\p{L}\\p{N}])"
              + "|!!(?<bangnum>[1-4])(?![\\p{L}\\p{N}])"
              + "|(?<bangs>!{2,3})"
              + "|[\"“”](?<quoted>[^\"“”]*)[\"“”]"
              + "|(?<word>[\\p{L}\\p{N}]+(?:['’\\-][\\p{L}\\p{N}]+)*)"
              + "|(?<symbol>[\\p{So}\\p{Cs}][\\p{So}\\x{FE0F}\\x{200D}\\p{M}]*)"
              + "|(?<punct>\\S)",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private Tokenizer() {}

  /** Contractions kept whole: "it's" is matched as one word, "sam's" as "sam" and "'s". */
  private static final java.util.Set<String> WHOLE =
      java.util.Set.of(
          "it's", "that's", "what's", "there's", "let's", "he's", "she's", "who's", "where's",
          "here's", "how's", "when's");

  static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(text == null ? "" : text);
    while (m.find()) {
      Token tok = token(m);
      String lower = tok.text().toLowerCase(Locale.ROOT).replace('’', '\'');
      if (tok.kind() == Kind.WORD
          && lower.endsWith("'s")
          && lower.length() > 2
          && !WHOLE.contains(lower)) {
        int cut = tok.end() - 2;
        tokens.add(
            new Token(
                Kind.WORD,
                tok.text().substring(0, tok.text().length() - 2),
                tok.start(),
                cut,
                null));
        tokens.add(
            new Token(
                Kind.WORD, tok.text().substring(tok.text().length() - 2), cut, tok.end(), null));
      } else {
        tokens.add(tok);
      }
    }
    return tokens;
  }

  private static Token token(Matcher m) {
    int s = m.start();
    int e = m.end();
    String t = m.group();
    if (m.group("iso") != null) {
      try {
        return new Token(Kind.ISO_DATE, t, s, e, LocalDate.parse(m.group("iso")));
      } catch (DateTimeException ex) {
        return new Token(Kind.WORD, t, s, e, null);
      }
    }
    if (m.group("slash") != null) {
      String[] parts = m.group("slash").split("/");
      int year = 0;
      if (parts.length == 3) {
        year = Integer.parseInt(parts[2]);
        year = year < 100 ? 2000 + year : year;
      }
      return new Token(
          Kind.SLASH_DATE,
          t,
          s,
          e,
          new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), year});
    }
    if (m.group("time") != null) {
      String[] hm = m.group("time").split("[:.]");
      int h = Integer.parseInt(hm[0]);
      int min = hm.length > 1 ? Integer.parseInt(hm[1]) : 0;
      boolean pm = m.group("ampm").toLowerCase(Locale.ROOT).startsWith("p");
      if (h >= 1 && h <= 12 && min < 60) {
        int hour = h % 12 + (pm ? 12 : 0);
        return new Token(Kind.TIME, t, s, e, LocalTime.of(hour, min));
      }
      return new Token(Kind.WORD, t, s, e, null);
    }
    if (m.group("clock") != null) {
      String[] hm = m.group("clock").split(":");
      int h = Integer.parseInt(hm[0]);
      int min = Integer.parseInt(hm[1]);
      if (h < 24 && min < 60) {
        return new Token(Kind.TIME, t, s, e, LocalTime.of(h, min));
      }
      return new Token(Kind.WORD, t, s, e, null);
    }
    if (m.group("ord") != null) {
      return new Token(Kind.ORDINAL, t, s, e, Integer.parseInt(m.group("ord")));
    }
    if (m.group("dur") != null) {
      long n = Long.parseLong(m.group("dur"));
      String unit = m.group("unit").toLowerCase(Locale.ROOT);
      Duration d =
          switch (unit.charAt(0)) {
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            case 'd' -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
          };
      return new Token(Kind.DURATION, t, s, e, d);
    }
    if (m.group("num") != null) {
      String digits = m.group("num");
      Integer value = digits.length() <= 9 ? Integer.parseInt(digits) : null;
      return value == null
          ? new Token(Kind.WORD, t, s, e, null)
          : new Token(Kind.NUMBER, t, s, e, value);
    }
    if (m.group("tag") != null) {
      return new Token(Kind.HASHTAG, t, s, e, m.group("tag").toLowerCase(Locale.ROOT));
    }
    if (m.group("label") != null) {
      return new Token(Kind.HASHTAG, t, s, e, m.group("label").toLowerCase(Locale.ROOT));
    }
    if (m.group("bangnum") != null) {
      return new Token(Kind.PRIORITY, t, s, e, Integer.parseInt(m.group("bangnum")));
    }
    if (m.group("symbol") != null) {
      return new Token(Kind.WORD, t, s, e, null);
    }
    if (m.group("prio") != null) {
      return new Token(Kind.PRIORITY, t, s, e, Character.getNumericValue(t.charAt(1)));
    }
    if (m.group("bangs") != null) {
      return new Token(Kind.PRIORITY, t, s, e, t.length() == 3 ? 1 : 2);
    }
    if (m.group("quoted") != null) {
      return new Token(Kind.QUOTED, m.group("quoted"), s, e, null);
    }
    if (m.group("word") != null) {
      return new Token(Kind.WORD, t, s, e, null);
    }
    return new Token(Kind.PUNCT, t, s, e, null);
  }
}
