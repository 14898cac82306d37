package dev.todoai.application.service;

import dev.todoai.application.event.DeliveryOutcome;
import dev.todoai.application.event.InboundEvent;
import dev.todoai.application.event.NextOccurrenceRequest;
import dev.todoai.application.event.TaskEventMessage;
import dev.todoai.application.event.Topics;
import dev.todoai.application.event.UndecodableEventException;
import dev.todoai.application.port.in.HandleEventUseCase;
import dev.todoai.application.port.out.EventCodecPort;
import dev.todoai.application.port.out.OccurrenceCreationPort;
import dev.todoai.domain.task.TaskEventType;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * The recurring role's consumer: on a {@code completed} event of a recurring task, computes the
 * next due and asks the backend to create that occurrence (idempotent per predecessor, so duplicate
 * or concurrent deliveries create one successor).
 */
public final class ScheduleNextOccurrenceService implements HandleEventUseCase {
  public static final String CONSUMER = "recurring";
  private static final System.Logger LOG =
      System.getLogger(ScheduleNextOccurrenceService.class.getName());

  private final EventCodecPort codec;
  private final NextOccurrences next;
  private final OccurrenceCreationPort backend;

  public ScheduleNextOccurrenceService(
      EventCodecPort codec, NextOccurrences next, OccurrenceCreationPort backend) {
    this.codec = codec;
    this.next = next;
    this.backend = backend;
  }

  @Override
  public String consumer() {
    return CONSUMER;
  }

  @Override
  public String topic() {
    return Topics.TASK_EVENTS;
  }

  @Override
  public DeliveryOutcome handle(InboundEvent event) {
    TaskEventMessage message;
    try {
      message = codec.decodeTaskEvent(event.payload());
    } catch (UndecodableEventException e) {
      LOG.log(Level.WARNING, "recurring: dropping undecodable event: {0}", e.getMessage());
      return DeliveryOutcome.DROP;
    }
    if (!message.is(TaskEventType.COMPLETED)
        || !message.task().isRecurring()
        || message.task().completedAt() == null) {
      return DeliveryOutcome.SUCCESS;
    }
    Optional<NextOccurrenceRequest> request;
    try {
      request = next.after(message.task(), message.task().completedAt());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "recurring: cannot expand the rule of task " + message.taskId(), e);
      return DeliveryOutcome.DROP;
    }
    if (request.isEmpty()) {
      return DeliveryOutcome.SUCCESS;
    }
    try {
      backend.createNextOccurrence(request.get());
      return DeliveryOutcome.SUCCESS;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "recurring: will retry task " + message.taskId(), e);
      return DeliveryOutcome.RETRY;
    }
  }
}
