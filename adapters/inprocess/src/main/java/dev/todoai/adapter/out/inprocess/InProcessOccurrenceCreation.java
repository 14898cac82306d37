package dev.todoai.adapter.out.inprocess;

import dev.todoai.application.event.NextOccurrenceRequest;
import dev.todoai.application.port.in.CreateNextOccurrenceUseCase;
import dev.todoai.application.port.in.OccurrenceRefusedException;
import dev.todoai.application.port.out.OccurrenceCreationPort;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** In one process the recurring consumer calls the backend's use case directly. */
@Singleton
@Requires(property = "todo.transport", value = "inprocess", defaultValue = "inprocess")
final class InProcessOccurrenceCreation implements OccurrenceCreationPort {
  private static final Logger LOG = LoggerFactory.getLogger(InProcessOccurrenceCreation.class);
  private final BeanProvider<CreateNextOccurrenceUseCase> backend;

  InProcessOccurrenceCreation(BeanProvider<CreateNextOccurrenceUseCase> backend) {
    this.backend = backend;
  }

  @Override
  public void createNextOccurrence(NextOccurrenceRequest request) {
    try {
      backend.get().createNext(request.owner(), request.predecessor());
    } catch (OccurrenceRefusedException refused) {
      // e.g. completed and reopened before this event arrived: nothing to create, nothing to retry
      LOG.info("No next occurrence: {}", refused.getMessage());
    }
  }
}
