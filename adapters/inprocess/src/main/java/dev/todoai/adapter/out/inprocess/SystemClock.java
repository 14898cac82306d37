package dev.todoai.adapter.out.inprocess;

import dev.todoai.application.port.out.ClockPort;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The machine's UTC clock, at the microsecond precision that PostgreSQL stores. */
@Singleton
final class SystemClock implements ClockPort {
  private final Clock clock = Clock.systemUTC();

  @Override
  public Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
