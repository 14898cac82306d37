package dev.todoai.adapter.out.recurrence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todoai.application.port.out.RecurrencePort.Occurrence;
import dev.todoai.domain.shared.InvalidValueException;
import dev.todoai.domain.task.Due;
import dev.todoai.domain.task.RecurrenceRule;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of firstAfter over random valid rules, zones and dates. */
class FirstAfterPropertiesTest {
  private static final List<String> DAYS = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");

  private final LibRecurRecurrence recurrence = new LibRecurRecurrence();

  record Case(String rule, ZoneId zone, Due start, Due after, Integer count) {}

  @Property(tries = 300)
  void firstAfterIsTheNextInstanceOfTheSeries(@ForAll("cases") Case c) {
    RecurrenceRule rule = new RecurrenceRule(c.rule());
    try {
      recurrence.validate(rule, c.start(), c.zone());
    } catch (InvalidValueException e) {
      Assume.that(false);
    }
    Optional<Occurrence> result = recurrence.firstAfter(rule, c.start(), c.zone(), c.after());

    // re-expand from DTSTART, one instance at a time
    List<Occurrence> walk = new ArrayList<>();
    Occurrence current = recurrence.firstAfter(rule, c.start(), c.zone(), before(c.start())).get();
    assertThat(current).isEqualTo(new Occurrence(c.start(), 1));
    while (current != null && !isAfter(current.due(), c.after())) {
      walk.add(current);
      Occurrence next =
          recurrence.firstAfter(rule, c.start(), c.zone(), current.due()).orElse(null);
      if (next != null) {
        assertThat(next.index()).isEqualTo(current.index() + 1);
        assertThat(isAfter(next.due(), current.due())).isTrue();
      }
      current = next;
    }

    assertThat(result).isEqualTo(Optional.ofNullable(current));
    result.ifPresent(
        r -> {
          assertThat(isAfter(r.due(), c.after())).isTrue();
          if (c.count() != null) {
            assertThat(r.index()).isLessThanOrEqualTo(c.count());
          }
          if (r.due() instanceof Due.At at) {
            LocalTime wallTime = LocalDateTime.ofInstant(c.start().dueAt(), c.zone()).toLocalTime();
            LocalDate day = LocalDate.ofInstant(at.instant(), c.zone());
            assertThat(ZonedDateTime.ofLocal(day.atTime(wallTime), c.zone(), null).toInstant())
                .isEqualTo(at.instant());
          }
        });
    // no instance lies strictly between after and the result: the walk stopped at the first one
    if (!walk.isEmpty()) {
      assertThat(isAfter(walk.get(walk.size() - 1).due(), c.after())).isFalse();
    }
    if (result.isEmpty() && c.count() != null) {
      assertThat(walk).hasSizeLessThanOrEqualTo(c.count());
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<String> freq = Arbitraries.of("DAILY", "WEEKLY", "MONTHLY", "YEARLY");
    Arbitrary<Integer> interval =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, Arbitraries.just(1)),
            net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(2, 4)));
    Arbitrary<List<String>> byDay =
        Arbitraries.of(DAYS).list().ofMinSize(0).ofMaxSize(3).uniqueElements();
    Arbitrary<Integer> ordinal = Arbitraries.of(1, 2, 3, 4, -1, -2);
    Arbitrary<List<Integer>> monthDays =
        Arbitraries.of(1, 2, 13, 15, 28, 29, 30, 31, -1, -2)
            .list()
            .ofMinSize(0)
            .ofMaxSize(2)
            .uniqueElements();
    Arbitrary<List<Integer>> months =
        Arbitraries.integers().between(1, 12).list().ofMinSize(0).ofMaxSize(2).uniqueElements();
    Arbitrary<Integer> setPos = Arbitraries.of(0, 0, 0, 1, -1, 2);
    Arbitrary<Integer> count = Arbitraries.of(0, 0, 0, 1, 2, 5, 20);
    Arbitrary<String> zone =
        Arbitraries.of(
            "UTC", "America/New_York", "Europe/Berlin", "Australia/Sydney", "Asia/Kolkata");
    Arbitrary<LocalDate> startDate =
        Arbitraries.integers().between(0, 3650).map(d -> LocalDate.of(2020, 1, 1).plusDays(d));
    Arbitrary<LocalTime> time =
        Arbitraries.of(
            LocalTime.of(9, 0),
            LocalTime.of(1, 30),
            LocalTime.of(2, 30),
            LocalTime.of(23, 45),
            LocalTime.of(0, 0));
    Arbitrary<Boolean> allDay = Arbitraries.of(true, false);
    Arbitrary<Integer> afterDays = Arbitraries.integers().between(-3, 500);
    Arbitrary<String> ordinalDay = ordinal.flatMap(n -> Arbitraries.of(DAYS).map(d -> n + d));

    return Combinators.combine(
            Combinators.combine(freq, interval, byDay, ordinalDay, monthDays, months, setPos, count)
                .as(RuleParts::new),
            zone,
            startDate,
            time,
            allDay,
            afterDays)
        .as(
            (parts, z, date, t, whole, days) -> {
              ZoneId zoneId = ZoneId.of(z);
              String rule = parts.text();
              Due start =
                  whole
                      ? new Due.OnDate(date)
                      : new Due.At(ZonedDateTime.ofLocal(date.atTime(t), zoneId, null).toInstant());
              Due after =
                  whole
                      ? new Due.OnDate(date.plusDays(days))
                      : new Due.At(start.dueAt().plusSeconds(days * 86_400L + 3_600L));
              return new Case(
                  rule, zoneId, start, after, parts.count() == 0 ? null : parts.count());
            });
  }

  record RuleParts(
      String freq,
      int interval,
      List<String> byDay,
      String ordinalDay,
      List<Integer> monthDays,
      List<Integer> months,
      int setPos,
      int count) {
    String text() {
      List<String> parts = new ArrayList<>(List.of("FREQ=" + freq));
      if (interval > 1) {
        parts.add("INTERVAL=" + interval);
      }
      boolean ordinalAllowed = freq.equals("MONTHLY") || freq.equals("YEARLY");
      if (ordinalAllowed && byDay.size() == 1 && monthDays.isEmpty()) {
        parts.add("BYDAY=" + ordinalDay);
      } else if (!byDay.isEmpty()) {
        parts.add("BYDAY=" + String.join(",", byDay));
      }
      if (!monthDays.isEmpty() && !freq.equals("WEEKLY")) {
        parts.add(
            "BYMONTHDAY=" + String.join(",", monthDays.stream().map(String::valueOf).toList()));
      }
      if (!months.isEmpty()) {
        parts.add("BYMONTH=" + String.join(",", months.stream().map(String::valueOf).toList()));
      }
      if (setPos != 0 && parts.size() > (interval > 1 ? 2 : 1)) {
        parts.add("BYSETPOS=" + setPos);
      }
      if (count > 0) {
        parts.add("COUNT=" + count);
      }
      return String.join(";", parts);
    }
  }

  private static Due before(Due start) {
    return start instanceof Due.OnDate on
        ? new Due.OnDate(on.date().minusDays(1))
        : new Due.At(start.dueAt().minusSeconds(1));
  }

  private static boolean isAfter(Due a, Due b) {
    return a instanceof Due.OnDate on
        ? on.date().isAfter(b.dueDate())
        : a.dueAt().isAfter(b.dueAt());
  }
}
