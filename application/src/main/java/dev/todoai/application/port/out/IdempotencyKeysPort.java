package dev.todoai.application.port.out;

import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.TaskId;
import java.time.Instant;
import java.util.Optional;

/** Remembers which task an {@code Idempotency-Key} created, so that a retry creates nothing new. */
public interface IdempotencyKeysPort {

  /** What a key was first used for. */
  record IdempotencyRecord(String requestHash, TaskId taskId, Instant createdAt) {}

  /** The record of {@code key} if it was used at or after {@code notBefore}. */
  Optional<IdempotencyRecord> find(UserId owner, String key, Instant notBefore);

  /**
   * Records the key in the current transaction (replacing a record older than {@code notBefore});
   * false when a live record exists already (a concurrent request won).
   */
  boolean record(
      UserId owner, String key, String requestHash, TaskId taskId, Instant now, Instant notBefore);
}
