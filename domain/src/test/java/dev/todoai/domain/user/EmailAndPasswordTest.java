package dev.todoai.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todoai.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

class EmailAndPasswordTest {

  @Test
  void emailIsTrimmedAndLowerCased() {
    assertThat(new Email("  Ada@Example.ORG ").value()).isEqualTo("ada@example.org");
  }

  @Test
  void emailWithoutAtOrDomainIsInvalid() {
    for (String bad : new String[] {"", "ada", "ada@", "@example.org", "ada@example", "a b@c.d"}) {
      assertThatThrownBy(() -> new Email(bad))
          .as(bad)
          .isInstanceOf(InvalidValueException.class)
          .extracting("field")
          .isEqualTo("email");
    }
  }

  @Test
  void passwordNeedsTenTo128CharactersAndNeverPrintsItself() {
    assertThat(new Password("correct horse").toString()).doesNotContain("horse");
    assertThat(new Password("0123456789").value()).hasSize(10);
    assertThatThrownBy(() -> new Password("short")).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new Password("nine char"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("too short")
        .hasMessageContaining("at least 10");
    assertThatThrownBy(() -> new Password("p".repeat(129)))
        .isInstanceOf(InvalidValueException.class);
  }
}
