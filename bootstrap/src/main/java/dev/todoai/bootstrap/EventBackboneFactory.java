package dev.todoai.bootstrap;

import dev.todoai.application.port.in.HandleEventUseCase;
import dev.todoai.application.port.in.ListAuditEntriesQuery;
import dev.todoai.application.port.in.RelayOutboxUseCase;
import dev.todoai.application.port.out.AuditLogPort;
import dev.todoai.application.port.out.ClockPort;
import dev.todoai.application.port.out.EventCodecPort;
import dev.todoai.application.port.out.LiveUpdatesPort;
import dev.todoai.application.port.out.OutboxPort;
import dev.todoai.application.port.out.ProcessedEventsPort;
import dev.todoai.application.port.out.PublishEventPort;
import dev.todoai.application.port.out.TransactionPort;
import dev.todoai.application.service.BroadcastTaskUpdateService;
import dev.todoai.application.service.ListAuditEntriesService;
import dev.todoai.application.service.RecordAuditEntryService;
import dev.todoai.application.service.RelayOutboxService;
import dev.todoai.application.service.TaskEventRecorder;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The event backbone's use cases. Which consumers run is a matter of the role's properties ({@code
 * todo.consumers.<name>.enabled}); the transports pick up whatever consumers exist.
 */
@Factory
class EventBackboneFactory {

  @Singleton
  TaskEventRecorder taskEventRecorder(EventCodecPort codec, OutboxPort outbox) {
    return new TaskEventRecorder(codec, outbox);
  }

  @Singleton
  RelayOutboxUseCase relayOutbox(
      ClockPort clock,
      TransactionPort transactions,
      OutboxPort outbox,
      PublishEventPort publisher,
      @Value("${todo.outbox.batch-size:100}") int batchSize,
      @Value("${todo.outbox.retention:1h}") Duration retention) {
    return new RelayOutboxService(clock, transactions, outbox, publisher, batchSize, retention);
  }

  @Singleton
  @Named(RecordAuditEntryService.CONSUMER)
  @Requires(property = "todo.consumers.audit.enabled", value = "true")
  HandleEventUseCase auditConsumer(
      ClockPort clock,
      TransactionPort transactions,
      EventCodecPort codec,
      ProcessedEventsPort processed,
      AuditLogPort auditLog) {
    return new RecordAuditEntryService(clock, transactions, codec, processed, auditLog);
  }

  @Singleton
  @Named(BroadcastTaskUpdateService.CONSUMER)
  @Requires(property = "todo.consumers.live-updates.enabled", value = "true")
  HandleEventUseCase liveUpdatesConsumer(EventCodecPort codec, LiveUpdatesPort liveUpdates) {
    return new BroadcastTaskUpdateService(codec, liveUpdates);
  }

  @Singleton
  ListAuditEntriesQuery listAuditEntries(AuditLogPort auditLog) {
    return new ListAuditEntriesService(auditLog);
  }
}
