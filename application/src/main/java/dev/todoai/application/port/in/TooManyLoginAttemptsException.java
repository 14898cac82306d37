package dev.todoai.application.port.in;

import java.time.Duration;

/** Too many failed log-ins from one client address; that client may retry after a while. */
public final class TooManyLoginAttemptsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Duration retryAfter;

  public TooManyLoginAttemptsException(Duration retryAfter) {
    super("too many failed log-ins from your network address; try again later");
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
