package dev.todoai.adapter.out.persistence;

import dev.todoai.application.port.in.RelayOutboxUseCase;
import dev.todoai.application.port.out.ClockPort;
import dev.todoai.application.port.out.OutboxPort;
import dev.todoai.application.port.out.TransactionPort;
import dev.todoai.application.service.RelayOutboxService;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What bootstrap wires in production, for the relay tests of this module: the real {@link
 * RelayOutboxService} on this adapter's ports, a system clock and a {@link RecordingPublisher}.
 * Only with {@code todo.test.relay=true}, so that other tests (and other modules using the
 * test-jar) never see these beans.
 */
@Factory
@Requires(property = "todo.test.relay", value = "true")
class RelayTestFactory {

  @Singleton
  ClockPort clock() {
    return () -> Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  @Singleton
  RecordingPublisher publisher(
      @Value("${todo.test.relay-name:relay}") String name,
      @Value("${todo.test.relay-probing:false}") boolean probing) {
    return new RecordingPublisher(name, probing);
  }

  @Singleton
  RelayOutboxUseCase relayOutbox(
      ClockPort clock,
      TransactionPort transactions,
      OutboxPort outbox,
      RecordingPublisher publisher,
      @Value("${todo.outbox.batch-size:100}") int batchSize) {
    return new RelayOutboxService(
        clock, transactions, outbox, publisher, batchSize, Duration.ofHours(1));
  }
}
