package dev.todoai.application.port.in;

/** An Idempotency-Key was sent again with a different request body. */
public final class IdempotencyKeyReusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IdempotencyKeyReusedException() {
    super("this Idempotency-Key was already used with a different request body");
  }
}
