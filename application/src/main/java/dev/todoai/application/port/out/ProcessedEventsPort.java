package dev.todoai.application.port.out;

import java.time.Instant;
import java.util.UUID;

/** Remembers which events each consumer has handled, in the transaction of its effect. */
public interface ProcessedEventsPort {
  /** Records the event for the consumer; false when it was recorded before (a duplicate). */
  boolean markProcessed(String consumer, UUID eventId, Instant at);
}
