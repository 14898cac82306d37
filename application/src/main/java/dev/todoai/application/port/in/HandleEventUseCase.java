package dev.todoai.application.port.in;

import dev.todoai.application.event.DeliveryOutcome;
import dev.todoai.application.event.InboundEvent;

/**
 * A consumer of one topic. Transports deliver every event of {@link #topic()} to {@link #handle},
 * at least once, and act on the outcome; the consumer makes duplicates harmless.
 */
public interface HandleEventUseCase {
  /** A stable name, used as the idempotency scope and the subscription's consumer group. */
  String consumer();

  String topic();

  DeliveryOutcome handle(InboundEvent event);
}
