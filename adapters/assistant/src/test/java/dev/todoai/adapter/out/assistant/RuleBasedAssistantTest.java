package dev.todoai.adapter.out.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todoai.application.port.out.AssistantPort.AssistantReply;
import dev.todoai.application.port.out.AssistantPort.AssistantRequest;
import dev.todoai.domain.shared.UserId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rule-based assistant over an in-memory tool layer: what a conversation does to the tasks,
 * what it says, and that everything it remembers travels in the state it hands back. Tuesday
 * 2026-12-01 14:00 in Berlin.
 */
class RuleBasedAssistantTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final Instant NOW = Instant.parse("2026-12-01T13:00:00Z");

  private final InMemoryTools tools = new InMemoryTools(NOW);

  /** A conversation: each turn gets the state the previous one handed back, nothing else. */
  private final class Chat {
    String state;
    AssistantReply last;

    String say(String message) {
      // a new assistant every turn: all memory must be in the state
      last =
          new RuleBasedAssistant(new QuickAddParser())
              .respond(
                  new AssistantRequest(new UserId("u1"), BERLIN, NOW, List.of(), message, state),
                  tools);
      if (last.state() != null) {
        state = last.state();
      }
      return last.text();
    }
  }

  private long seed(Object... pairs) {
    Map<String, Object> args = new java.util.LinkedHashMap<>();
    for (int k = 0; k < pairs.length; k += 2) {
      args.put((String) pairs[k], pairs[k + 1]);
    }
    args.putIfAbsent("time_zone", "Europe/Berlin");
    return tools.seed(args);
  }

  @Test
  void anAddIsOneLineWithItsDetails() {
    Chat chat = new Chat();

    String reply = chat.say("add water the ferns thursday p2 #garden");

    assertThat(reply).isEqualTo("Added “water the ferns”, due Thu Dec 3, high priority, #garden.");
    assertThat(chat.last.toolCalls()).extracting(c -> c.tool()).containsExactly("add_task");
  }

  @Test
  void itIsTheTaskJustAddedAndEachFollowUpChangesIt() {
    Chat chat = new Chat();
    chat.say("add water the ferns");
    long id = ((Number) tools.byTitle("water the ferns").get("id")).longValue();

    assertThat(chat.say("make it high priority"))
        .isEqualTo("Updated “water the ferns”: high priority.");
    chat.say("move it to thursday");
    chat.say("tag it garden");
    chat.say("change the time to 8pm");

    Map<String, Object> task = tools.task(id);
    assertThat(task.get("priority")).isEqualTo("high");
    assertThat(task.get("tags")).isEqualTo(List.of("garden"));
    assertThat(task.get("due_at")).isEqualTo("2026-12-03T19:00:00Z");
    assertThat(tools.all()).hasSize(1);

    assertThat(chat.say("done with it")).isEqualTo("Completed “water the ferns”.");
    assertThat(tools.task(id).get("completed")).isEqualTo(true);
  }

  @Test
  void theFirstAndTheLastOneAreThoseOfTheLastList() {
    seed("title", "buy stamps", "due_date", "2026-12-02", "tags", List.of("errands"));
    seed("title", "pick up parcel", "due_date", "2026-12-03", "tags", List.of("errands"));
    long drill =
        seed("title", "return the drill", "due_date", "2026-12-05", "tags", List.of("errands"));
    Chat chat = new Chat();

    String list = chat.say("show my errands");
    chat.say("move the last one to next monday");

    assertThat(list).startsWith("You have 3 ").contains("buy stamps", "pick up parcel");
    assertThat(tools.task(drill).get("due_date")).isEqualTo("2026-12-07");
  }

  @Test
  void anAmbiguousReferenceIsAskedAndTheAnswerIsUnderstoodNextTurn() {
    seed("title", "call mom", "due_date", "2026-12-02");
    long bank = seed("title", "call the bank", "due_date", "2026-12-04");
    seed("title", "call the plumber");
    Chat chat = new Chat();

    String question = chat.say("mark call done");

    assertThat(question)
        .startsWith("Which one do you mean?")
        .contains("1. “call mom”", "2. “call the bank”", "3. “call the plumber”");
    assertThat(tools.changingCalls()).isEmpty();

    assertThat(chat.say("the bank one")).isEqualTo("Completed “call the bank”.");
    assertThat(tools.task(bank).get("completed")).isEqualTo(true);
    assertThat(tools.all().stream().filter(t -> Boolean.TRUE.equals(t.get("completed"))))
        .hasSize(1);
  }

  @Test
  void anAnswerByPositionAndNeverMindBothWork() {
    long mom = seed("title", "call mom", "due_date", "2026-12-02");
    seed("title", "call the bank", "due_date", "2026-12-04");
    Chat chat = new Chat();

    chat.say("move call to friday");
    chat.say("the first one");
    assertThat(tools.task(mom).get("due_date")).isEqualTo("2026-12-04");

    chat.say("complete the call task");
    assertThat(chat.say("never mind")).isEqualTo("OK, never mind.");
    assertThat(tools.all().stream().noneMatch(t -> Boolean.TRUE.equals(t.get("completed"))))
        .isTrue();
    // the question is gone: "the second one" is now about the last list, not an answer
    assertThat(chat.state).doesNotContain("\"pending\"");
  }

  @Test
  void deletingSeveralTasksOrARepeatingOneAsksFirst() {
    seed("title", "renew passport", "tags", List.of("travel"));
    seed("title", "visa application", "tags", List.of("travel"));
    long recycling =
        seed(
            "title",
            "take out the recycling",
            "due_date",
            "2026-12-03",
            "recurrence_rule",
            "FREQ=WEEKLY;BYDAY=TH");
    Chat chat = new Chat();

    assertThat(chat.say("delete all my travel tasks")).startsWith("Delete these 2 tasks?");
    assertThat(chat.say("no")).isEqualTo("OK, I left everything as it was.");
    assertThat(tools.all()).hasSize(3);

    chat.say("delete all my travel tasks");
    assertThat(chat.say("yes")).isEqualTo("Deleted “renew passport” and “visa application”.");
    assertThat(tools.all()).hasSize(1);

    assertThat(chat.say("delete the recycling")).contains("Delete the whole series?");
    assertThat(tools.task(recycling)).isNotNull();
    chat.say("yes please");
    assertThat(tools.all()).isEmpty();
  }

  @Test
  void undoRevertsAnAddAnEditACompletionADeleteAndAReminder() {
    long rent =
        seed(
            "title",
            "pay rent",
            "due_date",
            "2026-12-03",
            "priority",
            "high",
            "tags",
            List.of("home"),
            "reminders",
            List.of(Map.of("before_due", "P1D")));
    Chat chat = new Chat();

    chat.say("add buy milk");
    assertThat(chat.say("undo")).isEqualTo("Undone: I reverted adding “buy milk”.");
    assertThat(tools.byTitle("buy milk")).isNull();

    chat.say("move pay rent to friday");
    chat.say("undo");
    assertThat(tools.task(rent).get("due_date")).isEqualTo("2026-12-03");

    chat.say("complete pay rent");
    chat.say("undo that");
    assertThat(tools.task(rent).get("completed")).isEqualTo(false);

    chat.say("remind me about pay rent 2 hours before");
    assertThat(tools.remindersOf(rent)).hasSize(2);
    chat.say("undo");
    assertThat(tools.remindersOf(rent)).hasSize(1);

    chat.say("delete pay rent");
    assertThat(tools.byTitle("pay rent")).isNull();
    chat.say("oops, undo");
    Map<String, Object> back = tools.byTitle("pay rent");
    assertThat(back.get("due_date")).isEqualTo("2026-12-03");
    assertThat(back.get("priority")).isEqualTo("high");
    assertThat(back.get("tags")).isEqualTo(List.of("home"));
    assertThat(tools.remindersOf(((Number) back.get("id")).longValue()))
        .singleElement()
        .satisfies(r -> assertThat(r.get("before_due")).isEqualTo("P1D"));

    assertThat(chat.say("undo")).isEqualTo("There's nothing to undo.");
  }

  @Test
  void theQuestionAndTheUndoSurviveAsStateOnly() {
    seed("title", "call mom");
    seed("title", "call the bank");
    Chat first = new Chat();
    first.say("delete the call task");

    // another instance, another "process": only the stored state carries over
    Chat afterRestart = new Chat();
    afterRestart.state = first.state;
    afterRestart.say("call mom");

    assertThat(tools.byTitle("call mom")).isNull();
    assertThat(tools.byTitle("call the bank")).isNotNull();
    afterRestart.say("undo");
    assertThat(tools.byTitle("call mom")).isNotNull();
  }

  @Test
  void statementsChangeTheTaskTheyAreAbout() {
    long report =
        seed("title", "finish quarterly report", "priority", "urgent", "due_date", "2026-12-04");
    long passport = seed("title", "renew passport", "tags", List.of("travel"));
    long shed = seed("title", "paint the shed", "due_date", "2026-12-12");
    long visa = seed("title", "visa application");
    Chat chat = new Chat();

    chat.say("the quarterly report is no longer urgent");
    chat.say("take the travel tag off the passport renewal");
    chat.say("clear the due date of paint the shed");
    chat.say("add a note to the visa application: bring two photos");

    assertThat(tools.task(report).get("priority")).isNotEqualTo("urgent");
    assertThat(tools.task(passport).get("tags")).isEqualTo(List.of());
    assertThat(tools.task(shed).get("due_date")).isNull();
    assertThat(tools.task(visa).get("description")).isEqualTo("bring two photos");
    assertThat(tools.all()).hasSize(4);
  }

  @Test
  void aReminderForAnExistingTaskCountsBackFromItsDue() {
    long dentist = seed("title", "dentist appointment", "due_at", "2026-12-10T15:30:00+01:00");
    Chat chat = new Chat();

    String reply = chat.say("set a reminder 45 minutes before the dentist");

    assertThat(reply)
        .isEqualTo(
            "I'll remind you about “dentist appointment” 45 minutes before it's due (Thu Dec 10"
                + " at 14:45).");
    assertThat(tools.remindersOf(dentist))
        .singleElement()
        .satisfies(r -> assertThat(r.get("before_due")).isEqualTo("PT45M"));
  }

  @Test
  void aToolErrorIsSaidPlainlyAndNothingIsRemembered() {
    seed("title", "pay rent");
    tools.failing("update_task", "version: the task was changed meanwhile");
    Chat chat = new Chat();

    String reply = chat.say("make pay rent urgent");

    assertThat(reply)
        .isEqualTo("Sorry, I couldn't change “pay rent”: version: the task was changed meanwhile");
    assertThat(chat.say("undo")).isEqualTo("There's nothing to undo.");
  }

  @Test
  void aStateThatCannotBeReadIsIgnored() {
    Chat chat = new Chat();
    chat.state = "{not json";

    assertThat(chat.say("add buy bread")).isEqualTo("Added “buy bread”.");
    assertThat(chat.state).startsWith("{\"v\":1");
  }

  @Test
  void somethingNotUnderstoodGetsExamplesAndNoToolCall() {
    Chat chat = new Chat();

    String reply = chat.say("what is the meaning of life");

    assertThat(reply).startsWith("Sorry, I didn't understand that.");
    assertThat(tools.changingCalls()).isEmpty();
  }

  @Test
  void aListIsOneLinePerTaskInDueOrder() {
    seed("title", "pay rent", "due_date", "2026-12-03", "priority", "high");
    seed("title", "team standup", "due_at", "2026-12-02T09:30:00+01:00");
    seed("title", "renew passport", "due_date", "2027-01-15");
    Chat chat = new Chat();

    String reply = chat.say("what's due this week?");

    assertThat(reply)
        .isEqualTo(
            "You have 2 open tasks due this week:\n"
                + "• “team standup” (due tomorrow at 09:30)\n"
                + "• “pay rent” (due Thu Dec 3, high priority)");
  }

  @Test
  void aTaskRecurringEveryHourIsRefused() {
    Chat chat = new Chat();

    String reply = chat.say("remind me to stretch every hour");

    assertThat(reply).contains("at most once a day");
    assertThat(tools.all()).isEmpty();
  }
}
