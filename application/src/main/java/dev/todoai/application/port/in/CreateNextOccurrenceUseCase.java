package dev.todoai.application.port.in;

import dev.todoai.application.event.NextOccurrenceRequest;
import dev.todoai.domain.task.Task;
import java.util.Optional;

/**
 * The backend's internal use case behind the recurring role: creates the next occurrence of a
 * series exactly once per predecessor (a repeat returns the one created before). Empty when the
 * predecessor no longer exists.
 */
public interface CreateNextOccurrenceUseCase {
  Optional<Task> createNext(NextOccurrenceRequest request);
}
