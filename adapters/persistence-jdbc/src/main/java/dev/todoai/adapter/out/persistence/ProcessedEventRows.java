package dev.todoai.adapter.out.persistence;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.UUID;

/** The {@code processed_events} table (Micronaut Data JDBC): unique per (consumer, event id). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ProcessedEventRows
    extends GenericRepository<ProcessedEventRows.ProcessedEventRow, ProcessedEventRows.Key> {

  /** The primary key of {@code processed_events}. */
  @Embeddable
  record Key(
      @MappedProperty("consumer") String consumer, @MappedProperty("event_id") UUID eventId) {}

  /** A row of {@code processed_events}. */
  @MappedEntity("processed_events")
  record ProcessedEventRow(@EmbeddedId Key id, Instant processedAt) {}

  /** Marks the event handled by the consumer; 1 when it was not yet. */
  @Query(
      "INSERT INTO processed_events (consumer, event_id, processed_at)"
          + " VALUES (:consumer, :eventId, :processedAt) ON CONFLICT (consumer, event_id) DO NOTHING")
  int mark(String consumer, UUID eventId, Instant processedAt);
}
