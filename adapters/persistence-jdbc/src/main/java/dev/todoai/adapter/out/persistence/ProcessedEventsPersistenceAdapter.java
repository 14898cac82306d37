package dev.todoai.adapter.out.persistence;

import dev.todoai.application.port.out.ProcessedEventsPort;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.UUID;

/**
 * Handled events in {@code processed_events}, unique per (consumer, event id). Joins the current
 * transaction, so the mark commits or rolls back with the consumer's effect; a concurrent duplicate
 * waits for the first one's transaction and then finds the row.
 */
@Singleton
final class ProcessedEventsPersistenceAdapter implements ProcessedEventsPort {
  private final ProcessedEventRows rows;

  ProcessedEventsPersistenceAdapter(ProcessedEventRows rows) {
    this.rows = rows;
  }

  @Override
  public boolean markProcessed(String consumer, UUID eventId, Instant at) {
    return rows.mark(consumer, eventId, Micros.of(at)) == 1;
  }
}
