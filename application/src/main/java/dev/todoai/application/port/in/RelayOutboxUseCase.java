package dev.todoai.application.port.in;

import dev.todoai.application.event.OutboxBacklog;

/** Moves committed events from the outbox to the transport. */
public interface RelayOutboxUseCase {

  /**
   * One pass over one batch: how many events were claimed and published, and why publishing stopped
   * early (null when it did not).
   */
  record RelayResult(int claimed, int published, RuntimeException failure) {
    public boolean failed() {
      return failure != null;
    }
  }

  RelayResult relayOnce();

  /**
   * Readies the transport's probes; true when the transport has them and they work now (see {@code
   * PublishEventPort#prepareProbes}).
   */
  boolean prepareTransportProbes();

  /** Whether the transport takes messages again, asked without sending an event. */
  boolean transportReachable();

  /** Deletes events published longer ago than the retention period; returns how many. */
  int prune();

  OutboxBacklog backlog();
}
