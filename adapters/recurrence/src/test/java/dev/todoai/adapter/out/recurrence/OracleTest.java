package dev.todoai.adapter.out.recurrence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todoai.application.port.out.RecurrencePort.Occurrence;
import dev.todoai.domain.shared.InvalidValueException;
import dev.todoai.domain.task.Due;
import dev.todoai.domain.task.RecurrenceRule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Replays {@code recurrence-oracle.csv}, computed by python-dateutil with
 * scripts/recurrence-oracle/generate.py (see there for how the expected values are derived).
 */
class OracleTest {
  private final LibRecurRecurrence recurrence = new LibRecurRecurrence();

  @Test
  void agreesWithTheDateutilOracleOnEveryCase() throws IOException {
    List<String[]> rows = rows();
    List<String> disagreements = new ArrayList<>();
    for (String[] row : rows) {
      String problem = check(row);
      if (problem != null) {
        disagreements.add(String.join(",", row) + " -> " + problem);
      }
    }
    assertThat(rows).hasSizeGreaterThanOrEqualTo(400);
    assertThat(disagreements).isEmpty();
  }

  private String check(String[] row) {
    RecurrenceRule rule = new RecurrenceRule(row[0]);
    ZoneId zone = ZoneId.of(row[1]);
    boolean allDay = row[2].equals("allday");
    Due start =
        allDay ? new Due.OnDate(LocalDate.parse(row[3])) : new Due.At(Instant.parse(row[3]));
    String expected = row[6];
    if (expected.equals("invalid")) {
      try {
        recurrence.validate(rule, start, zone);
        return "validate accepted a rule without instances after the start";
      } catch (InvalidValueException e) {
        return e.field().equals("recurrence_rule") ? null : "wrong field " + e.field();
      }
    }
    Due after =
        allDay ? new Due.OnDate(LocalDate.parse(row[5])) : new Due.At(Instant.parse(row[5]));
    try {
      recurrence.validate(rule, start, zone);
      Optional<Occurrence> actual = recurrence.firstAfter(rule, start, zone, after);
      Optional<Occurrence> wanted =
          expected.equals("none")
              ? Optional.empty()
              : Optional.of(
                  new Occurrence(
                      allDay
                          ? new Due.OnDate(LocalDate.parse(expected))
                          : new Due.At(Instant.parse(expected)),
                      Integer.parseInt(row[8])));
      return actual.equals(wanted) ? null : "got " + actual;
    } catch (RuntimeException e) {
      return "threw " + e;
    }
  }

  private static List<String[]> rows() throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = OracleTest.class.getResourceAsStream("/recurrence-oracle.csv");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.readLine();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          rows.add(split(line));
        }
      }
    }
    return rows;
  }

  /** Splits a CSV line as Python's csv module writes it (quotes only around commas). */
  private static String[] split(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields.toArray(String[]::new);
  }
}
