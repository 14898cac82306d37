package dev.todoai.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Number settings (TODO_DB_PORT, TODO_MANAGEMENT_PORT, TODO_REQUEST_THREADS) end a start with a
 * reason, never a trace.
 */
class NumberSettingTest {

  @Test
  void unsetOrBlankMeansTheDefault() {
    assertThat(TodoApplication.port(Map.of(), "TODO_DB_PORT")).isZero();
    assertThat(TodoApplication.port(Map.of("TODO_DB_PORT", "  "), "TODO_DB_PORT")).isZero();
  }

  @Test
  void aPortNumberIsTaken() {
    assertThat(TodoApplication.port(Map.of("TODO_DB_PORT", " 5433 "), "TODO_DB_PORT"))
        .isEqualTo(5433);
    assertThat(TodoApplication.port(Map.of("TODO_DB_PORT", "65535"), "TODO_DB_PORT"))
        .isEqualTo(65535);
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "0", "-1", "65536", "99999999999", "54 32", "5432\u0000"})
  void anythingElseIsRefusedNamingTheVariable(String value) {
    assertThatThrownBy(() -> TodoApplication.port(Map.of("TODO_DB_PORT", value), "TODO_DB_PORT"))
        .isInstanceOf(LaunchOptions.LaunchException.class)
        .hasMessageStartingWith("TODO_DB_PORT must be a port number (1-65535), not '");
  }

  @Test
  void requestThreadsAreANumberInRangeOrZeroForTheDefault() {
    assertThat(TodoApplication.number(Map.of(), "TODO_REQUEST_THREADS", 0, 1024)).isZero();
    assertThat(
            TodoApplication.number(
                Map.of("TODO_REQUEST_THREADS", "6"), "TODO_REQUEST_THREADS", 0, 1024))
        .isEqualTo(6);
    assertThatThrownBy(
            () ->
                TodoApplication.number(
                    Map.of("TODO_REQUEST_THREADS", "2000"), "TODO_REQUEST_THREADS", 0, 1024))
        .isInstanceOf(LaunchOptions.LaunchException.class)
        .hasMessage("TODO_REQUEST_THREADS must be a number from 0 to 1024, not '2000'");
    assertThatThrownBy(
            () ->
                TodoApplication.number(
                    Map.of("TODO_REQUEST_THREADS", "four"), "TODO_REQUEST_THREADS", 0, 1024))
        .isInstanceOf(LaunchOptions.LaunchException.class);
  }
}
