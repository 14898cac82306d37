package dev.todoai.adapter.out.recurrence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todoai.domain.task.Due;
import dev.todoai.domain.task.RecurrenceRule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DescribeTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  /** A Thursday, January 15. */
  private static final Due START = new Due.OnDate(LocalDate.parse("2026-01-15"));

  private final LibRecurRecurrence recurrence = new LibRecurRecurrence();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "FREQ=DAILY | Every day",
        "FREQ=DAILY;INTERVAL=3 | Every 3 days",
        "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR | Every weekday",
        "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR | Every weekday",
        "FREQ=DAILY;BYDAY=SA,SU | Every Saturday and Sunday",
        "FREQ=WEEKLY | Every week on Thursday",
        "FREQ=WEEKLY;BYDAY=MO | Every week on Monday",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=5 | Every 2 weeks on Monday and Wednesday, 5 times",
        "FREQ=WEEKLY;BYDAY=MO,WE,FR | Every week on Monday, Wednesday and Friday",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU;WKST=SU | Every 2 weeks on Tuesday and Sunday, weeks starting on Sunday",
        "FREQ=MONTHLY | Every month on the 15th",
        "FREQ=MONTHLY;BYMONTHDAY=1 | Every month on the 1st",
        "FREQ=MONTHLY;BYMONTHDAY=1,15 | Every month on the 1st and 15th",
        "FREQ=MONTHLY;BYMONTHDAY=-1 | Every month on the last day",
        "FREQ=MONTHLY;BYMONTHDAY=-2 | Every month on the 2nd to last day",
        "FREQ=MONTHLY;BYDAY=-1FR | Every month on the last Friday",
        "FREQ=MONTHLY;BYDAY=2MO | Every month on the 2nd Monday",
        "FREQ=MONTHLY;BYDAY=1MO,3MO | Every month on the 1st Monday and the 3rd Monday",
        "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1 | Every month on the last weekday",
        "FREQ=MONTHLY;BYDAY=SA,SU;BYSETPOS=1 | Every month on the 1st weekend day",
        "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13 | Every month on Friday if it is the 13th",
        "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1,15;BYSETPOS=-1 | Every 3 months on the 1st and 15th, only the last of each month",
        "FREQ=YEARLY | Every year on January 15",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29 | Every year on February 29",
        "FREQ=YEARLY;BYMONTH=1,7 | Every year on the 15th of January and July",
        "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH | Every year on the 4th Thursday of November",
        "FREQ=YEARLY;BYDAY=-1SU | Every year on the last Sunday of the year",
        "FREQ=YEARLY;BYYEARDAY=100 | Every year on the 100th day of the year",
        "FREQ=YEARLY;BYYEARDAY=-1 | Every year on the last day of the year",
        "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO | Every year on Monday in week 20 of the year",
        "FREQ=YEARLY;BYWEEKNO=20 | Every year on Thursday in week 20 of the year",
        "FREQ=YEARLY;BYMONTHDAY=20 | Every year on January 20",
        "FREQ=YEARLY;BYWEEKNO=-1;BYDAY=FR;WKST=SU | Every year on Friday in the last week of the year, weeks starting on Sunday",
        "FREQ=DAILY;BYMONTH=12 | Every day in December",
        "FREQ=DAILY;COUNT=1 | Every day, once",
        "FREQ=DAILY;UNTIL=20270331 | Every day, until March 31, 2027",
        "FREQ=MONTHLY;BYMONTHDAY=1;UNTIL=20270331T230000Z | Every month on the 1st, until April 1, 2027",
      })
  void describesRulesInShortEnglish(String rule, String text) {
    assertThat(recurrence.describe(new RecurrenceRule(rule), START, BERLIN)).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "FREQ=YEARLY;BYWEEKNO=-1,1;BYMONTH=1;BYSETPOS=1,-1;BYYEARDAY=1;WKST=SU",
        "FREQ=WEEKLY;BYDAY=1MO;BYMONTHDAY=1;BYYEARDAY=1",
      })
  void neverThrowsForOddRules(String rule) {
    assertThat(
            recurrence.describe(
                new RecurrenceRule(rule),
                new Due.At(Instant.parse("2026-01-15T08:00:00Z")),
                BERLIN))
        .startsWith("Every");
  }
}
