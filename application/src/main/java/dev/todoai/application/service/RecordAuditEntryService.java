package dev.todoai.application.service;

import dev.todoai.application.event.DeliveryOutcome;
import dev.todoai.application.event.InboundEvent;
import dev.todoai.application.event.TaskEventMessage;
import dev.todoai.application.event.Topics;
import dev.todoai.application.event.UndecodableEventException;
import dev.todoai.application.port.in.HandleEventUseCase;
import dev.todoai.application.port.out.AuditLogPort;
import dev.todoai.application.port.out.ClockPort;
import dev.todoai.application.port.out.EventCodecPort;
import dev.todoai.application.port.out.ProcessedEventsPort;
import dev.todoai.application.port.out.TransactionPort;
import dev.todoai.domain.audit.AuditEntry;
import java.lang.System.Logger.Level;

/** The audit role's consumer: one audit entry per task event, duplicates ignored. */
public final class RecordAuditEntryService implements HandleEventUseCase {
  public static final String CONSUMER = "audit";
  private static final System.Logger LOG =
      System.getLogger(RecordAuditEntryService.class.getName());

  private final ClockPort clock;
  private final TransactionPort transactions;
  private final EventCodecPort codec;
  private final ProcessedEventsPort processed;
  private final AuditLogPort auditLog;

  public RecordAuditEntryService(
      ClockPort clock,
      TransactionPort transactions,
      EventCodecPort codec,
      ProcessedEventsPort processed,
      AuditLogPort auditLog) {
    this.clock = clock;
    this.transactions = transactions;
    this.codec = codec;
    this.processed = processed;
    this.auditLog = auditLog;
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
      LOG.log(Level.WARNING, "audit: dropping undecodable event: {0}", e.getMessage());
      return DeliveryOutcome.DROP;
    }
    AuditEntry entry =
        new AuditEntry(
            message.eventId(),
            message.eventType(),
            message.userId(),
            message.taskId(),
            message.occurredAt(),
            message.snapshotJson(),
            message.changedFields());
    try {
      transactions.inTransaction(
          () -> {
            if (processed.markProcessed(CONSUMER, message.eventId(), clock.now())) {
              auditLog.append(entry);
            }
            return null;
          });
      return DeliveryOutcome.SUCCESS;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "audit: will retry event " + message.eventId(), e);
      return DeliveryOutcome.RETRY;
    }
  }
}
