package dev.todoai.application.port.in;

/**
 * A next occurrence was asked for a task that is not a completed recurring task of that user
 * (deleted, never recurring, not completed — or not theirs). Nothing was created; asking again
 * changes nothing, so callers must not retry.
 */
public final class OccurrenceRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OccurrenceRefusedException(String message) {
    super(message, null, false, false);
  }
}
