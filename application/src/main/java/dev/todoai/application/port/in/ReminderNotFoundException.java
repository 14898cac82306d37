package dev.todoai.application.port.in;

/** The task has no reminder with that id (or it belongs to someone else). */
public final class ReminderNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ReminderNotFoundException(String message) {
    super(message);
  }
}
