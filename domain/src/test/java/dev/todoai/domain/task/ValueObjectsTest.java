package dev.todoai.domain.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todoai.domain.shared.InvalidValueException;
import dev.todoai.domain.shared.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueObjectsTest {

  private static void assertRejected(Runnable construction, String field) {
    assertThatThrownBy(construction::run)
        .isInstanceOf(InvalidValueException.class)
        .extracting("field")
        .isEqualTo(field);
  }

  @Test
  void titleIsTrimmed() {
    assertThat(new Title("  Buy milk \n").value()).isEqualTo("Buy milk");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\n"})
  void blankTitleIsInvalid(String blank) {
    assertRejected(() -> new Title(blank), "title");
  }

  @Test
  void titleOf200CharactersIsValidAnd201IsNot() {
    assertThat(new Title("x".repeat(200)).value()).hasSize(200);
    assertRejected(() -> new Title("x".repeat(201)), "title");
  }

  @Test
  void titleLengthCountsCharactersNotUtf16Units() {
    String emoji = "\uD83D\uDE00";
    assertThat(new Title(emoji.repeat(200)).value()).isNotEmpty();
  }

  @Test
  void descriptionDefaultsToEmptyAndIsLimitedTo4000() {
    assertThat(new Description(null).value()).isEmpty();
    assertThat(new Description("d".repeat(4000)).value()).hasSize(4000);
    assertRejected(() -> new Description("d".repeat(4001)), "description");
  }

  @Test
  void tagsAreLowerCasedDeduplicatedAndSorted() {
    Tags tags = Tags.of("Work", "home", "WORK", "a/b_c-d");

    assertThat(tags.texts()).containsExactly("a/b_c-d", "home", "work");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "has space", "semi;colon", "hash#tag", "dot.ted"})
  void tagsWithOtherCharactersAreInvalid(String bad) {
    assertRejected(() -> Tags.of(bad), "tags");
  }

  @Test
  void atMostTwentyTagsAndFortyCharactersEach() {
    List<String> twenty = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      twenty.add("t" + i);
    }
    assertThat(Tags.of(twenty).values()).hasSize(20);
    twenty.add("t20");
    assertRejected(() -> Tags.of(twenty), "tags");
    assertThat(new Tag("x".repeat(40)).value()).hasSize(40);
    assertRejected(() -> new Tag("x".repeat(41)), "tags");
  }

  @Test
  void duplicatesCollapseBeforeTheLimitIsChecked() {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      many.add(i % 2 == 0 ? "Same" : "same");
    }
    assertThat(Tags.of(many).texts()).containsExactly("same");
  }

  @Test
  void priorityRanksUrgentHighest() {
    assertThat(Priority.URGENT.rank()).isGreaterThan(Priority.HIGH.rank());
    assertThat(Priority.HIGH.rank()).isGreaterThan(Priority.MEDIUM.rank());
    assertThat(Priority.LOW.rank()).isGreaterThan(Priority.NONE.rank());
    assertThat(Priority.fromRank(4)).isEqualTo(Priority.URGENT);
  }

  @Test
  void dueIsEitherAnInstantOrADateNeverBoth() {
    Instant at = Instant.parse("2026-03-02T10:00:00Z");
    LocalDate date = LocalDate.of(2026, 3, 2);

    assertThat(Due.of(at, null)).isEqualTo(new Due.At(at));
    assertThat(Due.of(null, date)).isEqualTo(new Due.OnDate(date));
    assertThat(Due.of(null, null).isPresent()).isFalse();
    assertRejected(() -> Due.of(at, date), "due_date");
  }

  @Test
  void allDayDueSortsAtTheStartOfItsDayInTheZone() {
    Due due = new Due.OnDate(LocalDate.of(2026, 3, 2));
    ZoneId berlin = ZoneId.of("Europe/Berlin");

    assertThat(due.sortInstant(berlin)).isEqualTo(Instant.parse("2026-03-01T23:00:00Z"));
    assertThat(due.overdueFrom(berlin)).isEqualTo(Instant.parse("2026-03-02T23:00:00Z"));
    assertThat(due.localDate(berlin)).isEqualTo(LocalDate.of(2026, 3, 2));
  }

  @Test
  void dueInstantKeepsMicrosecondPrecision() {
    Due due = new Due.At(Instant.parse("2026-03-02T10:00:00.123456789Z"));

    assertThat(due.dueAt()).isEqualTo(Instant.parse("2026-03-02T10:00:00.123456Z"));
  }

  @Test
  void timeZoneMustBeAnIanaId() {
    assertThat(TaskTimeZone.of("America/New_York").id()).isEqualTo("America/New_York");
    assertThat(TaskTimeZone.of("UTC").id()).isEqualTo("UTC");
    assertRejected(() -> TaskTimeZone.of("Mars/Olympus"), "time_zone");
    assertRejected(() -> TaskTimeZone.of("+02:00"), "time_zone");
    assertRejected(() -> TaskTimeZone.of(""), "time_zone");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "FREQ=DAILY",
        "RRULE:FREQ=WEEKLY;BYDAY=MO,WE;INTERVAL=2;COUNT=5",
        "FREQ=MONTHLY;BYMONTHDAY=-1",
        "FREQ=MONTHLY;BYDAY=-1FR",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
        "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
        "FREQ=WEEKLY;UNTIL=20261231T000000Z;WKST=SU",
        "freq=daily;until=20261231"
      })
  void wellFormedRulesAreAccepted(String rule) {
    assertThat(new RecurrenceRule(rule).text()).doesNotStartWith("RRULE:").isUpperCase();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "DAILY",
        "FREQ=HOURLY",
        "FREQ=MINUTELY",
        "FREQ=SECONDLY",
        "FREQ=FORTNIGHTLY",
        "INTERVAL=2",
        "FREQ=DAILY;INTERVAL=0",
        "FREQ=DAILY;INTERVAL=x",
        "FREQ=DAILY;COUNT=3;UNTIL=20260101",
        "FREQ=WEEKLY;BYDAY=XX",
        "FREQ=MONTHLY;BYMONTHDAY=32",
        "FREQ=MONTHLY;BYMONTHDAY=0",
        "FREQ=YEARLY;BYMONTH=13",
        "FREQ=DAILY;BYHOUR=9",
        "FREQ=DAILY;FREQ=WEEKLY",
        "FREQ=DAILY;FOO=1",
        "FREQ=DAILY;UNTIL=tomorrow"
      })
  void malformedRulesAreRejectedNamingTheField(String rule) {
    assertRejected(() -> new RecurrenceRule(rule), "recurrence_rule");
  }

  @Test
  void userIdIsRestrictedToSafeCharacters() {
    assertThat(new UserId("3f2a-b_c.d").value()).isEqualTo("3f2a-b_c.d");
    assertRejected(() -> new UserId(""), "user_id");
    assertRejected(() -> new UserId("a/b"), "user_id");
    assertRejected(() -> new UserId("x".repeat(65)), "user_id");
  }

  @Test
  void pageRequestLimitIsOneTo200() {
    assertThat(new TaskPageRequest(200, null).limit()).isEqualTo(200);
    assertRejected(() -> new TaskPageRequest(0, null), "limit");
    assertRejected(() -> new TaskPageRequest(201, null), "limit");
  }
}
