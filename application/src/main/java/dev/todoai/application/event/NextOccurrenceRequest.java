package dev.todoai.application.event;

import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Due;
import dev.todoai.domain.task.TaskId;
import java.util.Objects;

/**
 * The recurring role's request to the backend: create the occurrence that follows {@code
 * predecessor}, due at {@code due}, at position {@code index} of the series starting at {@code
 * seriesStart}. Idempotent per predecessor.
 */
public record NextOccurrenceRequest(
    UserId owner, TaskId predecessor, Due due, int index, Due seriesStart) {
  public NextOccurrenceRequest {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(predecessor, "predecessor");
    Objects.requireNonNull(due, "due");
    Objects.requireNonNull(seriesStart, "seriesStart");
  }
}
