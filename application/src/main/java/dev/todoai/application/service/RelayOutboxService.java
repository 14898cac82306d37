package dev.todoai.application.service;

import dev.todoai.application.event.OutboxBacklog;
import dev.todoai.application.port.in.RelayOutboxUseCase;
import dev.todoai.application.port.out.ClockPort;
import dev.todoai.application.port.out.OutboxPort;
import dev.todoai.application.port.out.OutboxPort.OutboxEntry;
import dev.todoai.application.port.out.PublishEventPort;
import dev.todoai.application.port.out.TransactionPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes claimed outbox events in order and marks those the transport accepted. Publishing stops
 * at the first failure so that later events of the same key never overtake it; the failed event
 * stays in the outbox with its id and is published again on the next pass.
 */
public final class RelayOutboxService implements RelayOutboxUseCase {
  private final ClockPort clock;
  private final TransactionPort transactions;
  private final OutboxPort outbox;
  private final PublishEventPort publisher;
  private final int batchSize;
  private final Duration retention;

  public RelayOutboxService(
      ClockPort clock,
      TransactionPort transactions,
      OutboxPort outbox,
      PublishEventPort publisher,
      int batchSize,
      Duration retention) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be positive");
    }
    this.clock = clock;
    this.transactions = transactions;
    this.outbox = outbox;
    this.publisher = publisher;
    this.batchSize = batchSize;
    this.retention = retention;
  }

  @Override
  public RelayResult relayOnce() {
    return transactions.inTransaction(
        () -> {
          List<OutboxEntry> batch = outbox.claimBatch(batchSize);
          List<Long> published = new ArrayList<>(batch.size());
          RuntimeException failure = null;
          for (OutboxEntry entry : batch) {
            try {
              publisher.publish(entry.event());
              published.add(entry.id());
            } catch (RuntimeException e) {
              failure = e;
              break;
            }
          }
          if (!published.isEmpty()) {
            outbox.markPublished(published, clock.now());
          }
          return new RelayResult(batch.size(), published.size(), failure);
        });
  }

  @Override
  public boolean prepareTransportProbes() {
    return publisher.prepareProbes();
  }

  @Override
  public boolean transportReachable() {
    return publisher.probe();
  }

  @Override
  public int prune() {
    return transactions.inTransaction(
        () -> outbox.prunePublishedBefore(clock.now().minus(retention)));
  }

  @Override
  public OutboxBacklog backlog() {
    return outbox.backlog(clock.now());
  }
}
