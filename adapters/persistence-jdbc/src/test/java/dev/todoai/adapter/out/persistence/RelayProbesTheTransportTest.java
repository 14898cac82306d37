package dev.todoai.adapter.out.persistence;

import static dev.todoai.adapter.out.persistence.OutboxTestData.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.todoai.adapter.out.persistence.RecordingPublisher.Delivery;
import dev.todoai.adapter.out.persistence.testsupport.TestDatabase;
import dev.todoai.application.event.OutboundEvent;
import dev.todoai.application.port.out.OutboxPort;
import dev.todoai.application.port.out.TransactionPort;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * With a transport that has probes, an outage costs one refused event: the relay then probes
 * (commits do not make it retry events), and publishes again right after the first probe that goes
 * through.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelayProbesTheTransportTest implements TestPropertyProvider {
  @Inject OutboxRelayWorker worker;
  @Inject RecordingPublisher publisher;
  @Inject OutboxPort outbox;
  @Inject TransactionPort transactions;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> props =
        OutboxTestData.relayWorkerProperties(TestDatabase.properties(), "50ms", "200ms");
    props.put("todo.test.relay-probing", "true");
    props.put("todo.outbox.probe-interval", "100ms");
    props.put("todo.outbox.probe-window", "1h");
    return props;
  }

  private void commit(OutboundEvent event) {
    OutboxTestData.commit(transactions, outbox, event);
  }

  @Test
  void duringAnOutageTheRelayProbesInsteadOfRetryingEventsAndPublishesRightAfterTheReturn() {
    await().atMost(10, TimeUnit.SECONDS).until(worker::idle);
    publisher.down();
    OutboundEvent first = anEvent("u-probe", 1);
    commit(first);
    await().atMost(10, TimeUnit.SECONDS).until(() -> publisher.probes() >= 10);
    // commits during the outage wake the relay, but it keeps probing
    OutboundEvent second = anEvent("u-probe", 2);
    commit(second);
    int probesBefore = publisher.probes();
    await().atMost(10, TimeUnit.SECONDS).until(() -> publisher.probes() >= probesBefore + 10);
    assertThat(publisher.refused())
        .as("events offered to the transport while it was down")
        .containsExactly(first.eventId());

    publisher.up();
    long back = System.nanoTime();
    await().atMost(10, TimeUnit.SECONDS).until(() -> publisher.deliveryCount() == 2);
    long millis = (publisher.deliveries().get(1).atNanos() - back) / 1_000_000;
    assertThat(publisher.deliveries()).extracting(Delivery::event).containsExactly(first, second);
    assertThat(Duration.ofMillis(millis)).isLessThan(Duration.ofMillis(1000));
  }
}
