package dev.todoai.adapter.out.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How the assistant compares the words someone uses for a task with the words of its title: "the
 * passport renewal" names "renew passport", "painting the shed" names "paint the shed".
 */
final class Words {
  /** Words that carry no meaning for finding a task. */
  private static final Set<String> NOISE =
      Set.copyOf(
          java.util.Arrays.asList(
              "the",
              "a",
              "an",
              "my",
              "our",
              "your",
              "that",
              "this",
              "these",
              "those",
              "task",
              "tasks",
              "todo",
              "todos",
              "to-do",
              "item",
              "items",
              "thing",
              "things",
              "stuff",
              "one",
              "ones",
              "called",
              "named",
              "titled",
              "entry",
              "about",
              "regarding",
              "re",
              "for",
              "of",
              "on",
              "with",
              "to",
              "in",
              "at",
              "by",
              "'s",
              "and",
              "thingy",
              "bit",
              "matter",
              "whole",
              "it",
              "them",
              "which",
              "is",
              "are",
              "was",
              "be",
              "some",
              "any",
              "all",
              "list",
              "from",
              "up",
              "please",
              "again",
              "i",
              "me",
              "just",
              "business",
              "word",
              "words",
              "also",
              "off",
              "as",
              "&",
              "or"));

  private Words() {}

  /** The meaningful words of a phrase, lower case, as written. */
  static List<String> raw(String phrase) {
    List<String> out = new ArrayList<>();
    for (Token tok : Tokenizer.tokenize(phrase)) {
      if (tok.kind() == Token.Kind.WORD && !NOISE.contains(tok.lower())) {
        out.add(tok.lower());
      } else if (tok.kind() == Token.Kind.HASHTAG) {
        out.add((String) tok.value());
      }
    }
    return out;
  }

  /** The meaningful words of a phrase, lower case, stemmed. */
  static List<String> content(String phrase) {
    List<String> out = new ArrayList<>();
    for (Token tok : Tokenizer.tokenize(phrase)) {
      if (tok.kind() == Token.Kind.PUNCT) {
        continue;
      }
      String w =
          tok.kind() == Token.Kind.HASHTAG
              ? (String) tok.value()
              : tok.kind() == Token.Kind.QUOTED ? tok.text().toLowerCase(Locale.ROOT) : tok.lower();
      if (tok.kind() == Token.Kind.QUOTED) {
        out.addAll(content(tok.text()));
        continue;
      }
      if (NOISE.contains(w)) {
        continue;
      }
      out.add(stem(w));
    }
    return out;
  }

  /** A rough stem: "renewal" - "renew", "painting" - "paint", "taxes" - "tax", "books" - "book". */
  static String stem(String word) {
    String w = word.toLowerCase(Locale.ROOT).replace('’', '\'');
    if (w.endsWith("'s")) {
      w = w.substring(0, w.length() - 2);
    }
    if (w.length() <= 3) {
      return w;
    }
    String[][] rules = {
      {"ations", ""},
      {"ation", ""},
      {"ings", ""},
      {"ing", ""},
      {"ies", "y"},
      {"ied", "y"},
      {"als", ""},
      {"al", ""},
      {"ments", ""},
      {"ment", ""},
      {"xes", "x"},
      {"ses", "s"},
      {"ches", "ch"},
      {"shes", "sh"},
      {"es", "e"},
      {"ed", ""},
      {"s", ""}
    };
    for (String[] r : rules) {
      if (!w.endsWith(r[0])) {
        continue;
      }
      String s = w.substring(0, w.length() - r[0].length()) + r[1];
      if (s.length() < 3) {
        continue;
      }
      boolean verbal = r[0].startsWith("ing") || r[0].equals("ed") || r[0].startsWith("ation");
      if (verbal
          && s.length() >= 4
          && s.charAt(s.length() - 1) == s.charAt(s.length() - 2)
          && "lpstnmrgdb".indexOf(s.charAt(s.length() - 1)) >= 0) {
        s = s.substring(0, s.length() - 1);
      }
      return s;
    }
    return w;
  }

  /** Whether two stems name the same word: equal, one a prefix of the other, or one typo apart. */
  static boolean same(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    int min = Math.min(a.length(), b.length());
    if (min >= 4 && (a.startsWith(b) || b.startsWith(a))) {
      return true;
    }
    int common = 0;
    while (common < min && a.charAt(common) == b.charAt(common)) {
      common++;
    }
    if (common >= 5) {
      return true;
    }
    return min >= 5 && Math.abs(a.length() - b.length()) <= 1 && distance(a, b) <= 1;
  }

  /** The text a search for {@code stem} should look for: short enough to find its variants. */
  static String searchKey(String stem) {
    return stem.length() > 5 ? stem.substring(0, 5) : stem;
  }

  /**
   * How well the phrase words name a title: the share of phrase words found in it (0..1), and as a
   * tie-break the share of title words named.
   */
  static double[] score(List<String> phrase, String title) {
    List<String> words = content(title);
    if (phrase.isEmpty() || words.isEmpty()) {
      return new double[] {0, 0};
    }
    int found = 0;
    for (String p : phrase) {
      for (String w : words) {
        if (same(p, w)) {
          found++;
          break;
        }
      }
    }
    int named = 0;
    for (String w : words) {
      for (String p : phrase) {
        if (same(p, w)) {
          named++;
          break;
        }
      }
    }
    return new double[] {(double) found / phrase.size(), (double) named / words.size()};
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] tmp = prev;
      prev = cur;
      cur = tmp;
    }
    return prev[b.length()];
  }
}
