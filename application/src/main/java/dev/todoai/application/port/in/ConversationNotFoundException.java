package dev.todoai.application.port.in;

/** The user has no conversation with that id (or it belongs to someone else). */
public final class ConversationNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConversationNotFoundException(long id) {
    super("There is no conversation " + id + ".");
  }
}
