package dev.todoai.adapter.out.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todoai.adapter.out.assistant.FakeTools.Call;
import dev.todoai.application.port.out.AssistantPort.AssistantReply;
import dev.todoai.application.port.out.AssistantPort.AssistantRequest;
import dev.todoai.domain.shared.UserId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the rule-based assistant answers, and when it must not change anything. */
class RuleBasedAssistantRepliesTest {

  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private final RuleBasedAssistant assistant = new RuleBasedAssistant(new QuickAddParser());

  private AssistantReply ask(String message, FakeTools tools) {
    return assistant.respond(
        new AssistantRequest(new UserId("u1"), BERLIN, NOW, List.of(), message), tools);
  }

  @Test
  void addReplySummarisesRecurrencePriorityTagsAndReminder() {
    AssistantReply reply =
        ask(
            "add pay rent every month on the 1st at 9am p1 #home remind me 1 day before",
            new FakeTools());

    assertThat(reply.text())
        .isEqualTo(
            "Added “pay rent” — every month on the 1st at 09:00, urgent, #home, reminder 1 day"
                + " before.");
    assertThat(reply.toolCalls()).extracting(r -> r.tool()).containsExactly("add_task");
  }

  @Test
  void addReplyNamesTheDueDay() {
    assertThat(ask("buy milk tomorrow", new FakeTools()).text())
        .isEqualTo("Added “buy milk” — due tomorrow.");
    assertThat(ask("call Bob next monday 3pm", new FakeTools()).text())
        .isEqualTo("Added “call Bob” — due Mon 30 Nov at 15:00.");
  }

  @Test
  void severalOpenMatchesAreListedAndNothingIsCompleted() {
    FakeTools tools =
        new FakeTools()
            .searchFinds(
                "rent",
                List.of(
                    FakeTools.task(1L, "pay rent", false),
                    FakeTools.task(2L, "rent a car", false)));

    AssistantReply reply = ask("complete rent", tools);

    assertThat(tools.calls).extracting(Call::tool).containsExactly("search_tasks");
    assertThat(reply.text())
        .contains("2 tasks match “rent”")
        .contains("“pay rent” (#1")
        .contains("“rent a car” (#2")
        .contains("Which one");
  }

  @Test
  void exactTitleMatchWinsOverPartialMatches() {
    FakeTools tools =
        new FakeTools()
            .searchFinds(
                "pay rent",
                List.of(
                    FakeTools.task(1L, "pay rent for garage", false),
                    FakeTools.task(2L, "Pay rent", false)));

    AssistantReply reply = ask("complete pay rent", tools);

    assertThat(tools.calls)
        .containsExactly(
            new Call("search_tasks", Map.of("query", "pay rent")),
            new Call("complete_task", Map.of("task_id", 2L)));
    assertThat(reply.text()).isEqualTo("Completed “Pay rent”.");
  }

  @Test
  void completedTasksAreIgnoredWhenCompleting() {
    FakeTools tools =
        new FakeTools()
            .searchFinds(
                "pay rent",
                List.of(
                    FakeTools.task(1L, "pay rent", true), FakeTools.task(2L, "pay rent", false)));

    ask("done pay rent", tools);

    assertThat(tools.calls.get(1)).isEqualTo(new Call("complete_task", Map.of("task_id", 2L)));
  }

  @Test
  void noMatchSaysSoAndChangesNothing() {
    FakeTools tools = new FakeTools().searchFinds("walk the dog", List.of());

    AssistantReply reply = ask("complete walk the dog", tools);

    assertThat(tools.calls).extracting(Call::tool).containsExactly("search_tasks");
    assertThat(reply.text()).isEqualTo("I couldn't find an open task matching “walk the dog”.");
  }

  @Test
  void listReplyCountsAndShowsTheTasks() {
    FakeTools tools =
        new FakeTools()
            .listReturns(
                List.of(
                    FakeTools.task(1L, "pay rent", false),
                    FakeTools.task(2L, "call mom", false),
                    FakeTools.task(3L, "buy milk", false)));

    AssistantReply reply = ask("what's due this week?", tools);

    assertThat(reply.text())
        .startsWith("You have 3 open tasks due this week:")
        .contains("\n• “pay rent” (#1, due Fri 27 Nov, #errands)");
  }

  @Test
  void emptyListSaysThereIsNothing() {
    assertThat(ask("what's overdue?", new FakeTools()).text())
        .isEqualTo("You have no overdue tasks.");
  }

  @Test
  void toolErrorIsExplained() {
    FakeTools tools = new FakeTools().failing("add_task", "due_date: must be a date");

    AssistantReply reply = ask("buy milk tomorrow", tools);

    assertThat(reply.text())
        .isEqualTo("Sorry, I couldn't add “buy milk”: due_date: must be a date");
    assertThat(reply.toolCalls().get(0).result().isError()).isTrue();
  }

  @Test
  void notUnderstoodMessageGetsExamplesAndNoToolCall() {
    FakeTools tools = new FakeTools();

    AssistantReply reply = ask("tell me a joke about penguins", tools);

    assertThat(tools.calls).isEmpty();
    assertThat(reply.toolCalls()).isEmpty();
    assertThat(reply.text()).contains("didn't understand").contains("what's due this week?");
  }

  @Test
  void moveWithoutAWhenAsksForOne() {
    FakeTools tools = new FakeTools();

    AssistantReply reply = ask("move dentist", tools);

    assertThat(tools.calls).isEmpty();
    assertThat(reply.text()).contains("When should it be due?");
  }

  @Test
  void moveReplyNamesTheNewDue() {
    assertThat(ask("move dentist to friday 3pm", new FakeTools()).text())
        .isEqualTo("Moved “dentist” to Fri 27 Nov at 15:00.");
  }

  @Test
  void quickAddParserIsUsableOnItsOwn() {
    Map<String, Object> args =
        new QuickAddParser().parse("standup every weekday at 9:30 #work", BERLIN, NOW);

    assertThat(args)
        .containsEntry("title", "standup")
        .containsEntry("tags", List.of("work"))
        .containsEntry("due_at", "2026-11-26T09:30:00+01:00")
        .containsEntry("time_zone", "Europe/Berlin")
        .containsEntry("recurrence_rule", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
  }
}
