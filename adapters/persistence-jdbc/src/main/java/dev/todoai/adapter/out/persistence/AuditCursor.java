package dev.todoai.adapter.out.persistence;

import dev.todoai.domain.shared.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * Where a page of the audit trail ended: the id of its last (oldest) entry. Encoded as URL-safe
 * base64 of {@code crc|audit|version|id}; the CRC catches edited or truncated cursors, the tag
 * catches a task-list cursor sent here.
 */
record AuditCursor(long id) {
  private static final String TAG = "audit";
  private static final String VERSION = "1";

  String encode() {
    String payload = TAG + "|" + VERSION + "|" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((crc(payload) + "|" + payload).getBytes(StandardCharsets.UTF_8));
  }

  /** Reads a cursor issued by {@link #encode}; anything else is an invalid value. */
  static AuditCursor decode(String text) {
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      String[] parts = decoded.split("\\|", -1);
      if (parts.length != 4
          || !parts[1].equals(TAG)
          || !parts[2].equals(VERSION)
          || !parts[0].equals(crc(parts[1] + "|" + parts[2] + "|" + parts[3]))) {
        throw invalid();
      }
      long id = Long.parseLong(parts[3]);
      if (id < 1) {
        throw invalid();
      }
      return new AuditCursor(id);
    } catch (IllegalArgumentException e) {
      // Base64 and number format errors alike
      throw invalid();
    }
  }

  private static String crc(String payload) {
    CRC32 crc = new CRC32();
    crc.update(payload.getBytes(StandardCharsets.UTF_8));
    return Long.toHexString(crc.getValue());
  }

  private static InvalidValueException invalid() {
    return new InvalidValueException("cursor", "is not a valid page cursor");
  }
}
