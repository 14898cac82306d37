package dev.todoai.application.event;

/** A payload that is not a valid event of the expected kind, or of an unknown major version. */
public final class UndecodableEventException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UndecodableEventException(String message) {
    super(message);
  }

  public UndecodableEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
