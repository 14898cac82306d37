package dev.todoai.application.port.out;

import dev.todoai.application.event.OutboundEvent;

/**
 * Hands an event to the transport (in-process subscribers or Dapr pub/sub). Returns once the
 * transport has accepted it; throws when it has not, so that the relay retries with the same id.
 *
 * <p>A transport may also offer probes: a way to find out whether it takes messages again without
 * sending an event. After a failure the relay probes instead of retrying events, because retrying
 * an event can itself hold the transport back (Kafka's producer in the Dapr sidecar shuts a
 * partition for 10 s after failed attempts, docs/adr/0015-recovery-after-a-broker-outage.md).
 */
public interface PublishEventPort {
  void publish(OutboundEvent event);

  /**
   * Makes the probes ready while the transport works (e.g. creates what they send to); returns
   * whether probing works. A transport without probes answers false, and the relay simply retries.
   */
  default boolean prepareProbes() {
    return false;
  }

  /** Whether the transport takes messages now, found without sending an event. */
  default boolean probe() {
    return true;
  }
}
