package dev.todoai.adapter.out.persistence;

import dev.todoai.domain.shared.InvalidValueException;

/**
 * Where a page of the audit trail ended: the id of its last (oldest) entry. The payload {@code
 * audit|version|id} is signed ({@link CursorSigning}), so edited or forged cursors are refused; the
 * tag catches a task-list cursor sent here.
 */
record AuditCursor(long id) {
  private static final String TAG = "audit";
  private static final String VERSION = "2";

  String encode() {
    return CursorSigning.sign(TAG + "|" + VERSION + "|" + id);
  }

  /** Reads a cursor issued by {@link #encode}; anything else is an invalid value. */
  static AuditCursor decode(String text) {
    try {
      String[] parts =
          CursorSigning.verify(text).orElseThrow(AuditCursor::invalid).split("\\|", -1);
      if (parts.length != 3 || !parts[0].equals(TAG) || !parts[1].equals(VERSION)) {
        throw invalid();
      }
      long id = Long.parseLong(parts[2]);
      if (id < 1) {
        throw invalid();
      }
      return new AuditCursor(id);
    } catch (IllegalArgumentException e) {
      // Base64 and number format errors alike
      throw invalid();
    }
  }

  private static InvalidValueException invalid() {
    return new InvalidValueException("cursor", "is not a valid page cursor");
  }
}
