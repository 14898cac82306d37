package dev.todoai.application.port.out;

import dev.todoai.application.event.NextOccurrenceRequest;

/**
 * How the recurring role asks the backend to create an occurrence: a direct call in-process, Dapr
 * service invocation between processes. Throws when the backend cannot be reached (the event is
 * then redelivered).
 */
public interface OccurrenceCreationPort {
  void createNextOccurrence(NextOccurrenceRequest request);
}
