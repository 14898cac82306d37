package dev.todoai.application.fakes;

import dev.todoai.application.port.out.ClockPort;
import java.time.Duration;
import java.time.Instant;

/** A clock that tests move by hand. */
public final class MutableClock implements ClockPort {
  private Instant now;

  public MutableClock(Instant start) {
    this.now = start;
  }

  @Override
  public Instant now() {
    return now;
  }

  public void advance(Duration by) {
    now = now.plus(by);
  }
}
