package dev.todoai.application.port.out;

import dev.todoai.application.event.OutboundEvent;
import dev.todoai.application.event.OutboxBacklog;
import java.time.Instant;
import java.util.List;

/**
 * The transactional outbox: events are appended in the transaction of the change that caused them
 * and published later by the relay, at least once and in order per partition key.
 */
public interface OutboxPort {

  /** A stored event awaiting publication. */
  record OutboxEntry(long id, OutboundEvent event) {}

  /** Appends events in the current transaction; they become visible to the relay on commit. */
  void append(List<OutboundEvent> events);

  /**
   * Claims up to {@code max} unpublished events, oldest first, from one group of partition keys
   * that no other relay is working on; they stay locked until the current transaction ends. Empty
   * when nothing is available to this relay.
   */
  List<OutboxEntry> claimBatch(int max);

  void markPublished(List<Long> ids, Instant at);

  OutboxBacklog backlog(Instant now);

  /** Deletes events published before {@code cutoff}; returns how many. */
  int prunePublishedBefore(Instant cutoff);
}
