package dev.todoai.adapter.in.rest;

/** The path names another user than the token's subject. */
final class ForbiddenUserException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ForbiddenUserException() {
    super("This token belongs to another user than the one in the path.", null, false, false);
  }
}
