package dev.todoai.application.port.out;

import java.time.Instant;

/** The current time. Application and domain code never read the system clock directly. */
public interface ClockPort {
  Instant now();
}
