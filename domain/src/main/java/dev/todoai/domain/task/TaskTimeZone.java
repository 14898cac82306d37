package dev.todoai.domain.task;

import dev.todoai.domain.shared.InvalidValueException;
import java.time.ZoneId;
import java.util.Objects;

/** The IANA time zone in which a task's dates and recurrences are read; {@code UTC} by default. */
public record TaskTimeZone(ZoneId zone) {
  public static final TaskTimeZone UTC = new TaskTimeZone(ZoneId.of("UTC"));

  public TaskTimeZone {
    Objects.requireNonNull(zone, "zone");
  }

  /** Parses an IANA zone id such as {@code Europe/Berlin}; fixed offsets are not time zones. */
  public static TaskTimeZone of(String id) {
    if (id == null || !ZoneId.getAvailableZoneIds().contains(id)) {
      throw new InvalidValueException(
          "time_zone", "must be an IANA time zone such as 'Europe/Berlin' or 'UTC'");
    }
    return new TaskTimeZone(ZoneId.of(id));
  }

  public String id() {
    return zone.getId();
  }
}
