package dev.todoai.domain.task;

import dev.todoai.domain.shared.InvalidValueException;

/** A page of at most {@code limit} (1-200, default 50) tasks after an opaque {@code cursor}. */
public record TaskPageRequest(int limit, String cursor) {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;

  public TaskPageRequest {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidValueException("limit", "must be from 1 to " + MAX_LIMIT);
    }
    cursor = cursor == null || cursor.isEmpty() ? null : cursor;
  }

  public static TaskPageRequest first(int limit) {
    return new TaskPageRequest(limit, null);
  }
}
