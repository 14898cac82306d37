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
 * After an outage the relay may be deep in its back-off; a new commit is the best hint that the
 * world moved on, so it retries at once rather than sleeping the back-off out.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelayRetriesOnCommitTest implements TestPropertyProvider {
  @Inject OutboxRelayWorker worker;
  @Inject RecordingPublisher publisher;
  @Inject OutboxPort outbox;
  @Inject TransactionPort transactions;

  @Override
  public Map<String, String> getProperties() {
    return OutboxTestData.relayWorkerProperties(TestDatabase.properties(), "50ms", "1m");
  }

  private void commit(OutboundEvent event) {
    OutboxTestData.commit(transactions, outbox, event);
  }

  @Test
  void aCommitDuringALongBackOffMakesTheRelayRetryAtOnce() {
    await().atMost(10, TimeUnit.SECONDS).until(worker::idle);
    publisher.down();
    OutboundEvent first = anEvent("u-backoff", 1);
    commit(first);
    // 50 ms doubling: after the 7th refusal the relay would sleep 3.2 s
    await().atMost(20, TimeUnit.SECONDS).until(() -> publisher.refused().size() >= 7);
    publisher.up();

    long committed = System.nanoTime();
    OutboundEvent second = anEvent("u-backoff", 2);
    commit(second);

    await().atMost(10, TimeUnit.SECONDS).until(() -> publisher.deliveryCount() == 2);
    long millis = (publisher.deliveries().get(1).atNanos() - committed) / 1_000_000;
    assertThat(publisher.deliveries()).extracting(Delivery::event).containsExactly(first, second);
    assertThat(Duration.ofMillis(millis)).isLessThan(Duration.ofMillis(1500));
  }
}
