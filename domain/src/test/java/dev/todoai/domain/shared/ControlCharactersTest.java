package dev.todoai.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todoai.domain.task.Description;
import dev.todoai.domain.task.Tag;
import dev.todoai.domain.task.TaskFilter;
import dev.todoai.domain.task.Title;
import dev.todoai.domain.user.Email;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** NUL and the other C0 controls never get into a value object (PostgreSQL cannot store NUL). */
class ControlCharactersTest {
  private static final List<String> CONTROLS =
      List.of("\u0000", "\u0001", "\u0007", "\u001b", "\u001f", "\u007f", "\r", "\u000b", "\f");

  private static void refusedWithFieldError(String field, Consumer<String> construct) {
    for (String c : CONTROLS) {
      assertThatThrownBy(() -> construct.accept("a" + c + "b"))
          .as("U+%04X in %s", (int) c.charAt(0), field)
          .isInstanceOfSatisfying(
              InvalidValueException.class,
              e -> {
                assertThat(e.field()).isEqualTo(field);
                assertThat(e.getMessage()).contains("control characters");
              });
    }
  }

  @Test
  void aTitleRefusesEveryControlCharacterIncludingTabAndNewline() {
    refusedWithFieldError("title", Title::new);
    refusedWithFieldError("title", t -> new Title(t.replace("b", "\tb")));
    assertThatThrownBy(() -> new Title("a\nb")).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void aDescriptionKeepsTabsAndLineBreaksButRefusesOtherControls() {
    for (String c : List.of("\u0000", "\u0001", "\u001b", "\u007f", "\u000b", "\f")) {
      assertThatThrownBy(() -> new Description("a" + c + "b"))
          .isInstanceOfSatisfying(
              InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("description"));
    }
    assertThat(new Description("line one\n\tline two").value()).isEqualTo("line one\n\tline two");
    assertThat(new Description("dos\r\nline\rmac").value()).isEqualTo("dos\nline\nmac");
  }

  @Test
  void emailTagAndSearchRefuseControls() {
    refusedWithFieldError(
        "email", e -> new Email(e.replace("a", "ada").replace("b", "@example.org")));
    refusedWithFieldError("tags", Tag::new);
    refusedWithFieldError(
        "search", s -> new TaskFilter(null, null, null, null, null, null, null, null, s));
  }

  @Test
  void theErrorSaysWhichCharacterAndWhere() {
    assertThatThrownBy(() -> new Title("ab\u0000"))
        .hasMessage("must not contain control characters (U+0000 at position 3)");
  }

  @Test
  void printableUnicodeIsFine() {
    assertThat(new Title("Café ☕ — 日本語 😀").value()).isEqualTo("Café ☕ — 日本語 😀");
  }
}
