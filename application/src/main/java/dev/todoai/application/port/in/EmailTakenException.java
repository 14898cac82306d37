package dev.todoai.application.port.in;

/** An account with that e-mail address exists already. */
public final class EmailTakenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EmailTakenException(String message) {
    super(message);
  }
}
