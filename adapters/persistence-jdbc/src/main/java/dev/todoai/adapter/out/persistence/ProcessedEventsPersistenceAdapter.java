package dev.todoai.adapter.out.persistence;

import dev.todoai.application.port.out.ProcessedEventsPort;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Handled events in {@code processed_events}, unique per (consumer, event id). Joins the current
 * transaction, so the mark commits or rolls back with the consumer's effect; a concurrent duplicate
 * waits for the first one's transaction and then finds the row.
 */
@Singleton
final class ProcessedEventsPersistenceAdapter implements ProcessedEventsPort {
  private final Jdbc jdbc;

  ProcessedEventsPersistenceAdapter(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean markProcessed(String consumer, UUID eventId, Instant at) {
    return jdbc.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO processed_events (consumer, event_id, processed_at)"
                      + " VALUES (?, ?, ?) ON CONFLICT (consumer, event_id) DO NOTHING")) {
            Jdbc.bind(ps, List.of(consumer, eventId, at));
            return ps.executeUpdate() == 1;
          }
        });
  }
}
