package dev.todoai.adapter.out.recurrence;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todoai.domain.shared.InvalidValueException;
import dev.todoai.domain.task.Due;
import dev.todoai.domain.task.RecurrenceRule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValidateTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Due TIMED = new Due.At(Instant.parse("2026-01-15T08:00:00Z"));
  private static final Due ALL_DAY = new Due.OnDate(LocalDate.parse("2026-01-15"));

  private final LibRecurRecurrence recurrence = new LibRecurRecurrence();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "FREQ=DAILY",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=5",
        "FREQ=MONTHLY;BYMONTHDAY=-1",
        "FREQ=MONTHLY;BYDAY=-1FR",
        "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
        "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO;WKST=SU",
        "FREQ=YEARLY;BYYEARDAY=366",
        "FREQ=DAILY;COUNT=1",
        "FREQ=DAILY;UNTIL=20260115",
        "FREQ=DAILY;UNTIL=20200101",
        "FREQ=DAILY;UNTIL=20260115T080000Z",
        "FREQ=DAILY;UNTIL=20270101T000000",
        "FREQ=DAILY;INTERVAL=1000;BYMONTH=2;BYMONTHDAY=29",
      })
  void acceptsRulesThatHaveAnInstanceAfterTheStartOrEndAtIt(String rule) {
    assertThatCode(() -> recurrence.validate(new RecurrenceRule(rule), TIMED, BERLIN))
        .doesNotThrowAnyException();
    assertThatCode(() -> recurrence.validate(new RecurrenceRule(rule), ALL_DAY, BERLIN))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30 | has no instance after the start",
        "FREQ=MONTHLY;BYMONTH=11;BYMONTHDAY=31 | has no instance after the start",
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30 | has no instance after the start",
        "FREQ=MONTHLY;BYDAY=MO;BYMONTHDAY=1;BYSETPOS=2 | has no instance after the start",
        "FREQ=MONTHLY;INTERVAL=2;BYMONTH=2 | has no instance after the start",
        "FREQ=YEARLY;BYWEEKNO=1;BYMONTH=6;BYDAY=MO | has no instance after the start",
        "FREQ=YEARLY;BYWEEKNO=1;BYMONTH=1;BYDAY=MO;BYSETPOS=1 | BYSETPOS together with BYWEEKNO and BYMONTH is not supported",
        "FREQ=WEEKLY;BYMONTHDAY=1 | BYMONTHDAY is not allowed in WEEKLY rules",
        "FREQ=MONTHLY;BYYEARDAY=1 | BYYEARDAY is not allowed",
        "FREQ=MONTHLY;BYWEEKNO=1 | BYWEEKNO is allowed in YEARLY rules only",
        "FREQ=DAILY;BYDAY=1MO | must not be specified with a numeric value",
        "FREQ=DAILY;BYSETPOS=1 | BYSETPOS must only be used in conjunction with another BYxxx rule",
        "FREQ=DAILY;UNTIL=20270231 | UNTIL '20270231' is not a valid date",
      })
  void rejectsRulesWithoutInstancesAfterTheStartOrThatRfc5545Forbids(String rule, String message) {
    assertThatThrownBy(() -> recurrence.validate(new RecurrenceRule(rule), TIMED, BERLIN))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo("recurrence_rule");
              org.assertj.core.api.Assertions.assertThat(e.getMessage()).contains(message);
            });
  }

  @Test
  void rejectsAStartWithoutDue() {
    assertThatThrownBy(
            () -> recurrence.validate(new RecurrenceRule("FREQ=DAILY"), Due.NONE, BERLIN))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("needs a due date or a due time");
  }
}
