package dev.todoai.application.port.in;

/** Unknown e-mail address or wrong password. */
public final class InvalidCredentialsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidCredentialsException(String message) {
    super(message);
  }
}
