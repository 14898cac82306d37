package dev.todoai.application.chat;

import static dev.todoai.domain.task.TaskTestData.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todoai.application.fakes.MutableClock;
import dev.todoai.domain.shared.InvalidValueException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParseQuickAddServiceTest {
  private record Parse(String text, ZoneId zone, Instant now) {}

  private final List<Parse> parses = new ArrayList<>();
  private final ParseQuickAddService service =
      new ParseQuickAddService(
          new MutableClock(T0),
          (text, zone, now) -> {
            parses.add(new Parse(text, zone, now));
            return Map.of("title", text);
          });

  @Test
  void parsesInTheGivenZoneAsOfNow() {
    Map<String, Object> arguments = service.parse("buy milk", ZoneId.of("Europe/Berlin"));

    assertThat(arguments).containsEntry("title", "buy milk");
    assertThat(parses).containsExactly(new Parse("buy milk", ZoneId.of("Europe/Berlin"), T0));
  }

  @Test
  void theZoneDefaultsToUtc() {
    service.parse("buy milk", null);

    assertThat(parses.get(0).zone()).isEqualTo(ZoneId.of("UTC"));
  }

  @Test
  void blankOrTooLongTextIsInvalidAndNotParsed() {
    assertThatThrownBy(() -> service.parse("  ", null)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> service.parse("x".repeat(1001), null))
        .isInstanceOf(InvalidValueException.class);
    assertThat(parses).isEmpty();
  }
}
