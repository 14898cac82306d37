package dev.todoai.adapter.out.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todoai.application.port.out.AssistantPort.AssistantRequest;
import dev.todoai.domain.shared.UserId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Phrasings that add a task and the add_task arguments they must give (time zones, DST, relative
 * dates, quick-add syntax). Everything else is judged by its effect in {@link
 * RuleBasedAssistantTest} and in the corpus test of the application. Unless a row says otherwise it
 * is Wednesday 2026-11-25 11:00 in Berlin (10:00 UTC) and there are no tasks yet.
 */
class RuleBasedAssistantPhrasingsTest {

  static final Instant WED = Instant.parse("2026-11-25T10:00:00Z");
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final String TZ = "Europe/Berlin";

  /** Tuesday 2026-10-20 10:00 in Berlin, still summer time (DST ends Sunday 2026-10-25). */
  static final Instant BEFORE_DST_END = Instant.parse("2026-10-20T08:00:00Z");

  /** Thursday 2026-11-26 00:30 in Berlin, still Wednesday in UTC. */
  static final Instant AFTER_MIDNIGHT_BERLIN = Instant.parse("2026-11-25T23:30:00Z");

  /** Wednesday 2027-03-10 10:00 in New York, before DST starts on 2027-03-14. */
  static final Instant NY_BEFORE_DST_START = Instant.parse("2027-03-10T15:00:00Z");

  static Stream<Arguments> phrasings() {
    return Stream.of(
        // ---- adding ----
        row(
            "add pay rent every month on the 1st at 9am p1 #home remind me 1 day before",
            add(
                "title",
                "pay rent",
                "priority",
                "urgent",
                "tags",
                List.of("home"),
                "due_at",
                "2026-12-01T09:00:00+01:00",
                "time_zone",
                TZ,
                "recurrence_rule",
                "FREQ=MONTHLY;BYMONTHDAY=1",
                "reminders",
                List.of(Map.of("before_due", "P1D")))),
        row(
            "buy milk tomorrow",
            add("title", "buy milk", "due_date", "2026-11-26", "time_zone", TZ)),
        row(
            "remind me to call mom at 6pm",
            add(
                "title",
                "call mom",
                "due_at",
                "2026-11-25T18:00:00+01:00",
                "time_zone",
                TZ,
                "reminders",
                List.of(Map.of("before_due", "PT0S")))),
        row(
            "call Bob next monday 3pm",
            add("title", "call Bob", "due_at", "2026-11-30T15:00:00+01:00", "time_zone", TZ)),
        row(
            "submit report by friday",
            add("title", "submit report", "due_date", "2026-11-27", "time_zone", TZ)),
        row(
            "pay bills on dec 5",
            add("title", "pay bills", "due_date", "2026-12-05", "time_zone", TZ)),
        row(
            "water plants every 2 days",
            add(
                "title",
                "water plants",
                "due_date",
                "2026-11-25",
                "time_zone",
                TZ,
                "recurrence_rule",
                "FREQ=DAILY;INTERVAL=2")),
        row(
            "standup every weekday at 9:30",
            add(
                "title",
                "standup",
                "due_at",
                "2026-11-26T09:30:00+01:00",
                "time_zone",
                TZ,
                "recurrence_rule",
                "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR")),
        row(
            "gym every monday and thursday at 7am",
            add(
                "title",
                "gym",
                "due_at",
                "2026-11-26T07:00:00+01:00",
                "time_zone",
                TZ,
                "recurrence_rule",
                "FREQ=WEEKLY;BYDAY=MO,TH")),
        row(
            "dentist on 2026-12-03 at 14:30",
            add("title", "dentist", "due_at", "2026-12-03T14:30:00+01:00", "time_zone", TZ)),
        row(
            "#work #urgent finish slides",
            add("title", "finish slides", "tags", List.of("work", "urgent"))),
        row("add buy oat milk", add("title", "buy oat milk")),
        row(
            "add task: renew passport in 2 weeks",
            add("title", "renew passport", "due_date", "2026-12-09", "time_zone", TZ)),
        row(
            "call the bank in 2 hours",
            add("title", "call the bank", "due_at", "2026-11-25T13:00:00+01:00", "time_zone", TZ)),
        row("book flights high priority", add("title", "book flights", "priority", "high")),
        row("clean garage !!", add("title", "clean garage", "priority", "high")),
        row(
            "file taxes p2 #finance due dec 31",
            add(
                "title",
                "file taxes",
                "priority",
                "high",
                "tags",
                List.of("finance"),
                "due_date",
                "2026-12-31",
                "time_zone",
                TZ)),
        row(
            "team lunch friday at noon",
            add("title", "team lunch", "due_at", "2026-11-27T12:00:00+01:00", "time_zone", TZ)),
        row(
            "pay invoice at 9am",
            add("title", "pay invoice", "due_at", "2026-11-26T09:00:00+01:00", "time_zone", TZ)),
        row(
            "newsletter every first monday of the month at 10am",
            add(
                "title",
                "newsletter",
                "due_at",
                "2026-12-07T10:00:00+01:00",
                "time_zone",
                TZ,
                "recurrence_rule",
                "FREQ=MONTHLY;BYDAY=1MO")),
        row(
            "review budget every last day of the month",
            add(
                "title",
                "review budget",
                "due_date",
                "2026-11-30",
                "time_zone",
                TZ,
                "recurrence_rule",
                "FREQ=MONTHLY;BYMONTHDAY=-1")),
        row(
            "mom's birthday every year on march 14",
            add(
                "title",
                "mom's birthday",
                "due_date",
                "2027-03-14",
                "time_zone",
                TZ,
                "recurrence_rule",
                "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=14")),
        row(
            "take out trash every tuesday",
            add(
                "title",
                "take out trash",
                "due_date",
                "2026-12-01",
                "time_zone",
                TZ,
                "recurrence_rule",
                "FREQ=WEEKLY;BYDAY=TU")),
        row(
            "status report every friday at 4pm remind me 2 hours before",
            add(
                "title",
                "status report",
                "due_at",
                "2026-11-27T16:00:00+01:00",
                "time_zone",
                TZ,
                "recurrence_rule",
                "FREQ=WEEKLY;BYDAY=FR",
                "reminders",
                List.of(Map.of("before_due", "PT2H")))),
        row(
            "stretch every morning",
            add(
                "title",
                "stretch",
                "due_at",
                "2026-11-26T09:00:00+01:00",
                "time_zone",
                TZ,
                "recurrence_rule",
                "FREQ=DAILY")),
        row(
            "pay rent monthly on the 1st",
            add(
                "title",
                "pay rent",
                "due_date",
                "2026-12-01",
                "time_zone",
                TZ,
                "recurrence_rule",
                "FREQ=MONTHLY;BYMONTHDAY=1")),
        row(
            "backup every other week on sunday",
            add(
                "title",
                "backup",
                "due_date",
                "2026-11-29",
                "time_zone",
                TZ,
                "recurrence_rule",
                "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU")),
        row(
            "meds daily at 8pm until dec 31",
            add(
                "title",
                "meds",
                "due_at",
                "2026-11-25T20:00:00+01:00",
                "time_zone",
                TZ,
                "recurrence_rule",
                "FREQ=DAILY;UNTIL=20261231T225959Z")),
        row(
            "call grandma sunday afternoon",
            add("title", "call grandma", "due_at", "2026-11-29T15:00:00+01:00", "time_zone", TZ)),
        row(
            "renew insurance on the 15th",
            add("title", "renew insurance", "due_date", "2026-12-15", "time_zone", TZ)),
        row(
            "submit timesheet end of month",
            add("title", "submit timesheet", "due_date", "2026-11-30", "time_zone", TZ)),
        row("urgent call plumber", add("title", "call plumber", "priority", "urgent")),
        row(
            "remind me to stretch tomorrow morning",
            add(
                "title",
                "stretch",
                "due_at",
                "2026-11-26T09:00:00+01:00",
                "time_zone",
                TZ,
                "reminders",
                List.of(Map.of("before_due", "PT0S")))),
        row(
            "call dentist tomorrow at 10 remind me 30 minutes before",
            add(
                "title",
                "call dentist",
                "due_at",
                "2026-11-26T10:00:00+01:00",
                "time_zone",
                TZ,
                "reminders",
                List.of(Map.of("before_due", "PT30M")))),
        row(
            "please add \"read chapter 5\" every weekend",
            add(
                "title",
                "read chapter 5",
                "due_date",
                "2026-11-28",
                "time_zone",
                TZ,
                "recurrence_rule",
                "FREQ=WEEKLY;BYDAY=SA,SU")),
        // ---- DST and zones ----
        rowAt(
            BEFORE_DST_END,
            BERLIN,
            "dentist on 2026-10-28 at 9am",
            add("title", "dentist", "due_at", "2026-10-28T09:00:00+01:00", "time_zone", TZ)),
        rowAt(
            BEFORE_DST_END,
            BERLIN,
            "call mom next monday at 9am",
            add("title", "call mom", "due_at", "2026-10-26T09:00:00+01:00", "time_zone", TZ)),
        rowAt(
            BEFORE_DST_END,
            BERLIN,
            "team sync tomorrow at 10:00",
            add("title", "team sync", "due_at", "2026-10-21T10:00:00+02:00", "time_zone", TZ)),
        rowAt(
            NY_BEFORE_DST_START,
            ZoneId.of("America/New_York"),
            "call bank on march 15 at 9am",
            add(
                "title",
                "call bank",
                "due_at",
                "2027-03-15T09:00:00-04:00",
                "time_zone",
                "America/New_York")),
        rowAt(
            AFTER_MIDNIGHT_BERLIN,
            BERLIN,
            "buy milk tomorrow",
            add("title", "buy milk", "due_date", "2026-11-27", "time_zone", TZ)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("phrasings")
  void phrasingAddsTheExpectedTask(
      String message, Instant now, ZoneId zone, List<Map<String, Object>> expected) {
    InMemoryTools tools = new InMemoryTools(now);

    String reply =
        new RuleBasedAssistant(new QuickAddParser())
            .respond(new AssistantRequest(new UserId("u1"), zone, now, List.of(), message), tools)
            .text();

    List<Map<String, Object>> adds =
        tools.calls.stream()
            .filter(c -> c.tool().equals("add_task"))
            .map(InMemoryTools.Call::arguments)
            .toList();
    assertThat(adds).as(reply).isEqualTo(expected);
  }

  private static Arguments row(String message, Map<String, Object> addTask) {
    return rowAt(WED, BERLIN, message, addTask);
  }

  private static Arguments rowAt(
      Instant now, ZoneId zone, String message, Map<String, Object> addTask) {
    return Arguments.of(message, now, zone, List.of(addTask));
  }

  private static Map<String, Object> add(Object... pairs) {
    Map<String, Object> args = new LinkedHashMap<>();
    for (int k = 0; k < pairs.length; k += 2) {
      args.put((String) pairs[k], pairs[k + 1]);
    }
    return args;
  }
}
