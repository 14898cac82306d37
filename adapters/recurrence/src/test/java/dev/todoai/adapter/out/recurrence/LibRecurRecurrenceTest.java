package dev.todoai.adapter.out.recurrence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todoai.application.port.out.RecurrencePort.Occurrence;
import dev.todoai.domain.shared.InvalidValueException;
import dev.todoai.domain.task.Due;
import dev.todoai.domain.task.RecurrenceRule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LibRecurRecurrenceTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId UTC = ZoneOffset.UTC;

  private final LibRecurRecurrence recurrence = new LibRecurRecurrence();

  /** All-day series: the first dates of the series, start included. */
  @ParameterizedTest(name = "{0} from {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // months without a 31st are skipped (RFC 5545), not shifted
        "FREQ=MONTHLY;BYMONTHDAY=31 | 2026-01-31 | 2026-01-31 2026-03-31 2026-05-31 2026-07-31 2026-08-31",
        "FREQ=MONTHLY | 2026-01-31 | 2026-01-31 2026-03-31 2026-05-31 2026-07-31 2026-08-31",
        "FREQ=MONTHLY;BYMONTHDAY=-1 | 2028-01-31 | 2028-01-31 2028-02-29 2028-03-31 2028-04-30",
        "FREQ=MONTHLY;BYDAY=-1FR | 2026-01-30 | 2026-01-30 2026-02-27 2026-03-27 2026-04-24",
        "FREQ=MONTHLY;BYDAY=2MO | 2026-01-12 | 2026-01-12 2026-02-09 2026-03-09 2026-04-13",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29 | 2028-02-29 | 2028-02-29 2032-02-29 2036-02-29",
        "FREQ=YEARLY | 2028-02-29 | 2028-02-29 2032-02-29 2036-02-29",
        // last weekday of the month
        "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1 | 2026-01-30 | 2026-01-30 2026-02-27 2026-03-31 2026-04-30 2026-05-29",
        "FREQ=YEARLY;BYDAY=4TH;BYMONTH=11 | 2026-11-26 | 2026-11-26 2027-11-25 2028-11-23",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE | 2026-01-05 | 2026-01-05 2026-01-07 2026-01-19 2026-01-21",
        "FREQ=DAILY;INTERVAL=3 | 2026-12-30 | 2026-12-30 2027-01-02 2027-01-05",
        "FREQ=YEARLY;BYYEARDAY=1,-1 | 2026-01-01 | 2026-01-01 2026-12-31 2027-01-01 2027-12-31",
        "FREQ=YEARLY;BYWEEKNO=1;BYDAY=MO | 2026-12-28 | 2026-12-28 2027-01-04 2028-01-03 2029-01-01",
        // WKST changes which Mondays and Sundays share a week (RFC 5545 example)
        "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO | 1997-08-05 | 1997-08-05 1997-08-10 1997-08-19 1997-08-24",
        "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU | 1997-08-05 | 1997-08-05 1997-08-17 1997-08-19 1997-08-31",
        // a BYDAY list is the union of its items, with and without ordinals
        "FREQ=MONTHLY;BYDAY=FR,-1TU | 2026-01-02 | 2026-01-02 2026-01-09 2026-01-16 2026-01-23 2026-01-27 2026-01-30",
        // BYSETPOS picks from the whole week, also in the week of the start
        "FREQ=WEEKLY;BYDAY=TH,SA,SU;BYSETPOS=-2,3 | 2020-12-11 | 2020-12-11 2020-12-12 2020-12-13 2020-12-19 2020-12-20",
        // ...and from the whole year, also in the year of the start (lib-recur alone gets this
        // wrong)
        "FREQ=YEARLY;BYMONTH=2,3,8;BYMONTHDAY=28;BYSETPOS=1 | 2020-08-09 | 2020-08-09 2021-02-28 2022-02-28",
        "FREQ=YEARLY;BYYEARDAY=1,300;BYSETPOS=1 | 2026-08-09 | 2026-08-09 2027-01-01 2028-01-01",
        // the days of week 14 that lie in March (lib-recur alone returns other days)
        "FREQ=YEARLY;BYMONTH=3;BYWEEKNO=14;BYDAY=SA,TU | 2025-02-01 | 2025-02-01 2026-03-31 2032-03-30",
        // week 53 only in years that have one (lib-recur alone also returns days of week 1)
        "FREQ=YEARLY;BYWEEKNO=53;BYDAY=WE | 2022-10-09 | 2022-10-09 2026-12-30 2032-12-29",
        // parts missing from a yearly rule come from the start (RFC 5545 3.3.10)
        "FREQ=YEARLY;BYMONTHDAY=20 | 2026-08-09 | 2026-08-09 2026-08-20 2027-08-20",
        "FREQ=YEARLY;BYMONTH=1,7 | 2026-08-09 | 2026-08-09 2027-01-09 2027-07-09",
      })
  void allDaySeriesExpandsAsDates(String rule, String start, String expected) {
    List<LocalDate> dates = new ArrayList<>();
    Due after = new Due.OnDate(LocalDate.parse(start).minusDays(1));
    for (int i = 0; i < expected.split(" ").length; i++) {
      Occurrence next = firstAfter(rule, new Due.OnDate(LocalDate.parse(start)), UTC, after).get();
      assertThat(next.index()).isEqualTo(i + 1);
      dates.add(next.due().dueDate());
      after = next.due();
    }
    assertThat(dates)
        .containsExactlyElementsOf(
            Arrays.stream(expected.split(" ")).map(LocalDate::parse).toList());
  }

  /** Timed series: wall time in the zone, converted to instants. */
  @ParameterizedTest(name = "{0} from {1} in {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // New York: DST from 2027-03-14 to 2027-11-07; 09:00 stays 09:00 local
        "FREQ=WEEKLY | 2027-03-01T09:00 | America/New_York | 2027-03-01T14:00:00Z 2027-03-08T14:00:00Z 2027-03-15T13:00:00Z 2027-03-22T13:00:00Z",
        "FREQ=WEEKLY | 2027-10-25T09:00 | America/New_York | 2027-10-25T13:00:00Z 2027-11-01T13:00:00Z 2027-11-08T14:00:00Z",
        // Berlin: DST from 2027-03-28 to 2027-10-31
        "FREQ=WEEKLY | 2027-03-22T09:00 | Europe/Berlin | 2027-03-22T08:00:00Z 2027-03-29T07:00:00Z",
        "FREQ=WEEKLY | 2027-10-25T09:00 | Europe/Berlin | 2027-10-25T07:00:00Z 2027-11-01T08:00:00Z",
        // 02:30 does not exist on 2027-03-14 in New York: moves forward by the gap to 03:30 EDT
        "FREQ=DAILY | 2027-03-13T02:30 | America/New_York | 2027-03-13T07:30:00Z 2027-03-14T07:30:00Z 2027-03-15T06:30:00Z",
        // 01:30 happens twice on 2027-11-07 in New York: the earlier one (EDT)
        "FREQ=DAILY | 2027-11-06T01:30 | America/New_York | 2027-11-06T05:30:00Z 2027-11-07T05:30:00Z 2027-11-08T06:30:00Z",
        "FREQ=DAILY | 2027-10-30T02:30 | Europe/Berlin | 2027-10-30T00:30:00Z 2027-10-31T00:30:00Z 2027-11-01T01:30:00Z",
        "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1 | 2026-01-30T17:00 | Europe/Berlin | 2026-01-30T16:00:00Z 2026-02-27T16:00:00Z 2026-03-31T15:00:00Z",
      })
  void timedSeriesKeepsTheWallTimeInTheZone(
      String rule, String startLocal, String zone, String expected) {
    ZoneId zoneId = ZoneId.of(zone);
    Due start = at(startLocal, zoneId);
    List<Instant> instants = new ArrayList<>();
    Due after = new Due.At(start.dueAt().minusSeconds(1));
    for (int i = 0; i < expected.split(" ").length; i++) {
      Occurrence next = firstAfter(rule, start, zoneId, after).get();
      assertThat(next.index()).isEqualTo(i + 1);
      instants.add(next.due().dueAt());
      after = next.due();
    }
    assertThat(instants)
        .containsExactlyElementsOf(Arrays.stream(expected.split(" ")).map(Instant::parse).toList());
  }

  @Test
  void aStartOnTheLaterOfTwoEqualWallTimesStaysTheFirstInstance() {
    Due start = new Due.At(Instant.parse("2027-11-07T06:30:00Z")); // 01:30 EST, the second 01:30
    assertThat(firstAfter("FREQ=DAILY", start, NEW_YORK, new Due.At(start.dueAt().minusMillis(1))))
        .contains(new Occurrence(start, 1));
    assertThat(firstAfter("FREQ=DAILY", start, NEW_YORK, start))
        .contains(new Occurrence(new Due.At(Instant.parse("2027-11-08T06:30:00Z")), 2));
  }

  @Test
  void startNotMatchingTheRuleIsTheFirstInstanceAndCountsTowardsCount() {
    Due start = new Due.OnDate(LocalDate.parse("2027-01-10"));
    String rule = "FREQ=MONTHLY;BYMONTHDAY=15;COUNT=2";
    assertThat(firstAfter(rule, start, UTC, new Due.OnDate(LocalDate.parse("2027-01-01"))))
        .contains(new Occurrence(start, 1));
    assertThat(firstAfter(rule, start, UTC, start))
        .contains(new Occurrence(new Due.OnDate(LocalDate.parse("2027-01-15")), 2));
    assertThat(firstAfter(rule, start, UTC, new Due.OnDate(LocalDate.parse("2027-01-15"))))
        .isEmpty();
  }

  @Test
  void weeklyOnMondayFromAWednesdayStartsWithTheWednesday() {
    Due start = at("2027-01-06T09:00", BERLIN);
    assertThat(firstAfter("FREQ=WEEKLY;BYDAY=MO", start, BERLIN, start))
        .contains(new Occurrence(at("2027-01-11T09:00", BERLIN), 2));
  }

  @Test
  void countEndsTheSeries() {
    Due start = new Due.OnDate(LocalDate.parse("2027-01-01"));
    assertThat(
            firstAfter(
                "FREQ=DAILY;COUNT=3", start, UTC, new Due.OnDate(LocalDate.parse("2027-01-02"))))
        .contains(new Occurrence(new Due.OnDate(LocalDate.parse("2027-01-03")), 3));
    assertThat(
            firstAfter(
                "FREQ=DAILY;COUNT=3", start, UTC, new Due.OnDate(LocalDate.parse("2027-01-03"))))
        .isEmpty();
  }

  @Test
  void untilDateIsInclusiveOnLocalDates() {
    Due start = at("2027-01-01T23:30", NEW_YORK); // 04:30Z on the next UTC day
    String rule = "FREQ=DAILY;UNTIL=20270105";
    assertThat(
            firstAfter(rule, start, NEW_YORK, at("2027-01-04T23:30", NEW_YORK))
                .map(Occurrence::due))
        .contains(at("2027-01-05T23:30", NEW_YORK));
    assertThat(firstAfter(rule, start, NEW_YORK, at("2027-01-05T23:30", NEW_YORK))).isEmpty();
  }

  @Test
  void untilDateTimeIsInclusiveOnInstants() {
    Due start = at("2027-01-01T09:00", NEW_YORK);
    assertThat(
            firstAfter(
                "FREQ=DAILY;UNTIL=20270105T140000Z",
                start,
                NEW_YORK,
                at("2027-01-04T09:00", NEW_YORK)))
        .contains(new Occurrence(at("2027-01-05T09:00", NEW_YORK), 5));
    assertThat(
            firstAfter(
                "FREQ=DAILY;UNTIL=20270105T135959Z",
                start,
                NEW_YORK,
                at("2027-01-04T09:00", NEW_YORK)))
        .isEmpty();
  }

  @Test
  void untilDateTimeOnAnAllDaySeriesEndsOnTheDayItFallsOnInTheZone() {
    Due start = new Due.OnDate(LocalDate.parse("2027-01-01"));
    // 2027-01-05T23:30Z is already January 6 in Berlin
    String rule = "FREQ=DAILY;UNTIL=20270105T233000Z";
    assertThat(firstAfter(rule, start, BERLIN, new Due.OnDate(LocalDate.parse("2027-01-05"))))
        .contains(new Occurrence(new Due.OnDate(LocalDate.parse("2027-01-06")), 6));
    assertThat(firstAfter(rule, start, NEW_YORK, new Due.OnDate(LocalDate.parse("2027-01-05"))))
        .isEmpty();
  }

  @Test
  void firstAfterFarInTheFutureSkipsManyInstancesWithTheRightIndex() {
    LocalDate startDate = LocalDate.parse("2016-01-01");
    Optional<Occurrence> next =
        firstAfter(
            "FREQ=DAILY",
            new Due.OnDate(startDate),
            UTC,
            new Due.OnDate(LocalDate.parse("2026-06-30")));
    LocalDate expected = LocalDate.parse("2026-07-01");
    assertThat(next)
        .contains(
            new Occurrence(
                new Due.OnDate(expected), (int) ChronoUnit.DAYS.between(startDate, expected) + 1));

    Due start = at("2016-03-01T09:00", NEW_YORK);
    assertThat(
            firstAfter("FREQ=WEEKLY;BYDAY=TU", start, NEW_YORK, at("2026-07-01T00:00", NEW_YORK)))
        .contains(new Occurrence(at("2026-07-07T09:00", NEW_YORK), 541));
  }

  @Test
  void firstAfterGivesUpBeyondTheInstanceCap() {
    Due start = new Due.OnDate(LocalDate.parse("1500-01-01"));
    assertThatThrownBy(
            () ->
                firstAfter("FREQ=DAILY", start, UTC, new Due.OnDate(LocalDate.parse("2500-01-01"))))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anInstanceEqualToAfterIsNotAfterIt() {
    Due start = new Due.At(Instant.parse("2027-01-01T09:00:00.123456Z"));
    Due second = new Due.At(Instant.parse("2027-01-02T09:00:00.123456Z"));
    assertThat(firstAfter("FREQ=DAILY", start, UTC, second))
        .contains(new Occurrence(new Due.At(Instant.parse("2027-01-03T09:00:00.123456Z")), 3));
    assertThat(firstAfter("FREQ=DAILY", start, UTC, new Due.At(second.dueAt().minusNanos(1000))))
        .contains(new Occurrence(second, 2));
  }

  @Test
  void afterBeforeTheStartGivesTheStart() {
    Due start = at("2027-01-01T09:00", BERLIN);
    assertThat(firstAfter("FREQ=DAILY", start, BERLIN, new Due.At(Instant.EPOCH)))
        .contains(new Occurrence(start, 1));
  }

  @Test
  void afterOfAnotherKindThanTheStartIsRejected() {
    Due start = new Due.OnDate(LocalDate.parse("2027-01-01"));
    assertThatThrownBy(() -> firstAfter("FREQ=DAILY", start, UTC, new Due.At(Instant.EPOCH)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aStartWithoutDueCannotAnchorASeries() {
    assertThatThrownBy(() -> firstAfter("FREQ=DAILY", Due.NONE, UTC, Due.NONE))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("recurrence_rule"));
  }

  private Optional<Occurrence> firstAfter(String rule, Due start, ZoneId zone, Due after) {
    return recurrence.firstAfter(new RecurrenceRule(rule), start, zone, after);
  }

  private static Due at(String local, ZoneId zone) {
    return new Due.At(LocalDateTime.parse(local).atZone(zone).toInstant());
  }
}
