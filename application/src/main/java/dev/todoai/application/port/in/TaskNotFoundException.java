package dev.todoai.application.port.in;

/** The user has no task with that id (or it belongs to someone else). */
public final class TaskNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TaskNotFoundException(String message) {
    super(message);
  }
}
