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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The relay worker in a running context. The fallback sweep is an hour, so anything published
 * within the test was woken by a notification or by the back-off.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxRelayWorkerTest implements TestPropertyProvider {
  @Inject OutboxRelayWorker worker;
  @Inject RecordingPublisher publisher;
  @Inject OutboxPort outbox;
  @Inject TransactionPort transactions;
  private final TestDatabase.Coordinates database = TestDatabase.freshDatabase();

  @Override
  public Map<String, String> getProperties() {
    return OutboxTestData.relayWorkerProperties(database.properties(), "20ms", "200ms");
  }

  @BeforeEach
  void idleWorkerAndWorkingTransport() {
    await().atMost(10, TimeUnit.SECONDS).until(worker::idle);
    publisher.reset();
  }

  private long commit(OutboundEvent event) {
    transactions.inTransaction(
        () -> {
          outbox.append(List.of(event));
          return null;
        });
    return System.nanoTime();
  }

  @Test
  void workerPublishesACommittedEventAtOnceWithoutWaitingForTheSweep() {
    List<Long> latencies = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      await().atMost(5, TimeUnit.SECONDS).until(worker::idle);
      OutboundEvent event = anEvent("u-wake", i);
      long committed = commit(event);

      await()
          .atMost(5, TimeUnit.SECONDS)
          .pollInterval(Duration.ofMillis(1))
          .until(() -> publisher.deliveryCount() == latencies.size() + 1);

      Delivery delivery = publisher.deliveries().get(latencies.size());
      assertThat(delivery.event()).isEqualTo(event);
      latencies.add(delivery.atNanos() - committed);
    }
    List<Long> sorted = latencies.stream().sorted().toList();
    System.out.printf(
        "wake-up latency after commit over %d commits: median %.2f ms, max %.2f ms%n",
        sorted.size(), sorted.get(sorted.size() / 2) / 1e6, sorted.get(sorted.size() - 1) / 1e6);
  }

  @Test
  void workerRetriesByItselfAndPublishesOnceTheTransportRecovers() {
    publisher.down();
    OutboundEvent event = anEvent("u-outage", 1);
    commit(event);

    // No further commit wakes it and the sweep is an hour away: only the back-off retries.
    await().atMost(5, TimeUnit.SECONDS).until(() -> publisher.refused().size() >= 4);
    assertThat(publisher.refused()).containsOnly(event.eventId());
    publisher.up();

    await().atMost(5, TimeUnit.SECONDS).until(() -> publisher.deliveryCount() == 1);
    await().atMost(5, TimeUnit.SECONDS).until(worker::idle);
    assertThat(publisher.deliveries()).extracting(Delivery::event).containsExactly(event);
    assertThat(outbox.backlog(java.time.Instant.now()).unpublished()).isZero();
  }

  @Test
  void workerDrainsMoreThanOneBatchPerWakeUp() {
    List<OutboundEvent> events = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      events.add(anEvent("u-many", i));
    }
    transactions.inTransaction(
        () -> {
          outbox.append(events);
          return null;
        });

    await().atMost(5, TimeUnit.SECONDS).until(() -> publisher.deliveryCount() == 250);
    assertThat(publisher.deliveries())
        .extracting(Delivery::event)
        .containsExactlyElementsOf(events);
  }

  @Test
  void workerListensAgainAfterItsConnectionIsKilled() throws SQLException {
    int before = listenerPid();
    try (Connection c = database.connect();
        PreparedStatement ps = c.prepareStatement("SELECT pg_terminate_backend(?)")) {
      ps.setInt(1, before);
      ps.execute();
    }

    await().atMost(5, TimeUnit.SECONDS).until(() -> listenerPid() != before && worker.idle());
    OutboundEvent event = anEvent("u-reconnect", 1);
    commit(event);

    await().atMost(5, TimeUnit.SECONDS).until(() -> publisher.deliveryCount() == 1);
    assertThat(publisher.deliveries()).extracting(Delivery::event).containsExactly(event);
  }

  /** The backend pid of the worker's listening connection, or 0 when there is none. */
  private int listenerPid() throws SQLException {
    try (Connection c = database.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT coalesce(max(pid), 0) FROM pg_stat_activity"
                    + " WHERE application_name = 'todo-ai outbox relay'"
                    + " AND datname = current_database()")) {
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
