package dev.todoai.adapter.in.rest;

import java.time.Duration;

/**
 * A per-user or per-client limit of this adapter was reached (open streams, chat requests);
 * rendered as a 429 problem of {@code type}, with {@code Retry-After} when known.
 */
final class RateLimitedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String type;
  private final String title;
  private final transient Duration retryAfter;

  RateLimitedException(String type, String title, String detail, Duration retryAfter) {
    super(detail, null, false, false);
    this.type = type;
    this.title = title;
    this.retryAfter = retryAfter;
  }

  static RateLimitedException tooManyStreams(int max) {
    return new RateLimitedException(
        "/problems/too-many-streams",
        "Too many live-update streams",
        "You have " + max + " live-update streams open already; close one (or reuse one) first.",
        Duration.ofSeconds(5));
  }

  String type() {
    return type;
  }

  String title() {
    return title;
  }

  Duration retryAfter() {
    return retryAfter;
  }
}
