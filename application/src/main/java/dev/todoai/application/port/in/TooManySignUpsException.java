package dev.todoai.application.port.in;

import java.time.Duration;

/** Too many sign-ups from one client address recently; the client may retry after a while. */
public final class TooManySignUpsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Duration retryAfter;

  public TooManySignUpsException(Duration retryAfter) {
    super("too many sign-ups from your network address; try again later");
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
