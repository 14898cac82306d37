package dev.todoai.adapter.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todoai.domain.shared.InvalidValueException;
import dev.todoai.domain.task.Priority;
import dev.todoai.domain.task.RecurrenceAnchor;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The API's spelling of the domain's values lives here, not in the domain. */
class ApiSpellingTest {

  @Test
  void enumsAreSpelledInLowerCaseAndReadOnlyThatWay() {
    assertThat(ApiNames.of(Priority.URGENT)).isEqualTo("urgent");
    assertThat(ApiNames.parse(Priority.class, "priority", "urgent")).isEqualTo(Priority.URGENT);
    assertThat(ApiNames.parse(RecurrenceAnchor.class, "recurrence_anchor", "completion"))
        .isEqualTo(RecurrenceAnchor.COMPLETION);
    assertThatThrownBy(() -> ApiNames.parse(Priority.class, "priority", "URGENT"))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.field()).isEqualTo("priority");
              assertThat(e.getMessage())
                  .isEqualTo("must be one of none, low, medium, high, urgent");
            });
  }

  @Test
  void presetsBecomeRulesAnchoredOnTheDue() {
    assertThat(TaskInputs.preset("weekdays").text()).isEqualTo("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
    assertThat(TaskInputs.preset("monthly").text()).isEqualTo("FREQ=MONTHLY");
    assertThatThrownBy(() -> TaskInputs.preset("fortnightly"))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("recurrence"));
  }

  @Test
  void durationsAreWrittenInDaysAndReadWithWeeks() {
    assertThat(ApiTime.format(Duration.ofDays(1))).isEqualTo("P1D");
    assertThat(ApiTime.format(Duration.ofHours(26))).isEqualTo("P1DT2H");
    assertThat(ApiTime.duration("P1W", "before_due")).isEqualTo(Duration.ofDays(7));
  }
}
