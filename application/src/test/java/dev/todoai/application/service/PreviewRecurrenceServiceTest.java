package dev.todoai.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todoai.application.fakes.SimpleRecurrence;
import dev.todoai.application.port.in.PreviewRecurrenceQuery.RecurrencePreview;
import dev.todoai.domain.shared.InvalidValueException;
import dev.todoai.domain.task.Due;
import dev.todoai.domain.task.RecurrenceRule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PreviewRecurrenceServiceTest {
  private final PreviewRecurrenceService service =
      new PreviewRecurrenceService(new SimpleRecurrence());
  private final ZoneId berlin = ZoneId.of("Europe/Berlin");

  @Test
  void previewListsTheNextDuesAfterTheStartWithTheText() {
    RecurrencePreview preview =
        service.preview(
            new RecurrenceRule("FREQ=WEEKLY"),
            new Due.OnDate(LocalDate.parse("2026-12-01")),
            berlin,
            3);

    assertThat(preview.text()).isEqualTo("Every weekly");
    assertThat(preview.next())
        .extracting(Due::dueDate)
        .containsExactly(
            LocalDate.parse("2026-12-08"),
            LocalDate.parse("2026-12-15"),
            LocalDate.parse("2026-12-22"));
  }

  @Test
  void aSeriesThatEndsSoonerGivesFewerDues() {
    RecurrencePreview preview =
        service.preview(
            new RecurrenceRule("FREQ=DAILY;COUNT=2"),
            new Due.At(Instant.parse("2026-12-01T08:00:00Z")),
            berlin,
            5);

    assertThat(preview.next())
        .extracting(Due::dueAt)
        .containsExactly(Instant.parse("2026-12-02T08:00:00Z"));
  }

  @Test
  void aRuleWithoutInstancesIsRejected() {
    assertThatThrownBy(
            () ->
                service.preview(
                    new RecurrenceRule("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"),
                    new Due.OnDate(LocalDate.parse("2026-12-01")),
                    berlin,
                    3))
        .isInstanceOf(InvalidValueException.class);
  }
}
