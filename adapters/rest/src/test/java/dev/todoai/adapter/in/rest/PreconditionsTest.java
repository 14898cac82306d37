package dev.todoai.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todoai.adapter.contract.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreconditionsTest {

  @Test
  void ifMatchAcceptsStrongWeakAndBareVersions() {
    assertThat(Preconditions.expectedVersion(List.of("\"3\""))).isEqualTo(3L);
    assertThat(Preconditions.expectedVersion(List.of("W/\"3\""))).isEqualTo(3L);
    assertThat(Preconditions.expectedVersion(List.of(" 3 "))).isEqualTo(3L);
  }

  @Test
  void ifMatchStarOrAbsentExpectsNoParticularVersion() {
    assertThat(Preconditions.expectedVersion(List.of("*"))).isNull();
    assertThat(Preconditions.expectedVersion(List.of())).isNull();
    assertThat(Preconditions.expectedVersion(null)).isNull();
  }

  @Test
  void unparsableIfMatchIsRejectedNamingTheHeader() {
    for (String bad : List.of("\"abc\"", "\"1\", \"2\"", "0", "\"3", "W/3", "")) {
      assertThatThrownBy(() -> Preconditions.expectedVersion(List.of(bad)))
          .as(bad)
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> assertThat(e.errors().get(0).field()).isEqualTo("If-Match"));
    }
  }

  @Test
  void idempotencyKeyMustBeVisibleAsciiUpTo255Characters() {
    assertThat(Preconditions.idempotencyKey(List.of("a-b_c.1~!"))).isEqualTo("a-b_c.1~!");
    assertThat(Preconditions.idempotencyKey(List.of("k".repeat(255)))).hasSize(255);
    assertThat(Preconditions.idempotencyKey(null)).isNull();
    for (String bad : List.of("", "with space", "k".repeat(256), "ümlaut")) {
      assertThatThrownBy(() -> Preconditions.idempotencyKey(List.of(bad)))
          .as(bad)
          .isInstanceOf(InvalidInputException.class);
    }
  }
}
