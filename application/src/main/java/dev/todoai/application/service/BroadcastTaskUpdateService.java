package dev.todoai.application.service;

import dev.todoai.application.event.DeliveryOutcome;
import dev.todoai.application.event.InboundEvent;
import dev.todoai.application.event.Topics;
import dev.todoai.application.event.UndecodableEventException;
import dev.todoai.application.port.in.HandleEventUseCase;
import dev.todoai.application.port.out.EventCodecPort;
import dev.todoai.application.port.out.LiveUpdatesPort;
import java.lang.System.Logger.Level;

/**
 * Fans task change notices out to the live connections of this process. Every backend replica
 * consumes all notices (its own consumer), so a user's stream works on whichever replica it hits.
 */
public final class BroadcastTaskUpdateService implements HandleEventUseCase {
  public static final String CONSUMER = "live-updates";
  private static final System.Logger LOG =
      System.getLogger(BroadcastTaskUpdateService.class.getName());

  private final EventCodecPort codec;
  private final LiveUpdatesPort liveUpdates;

  public BroadcastTaskUpdateService(EventCodecPort codec, LiveUpdatesPort liveUpdates) {
    this.codec = codec;
    this.liveUpdates = liveUpdates;
  }

  @Override
  public String consumer() {
    return CONSUMER;
  }

  @Override
  public String topic() {
    return Topics.TASK_UPDATES;
  }

  @Override
  public DeliveryOutcome handle(InboundEvent event) {
    try {
      liveUpdates.push(codec.decodeTaskUpdate(event.payload()));
      return DeliveryOutcome.SUCCESS;
    } catch (UndecodableEventException e) {
      LOG.log(Level.WARNING, "live-updates: dropping undecodable event: {0}", e.getMessage());
      return DeliveryOutcome.DROP;
    }
  }
}
