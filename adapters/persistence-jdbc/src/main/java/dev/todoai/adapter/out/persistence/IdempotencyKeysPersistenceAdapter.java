package dev.todoai.adapter.out.persistence;

import dev.todoai.application.port.out.IdempotencyKeysPort;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.TaskId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/** Idempotency keys in {@code idempotency_keys}, one row per (user, key). */
@Singleton
final class IdempotencyKeysPersistenceAdapter implements IdempotencyKeysPort {
  private final IdempotencyKeyRows keys;

  IdempotencyKeysPersistenceAdapter(IdempotencyKeyRows keys) {
    this.keys = keys;
  }

  @Override
  public Optional<IdempotencyRecord> find(UserId owner, String key, Instant notBefore) {
    return keys.find(owner.value(), key, Micros.of(notBefore))
        .map(
            found ->
                new IdempotencyRecord(
                    found.requestHash(), new TaskId(found.taskId()), found.createdAt()));
  }

  @Override
  public boolean record(
      UserId owner, String key, String requestHash, TaskId taskId, Instant now, Instant notBefore) {
    return keys.record(
            owner.value(), key, requestHash, taskId.value(), Micros.of(now), Micros.of(notBefore))
        == 1;
  }
}
