package dev.todoai.adapter.out.assistant;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/** A count of calendar or clock units, e.g. "2 days" or "30 minutes". */
record Amount(long count, ChronoUnit unit) {

  static Amount of(Duration d) {
    if (d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays()))) {
      return d.toDays() % 7 == 0
          ? new Amount(d.toDays() / 7, ChronoUnit.WEEKS)
          : new Amount(d.toDays(), ChronoUnit.DAYS);
    }
    if (d.toHours() > 0 && d.equals(Duration.ofHours(d.toHours()))) {
      return new Amount(d.toHours(), ChronoUnit.HOURS);
    }
    return new Amount(d.toMinutes(), ChronoUnit.MINUTES);
  }

  boolean isClockBased() {
    return unit == ChronoUnit.MINUTES || unit == ChronoUnit.HOURS;
  }

  LocalDate addTo(LocalDate date) {
    return date.plus(count, unit);
  }

  LocalDateTime addTo(LocalDateTime time) {
    return time.plus(count, unit);
  }

  /** ISO-8601 duration as the API takes it: PT30M, PT2H, P1D, P14D. */
  String iso() {
    if (count == 0) {
      return "PT0S";
    }
    return switch (unit) {
      case MINUTES -> "PT" + count + "M";
      case HOURS -> "PT" + count + "H";
      case DAYS -> "P" + count + "D";
      case WEEKS -> "P" + (7 * count) + "D";
      case MONTHS -> "P" + count + "M";
      default -> "P" + count + "Y";
    };
  }

  String describe() {
    String name =
        switch (unit) {
          case MINUTES -> "minute";
          case HOURS -> "hour";
          case DAYS -> "day";
          case WEEKS -> "week";
          case MONTHS -> "month";
          default -> "year";
        };
    return count + " " + name + (count == 1 ? "" : "s");
  }
}
