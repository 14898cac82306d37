package dev.todoai.application.port.in;

/** The user has no notification with that id. */
public final class NotificationNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NotificationNotFoundException(String message) {
    super(message);
  }
}
