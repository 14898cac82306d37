package dev.todoai.application.port.in;

/** The client's expected version (If-Match) is not the stored version; nothing was changed. */
public final class VersionMismatchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long currentVersion;

  public VersionMismatchException(long expectedVersion, long currentVersion) {
    super(
        "the task is at version "
            + currentVersion
            + ", not "
            + expectedVersion
            + "; reload it and try again");
    this.currentVersion = currentVersion;
  }

  public long currentVersion() {
    return currentVersion;
  }
}
