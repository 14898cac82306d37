package dev.todoai.application.port.out;

import dev.todoai.application.event.OutboundEvent;

/**
 * Hands an event to the transport (in-process subscribers or Dapr pub/sub). Returns once the
 * transport has accepted it; throws when it has not, so that the relay retries with the same id.
 */
public interface PublishEventPort {
  void publish(OutboundEvent event);
}
