package dev.todoai.bootstrap.assistant;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The assistant corpus ({@code src/test/resources/assistant-corpus}, format in its README): cases
 * grouped in families, each a short conversation with the effect it must have.
 */
final class Corpus {
  static final String DIRECTORY = "assistant-corpus/";
  static final List<String> FILES =
      List.of(
          "basics.txt",
          "quickadd.txt",
          "context.txt",
          "statements.txt",
          "midsentence.txt",
          "recurrence.txt",
          "reminders.txt",
          "deletes-searches.txt",
          "safety.txt");

  /** A task as a title and {@code key=value} fields (values unparsed, as written). */
  record TaskSpec(String title, Map<String, String> fields) {
    static TaskSpec parse(String text, String where) {
      String[] parts = text.split(" \\| ", -1);
      String title = parts[0].strip();
      if (title.isEmpty()) {
        throw new IllegalArgumentException(where + ": a task needs a title");
      }
      Map<String, String> fields = new LinkedHashMap<>();
      for (int i = 1; i < parts.length; i++) {
        String part = parts[i].strip();
        int eq = part.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException(where + ": '" + part + "' is not key=value");
        }
        String key = part.substring(0, eq).strip();
        if (!KEYS.contains(key)) {
          throw new IllegalArgumentException(where + ": unknown field '" + key + "'");
        }
        fields.put(key, part.substring(eq + 1).strip());
      }
      return new TaskSpec(title, fields);
    }
  }

  static final List<String> KEYS =
      List.of(
          "due",
          "priority",
          "tags",
          "rrule",
          "anchor",
          "completed",
          "description",
          "reminders",
          "was");

  /** A message and what its own reply must do ({@code < asks}, {@code < says}). */
  record Turn(String message, boolean asks, List<String> says) {}

  record Case(
      String id,
      String family,
      String file,
      int line,
      String fixture,
      List<TaskSpec> given,
      List<Turn> turns,
      String calls,
      List<TaskSpec> tasks,
      List<String> gone,
      List<String> maybeGone,
      boolean goneAll,
      List<String> shows,
      List<String> hides) {}

  final Map<String, List<TaskSpec>> fixtures;
  final List<Case> cases;

  private Corpus(Map<String, List<TaskSpec>> fixtures, List<Case> cases) {
    this.fixtures = fixtures;
    this.cases = cases;
  }

  static Corpus load() {
    Map<String, List<TaskSpec>> fixtures = readFixtures(lines("fixtures.txt"));
    List<Case> cases = new ArrayList<>();
    for (String file : FILES) {
      cases.addAll(readCases(file, lines(file), fixtures));
    }
    Map<String, String> ids = new LinkedHashMap<>();
    for (Case c : cases) {
      String previous = ids.put(c.id(), c.file());
      if (previous != null) {
        throw new IllegalArgumentException("case " + c.id() + " appears twice");
      }
    }
    return new Corpus(fixtures, List.copyOf(cases));
  }

  List<TaskSpec> tasksOf(Case c) {
    List<TaskSpec> all = new ArrayList<>();
    if (c.fixture() != null) {
      all.addAll(fixtures.get(c.fixture()));
    }
    all.addAll(c.given());
    return all;
  }

  private static List<String> lines(String file) {
    try (InputStream in = Corpus.class.getClassLoader().getResourceAsStream(DIRECTORY + file)) {
      if (in == null) {
        throw new IllegalStateException("missing corpus file " + DIRECTORY + file);
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, List<TaskSpec>> readFixtures(List<String> lines) {
    Map<String, List<TaskSpec>> fixtures = new LinkedHashMap<>();
    List<TaskSpec> current = null;
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n);
      String where = "fixtures.txt:" + (n + 1);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("fixture ")) {
        current = new ArrayList<>();
        fixtures.put(line.substring("fixture ".length()).strip(), current);
      } else if (current != null && Character.isWhitespace(line.charAt(0))) {
        current.add(TaskSpec.parse(line.strip(), where));
      } else {
        throw new IllegalArgumentException(where + ": unexpected line");
      }
    }
    return fixtures;
  }

  private static List<Case> readCases(
      String file, List<String> lines, Map<String, List<TaskSpec>> fixtures) {
    List<Case> cases = new ArrayList<>();
    String family = null;
    Builder b = null;
    for (int n = 0; n < lines.size(); n++) {
      String raw = lines.get(n);
      String where = file + ":" + (n + 1);
      if (raw.isBlank() || raw.startsWith("#")) {
        continue;
      }
      String line = raw.strip();
      if (line.startsWith("family ")) {
        family = line.substring("family ".length()).strip();
        continue;
      }
      if (line.startsWith("case ")) {
        if (b != null) {
          cases.add(b.build());
        }
        if (family == null) {
          throw new IllegalArgumentException(where + ": case before any family");
        }
        String[] words = line.substring("case ".length()).strip().split("\\s+");
        String fixture = null;
        if (words.length == 3 && words[1].equals("use")) {
          fixture = words[2];
          if (!fixtures.containsKey(fixture)) {
            throw new IllegalArgumentException(where + ": unknown fixture " + fixture);
          }
        } else if (words.length != 1) {
          throw new IllegalArgumentException(where + ": expected 'case <id> [use <fixture>]'");
        }
        b = new Builder(words[0], family, file, n + 1, fixture);
        continue;
      }
      if (b == null) {
        throw new IllegalArgumentException(where + ": line outside a case");
      }
      b.add(line, where);
    }
    if (b != null) {
      cases.add(b.build());
    }
    return cases;
  }

  private static final class Builder {
    private final String id;
    private final String family;
    private final String file;
    private final int line;
    private final String fixture;
    private final List<TaskSpec> given = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();
    private final List<Boolean> asks = new ArrayList<>();
    private final List<List<String>> says = new ArrayList<>();
    private String calls;
    private final List<TaskSpec> tasks = new ArrayList<>();
    private final List<String> gone = new ArrayList<>();
    private final List<String> maybeGone = new ArrayList<>();
    private boolean goneAll;
    private final List<String> shows = new ArrayList<>();
    private final List<String> hides = new ArrayList<>();

    Builder(String id, String family, String file, int line, String fixture) {
      this.id = id;
      this.family = family;
      this.file = file;
      this.line = line;
      this.fixture = fixture;
    }

    void add(String line, String where) {
      if (line.startsWith("> ")) {
        messages.add(line.substring(2));
        asks.add(false);
        says.add(new ArrayList<>());
      } else if (line.startsWith("< ")) {
        if (messages.isEmpty()) {
          throw new IllegalArgumentException(where + ": '<' before any message");
        }
        String what = line.substring(2).strip();
        int last = messages.size() - 1;
        if (what.equals("asks")) {
          asks.set(last, true);
        } else if (what.startsWith("says ")) {
          says.get(last).add(what.substring("says ".length()).strip());
        } else {
          throw new IllegalArgumentException(where + ": expected '< asks' or '< says <text>'");
        }
      } else if (line.startsWith("given ")) {
        given.add(TaskSpec.parse(line.substring("given ".length()), where));
      } else if (line.startsWith("calls ")) {
        if (calls != null) {
          throw new IllegalArgumentException(where + ": two calls lines");
        }
        calls = line.substring("calls ".length()).strip();
      } else if (line.startsWith("task ")) {
        tasks.add(TaskSpec.parse(line.substring("task ".length()), where));
      } else if (line.equals("gone all")) {
        goneAll = true;
      } else if (line.startsWith("gone? ")) {
        maybeGone.add(line.substring("gone? ".length()).strip());
      } else if (line.startsWith("gone ")) {
        gone.add(line.substring("gone ".length()).strip());
      } else if (line.startsWith("shows ")) {
        shows.addAll(list(line.substring("shows ".length())));
      } else if (line.startsWith("hides ")) {
        hides.addAll(list(line.substring("hides ".length())));
      } else {
        throw new IllegalArgumentException(where + ": unknown line '" + line + "'");
      }
    }

    private static List<String> list(String text) {
      List<String> items = new ArrayList<>();
      for (String s : text.split(";")) {
        if (!s.isBlank()) {
          items.add(s.strip());
        }
      }
      return items;
    }

    Case build() {
      String where = file + ":" + line + " (" + id + ")";
      if (messages.isEmpty()) {
        throw new IllegalArgumentException(where + ": no message");
      }
      if (calls == null) {
        throw new IllegalArgumentException(where + ": no calls line");
      }
      List<Turn> turns = new ArrayList<>();
      for (int k = 0; k < messages.size(); k++) {
        turns.add(new Turn(messages.get(k), asks.get(k), List.copyOf(says.get(k))));
      }
      return new Case(
          id,
          family,
          file,
          line,
          fixture,
          List.copyOf(given),
          List.copyOf(turns),
          calls,
          List.copyOf(tasks),
          List.copyOf(gone),
          List.copyOf(maybeGone),
          goneAll,
          List.copyOf(shows),
          List.copyOf(hides));
    }
  }
}
