package dev.todoai.adapter.out.inprocess;

import dev.todoai.application.event.NextOccurrenceRequest;
import dev.todoai.application.port.in.CreateNextOccurrenceUseCase;
import dev.todoai.application.port.out.OccurrenceCreationPort;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** In one process the recurring consumer calls the backend's use case directly. */
@Singleton
@Requires(property = "todo.transport", value = "inprocess", defaultValue = "inprocess")
final class InProcessOccurrenceCreation implements OccurrenceCreationPort {
  private final BeanProvider<CreateNextOccurrenceUseCase> backend;

  InProcessOccurrenceCreation(BeanProvider<CreateNextOccurrenceUseCase> backend) {
    this.backend = backend;
  }

  @Override
  public void createNextOccurrence(NextOccurrenceRequest request) {
    backend.get().createNext(request);
  }
}
