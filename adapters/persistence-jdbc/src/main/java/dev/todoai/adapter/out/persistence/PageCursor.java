package dev.todoai.adapter.out.persistence;

import dev.todoai.domain.shared.InvalidValueException;
import dev.todoai.domain.task.Priority;
import dev.todoai.domain.task.TaskSort;
import java.time.Instant;

/**
 * Where a page ended: the sort it belongs to, the last row's sort key and id. The payload {@code
 * version|field|order|id|key} is signed ({@link CursorSigning}: HMAC with a server key), so an
 * edited, truncated or forged cursor is refused as a 400 before anything in it is used. {@code key}
 * is an {@link Instant} within the years 1–9999 (null for a task without a due), an {@link Integer}
 * priority rank or a lower-cased title.
 */
record PageCursor(TaskSort sort, Object key, long id) {
  private static final String VERSION = "2";
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
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
    return CursorSigning.sign(payload);
  }

  private String encodeKey() {
    if (key == null) {
      return NO_DUE;
    }
    return key.toString();
  }

  /** Reads a cursor issued for {@code expected}; anything else is an invalid value. */
  static PageCursor decode(String text, TaskSort expected) {
    String[] parts = CursorSigning.verify(text).orElseThrow(PageCursor::invalid).split("\\|", 5);
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
              + StoredNames.of(sort.field())
              + " "
              + StoredNames.of(sort.order())
              + "; request the first page again without a cursor");
    }
    return new PageCursor(sort, key, id);
  }

  private static Object decodeKey(TaskSort.Field field, String text) {
    return switch (field) {
      case CREATED_AT, UPDATED_AT -> inRange(Instant.parse(text));
      case DUE -> NO_DUE.equals(text) ? null : inRange(Instant.parse(text));
      case PRIORITY -> Priority.fromRank(Integer.parseInt(text)).rank();
      case TITLE -> text;
    };
  }

  private static Instant inRange(Instant instant) {
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      throw new IllegalArgumentException("out of range");
    }
    return instant;
  }

  private static InvalidValueException invalid() {
    return new InvalidValueException("cursor", "is not a valid page cursor");
  }
}
