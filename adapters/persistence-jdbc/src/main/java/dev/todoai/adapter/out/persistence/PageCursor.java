package dev.todoai.adapter.out.persistence;

import dev.todoai.domain.shared.InvalidValueException;
import dev.todoai.domain.task.Priority;
import dev.todoai.domain.task.TaskSort;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * Where a page ended: the sort it belongs to, the last row's sort key and id. Encoded as URL-safe
 * base64 of {@code crc|field|order|id|key}; the CRC catches edited or truncated cursors. {@code
 * key} is an {@link Instant} (null for a task without a due), an {@link Integer} priority rank or a
 * lower-cased title.
 */
record PageCursor(TaskSort sort, Object key, long id) {
  private static final String VERSION = "1";
  private static final String NO_DUE = "~";

  String encode() {
    String payload =
        VERSION
            + "|"
            + sort.field().name()
            + "|"
            + sort.order().name()
            + "|"
            + id
            + "|"
            + encodeKey();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((crc(payload) + "|" + payload).getBytes(StandardCharsets.UTF_8));
  }

  private String encodeKey() {
    if (key == null) {
      return NO_DUE;
    }
    return key.toString();
  }

  /** Reads a cursor issued for {@code expected}; anything else is an invalid value. */
  static PageCursor decode(String text, TaskSort expected) {
    String[] parts;
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      String[] outer = decoded.split("\\|", 2);
      if (outer.length != 2 || !outer[0].equals(crc(outer[1]))) {
        throw invalid();
      }
      parts = outer[1].split("\\|", 5);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    if (parts.length != 5 || !parts[0].equals(VERSION)) {
      throw invalid();
    }
    TaskSort sort;
    long id;
    Object key;
    try {
      sort = TaskSort.of(TaskSort.Field.valueOf(parts[1]), TaskSort.Order.valueOf(parts[2]));
      id = Long.parseLong(parts[3]);
      key = decodeKey(sort.field(), parts[4]);
    } catch (RuntimeException e) {
      throw invalid();
    }
    if (!sort.equals(expected)) {
      throw new InvalidValueException(
          "cursor",
          "belongs to a list sorted by "
              + sort.field().apiName()
              + " "
              + sort.order().apiName()
              + "; request the first page again without a cursor");
    }
    return new PageCursor(sort, key, id);
  }

  private static Object decodeKey(TaskSort.Field field, String text) {
    return switch (field) {
      case CREATED_AT, UPDATED_AT -> Instant.parse(text);
      case DUE -> NO_DUE.equals(text) ? null : Instant.parse(text);
      case PRIORITY -> Priority.fromRank(Integer.parseInt(text)).rank();
      case TITLE -> text;
    };
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
