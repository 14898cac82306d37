package dev.todoai.adapter.out.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todoai.domain.user.Password;
import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;

class BcryptPasswordHasherTest {
  private final BcryptPasswordHasher hasher = new BcryptPasswordHasher();

  @Test
  void hashMatchesItsPasswordAndNoOther() {
    String hash = hasher.hash(new Password("correct horse battery"));

    assertThat(hash).startsWith("$2y$10$").hasSize(60);
    assertThat(hasher.matches("correct horse battery", hash)).isTrue();
    assertThat(hasher.matches("correct horse batterz", hash)).isFalse();
  }

  @Test
  void samePasswordHashesDifferentlyEachTime() {
    assertThat(hasher.hash(new Password("same password")))
        .isNotEqualTo(hasher.hash(new Password("same password")));
  }

  @Test
  void everyCharacterOfALongPasswordCounts() {
    String longPassword = "ä".repeat(60) + "end-1";
    String hash = hasher.hash(new Password(longPassword));

    assertThat(hasher.matches(longPassword, hash)).isTrue();
    assertThat(hasher.matches("ä".repeat(60) + "end-2", hash)).isFalse();
  }

  @Test
  void malformedHashMatchesNothing() {
    assertThat(hasher.matches("anything", "not-a-bcrypt-hash")).isFalse();
    assertThat(hasher.matches(null, "$2y$10$abc")).isFalse();
  }

  @Test
  void costOutsideTenToTwelveIsRefused() {
    assertThatThrownBy(() -> new BcryptPasswordHasher(4))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("todo.auth.bcrypt-cost");
  }
}
