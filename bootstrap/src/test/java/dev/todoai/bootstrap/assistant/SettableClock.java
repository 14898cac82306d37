package dev.todoai.bootstrap.assistant;

import dev.todoai.application.port.out.ClockPort;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * The application's clock stopped at {@code todo.test.clock} (an ISO instant) and moved only by the
 * test: the corpus runs against a fixed "now". Only present when the property is set.
 */
@Singleton
@Replaces(ClockPort.class)
@Requires(property = SettableClock.PROPERTY)
public final class SettableClock implements ClockPort {
  static final String PROPERTY = "todo.test.clock";

  private volatile Instant now;

  SettableClock(@Property(name = PROPERTY) String start) {
    this.now = Instant.parse(start);
  }

  @Override
  public Instant now() {
    return now;
  }

  void set(Instant instant) {
    this.now = instant;
  }
}
