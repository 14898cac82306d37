package dev.todoai.bootstrap.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todoai.adapter.out.persistence.testsupport.TestDatabase;
import dev.todoai.application.assistant.ToolCallRecord;
import dev.todoai.application.assistant.ToolResult;
import dev.todoai.application.port.in.ChatUseCase;
import dev.todoai.application.port.in.ChatUseCase.ChatCommand;
import dev.todoai.application.port.in.ChatUseCase.ChatReply;
import dev.todoai.application.port.out.QuickAddParserPort;
import dev.todoai.application.port.out.TaskToolsPort;
import dev.todoai.bootstrap.assistant.Corpus.Case;
import dev.todoai.bootstrap.assistant.Corpus.TaskSpec;
import dev.todoai.bootstrap.assistant.Corpus.Turn;
import dev.todoai.bootstrap.assistant.CorpusJudge.Actual;
import dev.todoai.bootstrap.system.RunningApp;
import dev.todoai.domain.shared.UserId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the assistant corpus through the whole application (chat use case, rule-based assistant,
 * task tools, task use cases, embedded PostgreSQL) at a fixed "now", judges every case by the
 * resulting tasks and tool calls, writes {@code target/assistant-corpus/report.md}, and fails when
 * the accuracy of the corpus or of a family drops below the figures recorded in {@code
 * assistant-corpus/accuracy.properties}. {@code -Dcorpus.record=true} records the measured figures
 * instead (raising the bar).
 */
class AssistantCorpusTest {
  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  static final Instant NOW = LocalDateTime.parse("2026-12-01T14:00").atZone(ZONE).toInstant();
  static final String ENDPOINT_FAMILY = "quickadd-endpoint";
  private static final Path RECORDED =
      Path.of("src/test/resources/" + Corpus.DIRECTORY + "accuracy.properties");
  private static final Path REPORT = Path.of("target/assistant-corpus/report.md");
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

  private static RunningApp app;
  private static ChatUseCase chat;
  private static TaskToolsPort tools;
  private static QuickAddParserPort quickAdd;
  private static SettableClock clock;
  private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

  @BeforeAll
  static void start() {
    Map<String, Object> props = new HashMap<>(TestDatabase.properties());
    props.put(SettableClock.PROPERTY, NOW.toString());
    app = RunningApp.start(props);
    chat = app.context().getBean(ChatUseCase.class);
    tools = app.context().getBean(TaskToolsPort.class);
    quickAdd = app.context().getBean(QuickAddParserPort.class);
    clock = app.context().getBean(SettableClock.class);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  /** The outcome of one case: what went wrong and the conversation, for the report. */
  record Outcome(Case c, List<String> problems, List<String> transcript) {}

  @Test
  void accuracyOfTheCorpusDoesNotDropBelowTheRecordedFigures() throws IOException {
    Corpus corpus = Corpus.load();
    assertThat(corpus.cases).hasSizeGreaterThanOrEqualTo(400);
    CorpusJudge judge = new CorpusJudge(ZONE);
    List<Outcome> outcomes = new ArrayList<>();
    String only = System.getProperty("corpus.only", "");
    List<Case> cases =
        corpus.cases.stream()
            .filter(
                c ->
                    only.isBlank()
                        || java.util.Arrays.stream(only.split(","))
                            .anyMatch(p -> c.id().startsWith(p) || c.family().equals(p)))
            .toList();
    for (Case c : cases) {
      outcomes.add(run(corpus, judge, c));
    }
    for (Case c : cases) {
      if (c.family().equals("quickadd")) {
        outcomes.add(runThroughEndpoint(corpus, judge, c));
      }
    }
    Map<String, int[]> tally = tally(outcomes);
    writeReport(tally, outcomes);

    Properties recorded = new Properties();
    if (Files.exists(RECORDED)) {
      try (var in = Files.newBufferedReader(RECORDED, StandardCharsets.UTF_8)) {
        recorded.load(in);
      }
    }
    if (!only.isBlank()) {
      return;
    }
    if (Boolean.getBoolean("corpus.record")) {
      record(tally);
      return;
    }
    List<String> drops = new ArrayList<>();
    for (Map.Entry<String, int[]> e : tally.entrySet()) {
      String floor = recorded.getProperty(e.getKey());
      if (floor != null && percent(e.getValue()) + 1e-9 < Double.parseDouble(floor)) {
        drops.add(e.getKey() + " " + format(percent(e.getValue())) + "% < recorded " + floor + "%");
      }
    }
    assertThat(drops).as("accuracy dropped (see " + REPORT.toAbsolutePath() + ")").isEmpty();
  }

  private static Map<String, int[]> tally(List<Outcome> outcomes) {
    Map<String, int[]> t = new LinkedHashMap<>();
    int[] overall = new int[2];
    t.put("overall", overall);
    for (Outcome o : outcomes) {
      String family = familyOf(o);
      int[] n = t.computeIfAbsent(family, f -> new int[2]);
      n[1]++;
      boolean ok = o.problems().isEmpty();
      if (ok) {
        n[0]++;
      }
      if (!family.equals(ENDPOINT_FAMILY)) {
        overall[1]++;
        if (ok) {
          overall[0]++;
        }
      }
    }
    return t;
  }

  private static String familyOf(Outcome o) {
    return o.transcript().isEmpty() || !o.transcript().get(0).startsWith("[endpoint]")
        ? o.c().family()
        : ENDPOINT_FAMILY;
  }

  static double percent(int[] n) {
    return n[1] == 0 ? 100 : Math.floor(1000.0 * n[0] / n[1]) / 10;
  }

  private static String format(double p) {
    return String.format(Locale.ROOT, "%.1f", p);
  }

  private static void record(Map<String, int[]> tally) throws IOException {
    StringBuilder s = new StringBuilder();
    s.append(
        "# Accuracy (%) of the assistant corpus last recorded; the corpus test fails below it.\n");
    s.append("# Record new figures with: mvn -B -ntp -pl bootstrap -am verify")
        .append(" -Dtest=AssistantCorpusTest -Dsurefire.failIfNoSpecifiedTests=false")
        .append(" -Dcorpus.record=true\n");
    for (Map.Entry<String, int[]> e : tally.entrySet()) {
      s.append(e.getKey()).append('=').append(format(percent(e.getValue()))).append('\n');
    }
    Files.writeString(RECORDED, s.toString(), StandardCharsets.UTF_8);
  }

  private Outcome run(Corpus corpus, CorpusJudge judge, Case c) {
    List<String> transcript = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    UserId user = new UserId("corpus-" + RUN + "-" + c.id());
    Map<String, Actual> seeded;
    try {
      seeded = seed(judge, user, corpus.tasksOf(c));
    } catch (RuntimeException e) {
      return new Outcome(c, List.of("cannot seed: " + e.getMessage()), transcript);
    }
    List<String> changes = new ArrayList<>();
    String lastReply = "";
    Long conversation = null;
    for (Turn turn : c.turns()) {
      transcript.add("> " + turn.message());
      ChatReply reply;
      try {
        reply = chat.chat(new ChatCommand(user, conversation, turn.message(), ZONE));
      } catch (RuntimeException e) {
        problems.add("'" + turn.message() + "' failed: " + e);
        transcript.add("< (" + e + ")");
        break;
      }
      conversation = reply.conversationId();
      lastReply = reply.response();
      transcript.add("< " + lastReply.replace("\n", "\n  "));
      List<String> turnChanges = new ArrayList<>();
      for (ToolCallRecord call : reply.toolCalls()) {
        transcript.add("  · " + call.tool() + " " + call.arguments() + result(call.result()));
        if (CorpusJudge.CHANGING_TOOLS.contains(call.tool())
            && call.result() != null
            && !call.result().isError()) {
          turnChanges.add(call.tool());
        }
      }
      changes.addAll(turnChanges);
      if (turn.asks() && (!lastReply.contains("?") || !turnChanges.isEmpty())) {
        problems.add(
            "'"
                + turn.message()
                + "' should be answered with a question and no change, made "
                + (turnChanges.isEmpty() ? "none" : turnChanges));
      }
      for (String s : turn.says()) {
        if (!lastReply.toLowerCase(Locale.ROOT).contains(s.toLowerCase(Locale.ROOT))) {
          problems.add("the reply to '" + turn.message() + "' does not say '" + s + "'");
        }
      }
    }
    List<Actual> after = read(judge, user);
    problems.addAll(judge.judge(c, seeded, after, changes, lastReply));
    return new Outcome(c, problems, transcript);
  }

  /** The quick-add endpoint's reading of the text (without a leading "add"), then add_task. */
  private Outcome runThroughEndpoint(Corpus corpus, CorpusJudge judge, Case c) {
    List<String> transcript = new ArrayList<>();
    UserId user = new UserId("corpus-" + RUN + "-qa-" + c.id());
    String text = c.turns().get(0).message().strip();
    if (text.toLowerCase(Locale.ROOT).startsWith("add ")) {
      text = text.substring(4);
    }
    transcript.add("[endpoint] " + text);
    Map<String, Actual> seeded = seed(judge, user, corpus.tasksOf(c));
    List<String> changes = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    try {
      Map<String, Object> arguments = quickAdd.parse(text, ZONE, NOW);
      ToolResult r = tools.asUser(user).invoke("add_task", arguments);
      transcript.add("  · add_task " + arguments + result(r));
      if (r.isError()) {
        problems.add("add_task failed: " + r.message());
      } else {
        changes.add("add_task");
      }
    } catch (RuntimeException e) {
      problems.add("the endpoint failed: " + e);
    }
    Case asEndpoint =
        new Case(
            c.id(),
            ENDPOINT_FAMILY,
            c.file(),
            c.line(),
            c.fixture(),
            c.given(),
            c.turns(),
            "add_task",
            c.tasks(),
            c.gone(),
            c.maybeGone(),
            c.goneAll(),
            List.of(),
            List.of());
    problems.addAll(judge.judge(asEndpoint, seeded, read(judge, user), changes, ""));
    return new Outcome(c, problems, transcript);
  }

  private static String result(ToolResult r) {
    if (r == null) {
      return " → (no result)";
    }
    return r.isError() ? " → error: " + r.message() : " → ok";
  }

  // ---- seeding and reading back, through the task tools ----

  private Map<String, Actual> seed(CorpusJudge judge, UserId user, List<TaskSpec> tasks) {
    clock.set(NOW);
    for (TaskSpec t : tasks) {
      Map<String, Object> args = new LinkedHashMap<>();
      args.put("title", t.title());
      args.put("time_zone", ZONE.getId());
      String due = t.fields().get("due");
      if (due != null) {
        if (due.length() == 10) {
          args.put("due_date", due);
        } else {
          args.put("due_at", instant(due).toString());
        }
      }
      putIf(args, "priority", t.fields().get("priority"));
      putIf(args, "description", t.fields().get("description"));
      putIf(args, "recurrence_rule", t.fields().get("rrule"));
      putIf(args, "recurrence_anchor", t.fields().get("anchor"));
      if (t.fields().get("tags") != null) {
        args.put("tags", List.of(t.fields().get("tags").split(",")));
      }
      if (t.fields().get("reminders") != null) {
        List<Map<String, Object>> reminders = new ArrayList<>();
        for (String r : t.fields().get("reminders").split(",")) {
          reminders.add(
              r.startsWith("-")
                  ? Map.of("before_due", r.substring(1))
                  : Map.of("remind_at", instant(r).toString()));
        }
        args.put("reminders", reminders);
      }
      ToolResult added = tools.asUser(user).invoke("add_task", args);
      if (added.isError()) {
        throw new IllegalStateException(t.title() + ": " + added.message());
      }
      String completed = t.fields().get("completed");
      if (completed != null) {
        long id = ((Number) ((Map<?, ?>) added.content()).get("id")).longValue();
        clock.set(instant(completed));
        try {
          ToolResult done = tools.asUser(user).invoke("complete_task", Map.of("task_id", id));
          if (done.isError()) {
            throw new IllegalStateException(t.title() + ": " + done.message());
          }
        } finally {
          clock.set(NOW);
        }
      }
    }
    Map<String, Actual> seeded = new LinkedHashMap<>();
    for (Actual a : read(judge, user)) {
      seeded.put(CorpusJudge.key(a.title()), a);
    }
    return seeded;
  }

  private static void putIf(Map<String, Object> args, String key, String value) {
    if (value != null) {
      args.put(key, value);
    }
  }

  private static Instant instant(String local) {
    return LocalDateTime.parse(local, LOCAL).atZone(ZONE).toInstant();
  }

  private static List<Actual> read(CorpusJudge judge, UserId user) {
    ToolResult listed =
        tools.asUser(user).invoke("list_tasks", Map.of("status", "all", "limit", 200));
    if (listed.isError()) {
      throw new IllegalStateException("list_tasks: " + listed.message());
    }
    List<Actual> tasks = new ArrayList<>();
    for (Object o : (List<?>) ((Map<?, ?>) listed.content()).get("tasks")) {
      Map<?, ?> task = (Map<?, ?>) o;
      ToolResult rems =
          tools.asUser(user).invoke("list_reminders", Map.of("task_id", task.get("id")));
      List<Map<?, ?>> reminders = new ArrayList<>();
      if (!rems.isError()) {
        for (Object r : (List<?>) ((Map<?, ?>) rems.content()).get("reminders")) {
          reminders.add((Map<?, ?>) r);
        }
      }
      tasks.add(judge.actual(task, reminders));
    }
    return tasks;
  }

  // ---- the report ----

  private static void writeReport(Map<String, int[]> tally, List<Outcome> outcomes)
      throws IOException {
    StringBuilder s = new StringBuilder("# Assistant corpus report\n\n");
    s.append("now: ")
        .append(NOW.atZone(ZONE))
        .append(" (")
        .append(LocalDate.ofInstant(NOW, ZONE).getDayOfWeek())
        .append(")\n\n| family | passed | cases | accuracy |\n|---|---|---|---|\n");
    for (Map.Entry<String, int[]> e : tally.entrySet()) {
      int[] n = e.getValue();
      s.append("| ")
          .append(e.getKey())
          .append(" | ")
          .append(n[0])
          .append(" | ")
          .append(n[1])
          .append(" | ")
          .append(format(percent(n)))
          .append("% |\n");
    }
    s.append("\n## Failures\n");
    for (Outcome o : outcomes) {
      if (o.problems().isEmpty()) {
        continue;
      }
      s.append("\n### ")
          .append(o.c().id())
          .append(" (")
          .append(familyOf(o))
          .append(", ")
          .append(o.c().file())
          .append(':')
          .append(o.c().line())
          .append(")\n```\n");
      o.transcript().forEach(line -> s.append(line).append('\n'));
      s.append("```\n");
      o.problems().forEach(p -> s.append("- ").append(p).append('\n'));
    }
    Files.createDirectories(REPORT.getParent());
    Files.writeString(REPORT, s.toString(), StandardCharsets.UTF_8);
    System.out.println("assistant corpus: " + REPORT.toAbsolutePath());
    for (Map.Entry<String, int[]> e : tally.entrySet()) {
      System.out.println(
          "  "
              + e.getKey()
              + ": "
              + e.getValue()[0]
              + "/"
              + e.getValue()[1]
              + " = "
              + format(percent(e.getValue()))
              + "%");
    }
  }
}
