package dev.todoai.adapter.out.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todoai.adapter.out.assistant.DateGrammar.ReminderTime;
import dev.todoai.adapter.out.assistant.Edit.DueEdit;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a message is understood as, before any tool is called: the intent and its target, summed up
 * in a line. Tuesday 2026-12-01 14:00 in Berlin.
 */
class InterpreterTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final Instant NOW = Instant.parse("2026-12-01T13:00:00Z");

  static Stream<Arguments> messages() {
    return Stream.of(
        // follow-ups about the task in focus
        row("make it high priority", "change it: priority high"),
        row("Make It Urgent", "change it: priority urgent"),
        row("move it to thursday", "change it: due 2026-12-03"),
        row("change the time to 8pm", "change (focus): time 20:00"),
        row("at 4pm tomorrow", "change (focus): due 2026-12-02 16:00"),
        row("#pets", "change (focus): tags +pets"),
        row("done with it", "complete it"),
        row("delete that one", "delete it"),
        row("that's urgent btw", "change it: priority urgent"),
        row("sorry, I meant thursday", "change (focus): due 2026-12-03"),
        row("put that down for friday morning", "change it: due 2026-12-04 09:00"),
        row("do it tomorrow instead", "change it: due 2026-12-02"),
        row("the first one is done", "complete #1"),
        row("move the last one to next monday", "change #-1: due 2026-12-07"),
        row("mark the first two as done", "complete #1x2"),
        row("move all of them to saturday", "change them: due 2026-12-05"),
        row("delete the second and third ones", "delete several 2"),
        row(
            "can you move my dentist appointment from thursday to friday",
            "change 'my dentist appointment': due 2026-12-04"),
        row("set a due date for the report: next wednesday", "change 'the report': due 2026-12-02"),
        row("priority high for the tax return", "change 'the tax return': priority high"),
        // statements about a task
        row(
            "the quarterly report is no longer urgent",
            "change 'the quarterly report': priority medium"),
        row("the rent is due friday, not thursday", "change 'the rent': due 2026-12-04"),
        row(
            "take the travel tag off the passport renewal",
            "change 'the passport renewal': tags -travel"),
        row("clear the due date of paint the shed", "change 'paint the shed': no due"),
        row("stop repeating the recycling task", "change 'the recycling task': no recurrence"),
        row("the recycling doesn't repeat anymore", "change 'the recycling': no recurrence"),
        row("make the standup repeat every weekday", "change 'the standup': every weekday"),
        row(
            "add a note to the visa application: bring two photos",
            "change 'the visa application': note 'bring two photos'"),
        row("put finance on the tax return", "change 'the tax return': tags +finance"),
        row(
            "visa application isn't travel, it's admin",
            "change 'visa application': tags +admin -travel"),
        row("the dentist is 30 minutes later", "change 'the dentist': shift 30 minutes"),
        row(
            "the vet appointment got moved to monday",
            "change 'the vet appointment': due 2026-12-07"),
        row("the software licence has no deadline", "change 'the software licence': no due"),
        row("the tap is fixed", "complete 'the tap'"),
        row("I sent the Acme invoice", "complete 'send the Acme invoice'"),
        row("I'm done with the report", "complete 'the report'"),
        // reminders
        row(
            "set a reminder 45 minutes before the dentist",
            "remind 'the dentist': 45 minutes before"),
        row("ping me about the invoice friday at 10", "remind 'the invoice': at 2026-12-04 10:00"),
        row("remind me the evening before the dentist", "remind 'the dentist': day-1 19:00"),
        row("ping me the day before the team dinner", "remind 'the team dinner': day-1 09:00"),
        row("remind me about the dentist at 8am on the day", "remind 'the dentist': day-0 08:00"),
        row("remind me an hour before", "remind (focus): 1 hour before"),
        row("don't remind me about the rent", "unremind 'the rent'"),
        row("remind me to call mom at 6pm", "remind-to 'call mom' 2026-12-01 18:00"),
        row(
            "every friday remind me to submit the timesheet",
            "remind-to 'submit the timesheet' 2026-12-04 every"),
        // deletes, safety, undo
        row("get rid of the gym membership thing", "delete 'the gym membership thing'"),
        row("i don't need the gym thing anymore", "delete 'the gym thing'"),
        row("delete all my travel tasks", "delete filter"),
        row("delete everything", "delete filter"),
        row("please remove both the shed and the gutters tasks", "delete several 2"),
        row("undo", "undo"),
        row("scratch that", "undo"),
        // queries
        row("what's next?", "query next"),
        row("what did I finish this week?", "query completed-since"),
        row("look up anything about the boiler", "query search 'boiler'"),
        row("how many tasks do I have left?", "query count"),
        row("what's due before christmas", "query due ..2026-12-24"),
        row("show me my tasks for this weekend", "query due 2026-12-05..2026-12-06"),
        row("what is the meaning of life", "lookup"),
        row("what's due in december", "query due 2026-12-01..2026-12-31"),
        // adding
        row("add renew the lease as a top-priority item", "create 'renew the lease' urgent"),
        row(
            "file clean the fridge under home and garden",
            "tag-or-create 'clean the fridge' +home +garden"),
        row("schedule a call with Tom for wednesday at 2", "change-or-create 'a call with Tom'"),
        row("remind me to stretch every hour", "unknown"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void messageIsUnderstoodAs(String message, String expected) {
    Intent intent = new Interpreter(BERLIN, NOW, new QuickAddParser()).read(message);

    assertThat(summary(intent)).isEqualTo(expected);
  }

  private static Arguments row(String message, String expected) {
    return Arguments.of(message, expected);
  }

  // ---- a short text for an intent ----

  static String summary(Intent intent) {
    if (intent instanceof Intent.Change c) {
      return "change " + target(c.target()) + ": " + edit(c.edit());
    }
    if (intent instanceof Intent.Complete c) {
      return (c.done() ? "complete " : "reopen ") + target(c.target());
    }
    if (intent instanceof Intent.Delete d) {
      return "delete " + target(d.target());
    }
    if (intent instanceof Intent.Remind r) {
      return "remind "
          + target(r.target())
          + ": "
          + String.join(", ", r.times().stream().map(InterpreterTest::time).toList());
    }
    if (intent instanceof Intent.Unremind u) {
      return "unremind " + target(u.target());
    }
    if (intent instanceof Intent.RemindToDo r) {
      QuickAdd q = r.task();
      return "remind-to '"
          + q.title()
          + "' "
          + q.dueDate()
          + (q.dueTime() == null ? "" : " " + q.dueTime())
          + (q.recurrence() == null ? "" : " every");
    }
    if (intent instanceof Intent.Undo) {
      return "undo";
    }
    if (intent instanceof Intent.Lookup) {
      return "lookup";
    }
    if (intent instanceof Intent.Query q) {
      ListQuery l = q.query();
      if (l.count()) {
        return "query count";
      }
      if (l.completedSince() != null) {
        return "query completed-since";
      }
      if (l.search() != null) {
        return "query search '" + l.search() + "'";
      }
      if ("due".equals(l.sortBy()) && l.limit() != null) {
        return "query next";
      }
      return "query due "
          + (l.dueAfter() == null ? "" : l.dueAfter())
          + ".."
          + (l.dueBefore() == null ? "" : l.dueBefore());
    }
    if (intent instanceof Intent.Create c) {
      return "create '"
          + c.task().title()
          + "'"
          + (c.task().priority() == null ? "" : " " + c.task().priority());
    }
    if (intent instanceof Intent.TagOrCreate tc) {
      return "tag-or-create '"
          + tc.create().title()
          + "'"
          + String.join("", tc.tags().stream().map(t -> " +" + t).toList());
    }
    if (intent instanceof Intent.ChangeOrCreate cc) {
      return "change-or-create " + target(cc.target());
    }
    if (intent instanceof Intent.Unknown) {
      return "unknown";
    }
    return intent.toString();
  }

  private static String target(Target t) {
    if (t instanceof Target.Implicit) {
      return "(focus)";
    }
    if (t instanceof Target.Pronoun p) {
      return p.plural() ? "them" : "it";
    }
    if (t instanceof Target.Ordinal o) {
      return "#" + o.n() + (o.count() > 1 ? "x" + o.count() : "");
    }
    if (t instanceof Target.Text x) {
      return "'" + x.phrase() + "'";
    }
    if (t instanceof Target.Several s) {
      return "several " + s.parts().size();
    }
    if (t instanceof Target.Filter) {
      return "filter";
    }
    return t.toString();
  }

  private static String edit(Edit e) {
    List<String> parts = new ArrayList<>();
    if (e.title() != null) {
      parts.add("title '" + e.title() + "'");
    }
    if (e.due() instanceof DueEdit.Set s) {
      parts.add("due " + s.when().date() + (s.when().time() == null ? "" : " " + s.when().time()));
    } else if (e.due() instanceof DueEdit.Clear) {
      parts.add("no due");
    } else if (e.due() instanceof DueEdit.Time tm) {
      parts.add("time " + tm.time());
    } else if (e.due() instanceof DueEdit.Shift sh) {
      parts.add("shift " + (sh.earlier() ? "-" : "") + sh.by().describe());
    }
    if (e.priority() != null) {
      parts.add("priority " + e.priority());
    }
    if (!e.addTags().isEmpty() || !e.removeTags().isEmpty()) {
      parts.add(
          "tags"
              + String.join("", e.addTags().stream().map(t -> " +" + t).toList())
              + String.join("", e.removeTags().stream().map(t -> " -" + t).toList()));
    }
    if (e.clearRecurrence()) {
      parts.add("no recurrence");
    } else if (e.recurrence() != null) {
      parts.add(e.recurrence().describe());
    }
    if (e.description() != null) {
      parts.add((e.appendDescription() ? "note '" : "description '") + e.description() + "'");
    }
    return String.join(", ", parts);
  }

  private static String time(ReminderTime t) {
    if (t.beforeDue() != null) {
      return t.beforeDue().describe() + " before";
    }
    if (t.dayBefore() != null) {
      return "day-" + t.daysBefore() + " " + t.dayBefore();
    }
    return "at " + t.at().date() + " " + t.at().time();
  }
}
