package dev.todoai.adapter.out.persistence;

import static dev.todoai.adapter.out.persistence.OutboxTestData.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.todoai.adapter.out.persistence.RecordingPublisher.Delivery;
import dev.todoai.adapter.out.persistence.testsupport.TestDatabase;
import dev.todoai.application.event.OutboundEvent;
import dev.todoai.application.port.out.OutboxPort;
import dev.todoai.application.port.out.TransactionPort;
import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Two replicas' relay workers (two application contexts) on one database. */
class TwoOutboxRelaysTest {
  private static final int USERS = 20;
  private static final int EVENTS_PER_USER = 100;

  private static Map<String, Object> relayProperties(TestDatabase.Coordinates db, String name) {
    Map<String, Object> props = new HashMap<>(db.properties());
    props.put("todo.relay.enabled", "true");
    props.put("todo.test.relay", "true");
    props.put("todo.test.relay-name", name);
    props.put("todo.outbox.batch-size", "50");
    props.put("todo.outbox.fallback-sweep", "1h");
    props.put("todo.outbox.backoff-min", "20ms");
    props.put("todo.outbox.backoff-max", "200ms");
    return props;
  }

  @Test
  void twoRelaysPublishEveryEventExactlyOnceAndEachKeyInOutboxIdOrder() throws Exception {
    TestDatabase.Coordinates db = TestDatabase.freshDatabase();
    try (ApplicationContext writer = ApplicationContext.run(new HashMap<>(db.properties()))) {
      TransactionPort transactions = writer.getBean(TransactionPort.class);
      OutboxPort outbox = writer.getBean(OutboxPort.class);
      List<List<OutboundEvent>> rounds = new ArrayList<>();
      for (int seq = 0; seq < EVENTS_PER_USER; seq++) {
        List<OutboundEvent> round = new ArrayList<>();
        for (int user = 0; user < USERS; user++) {
          round.add(anEvent("user-" + user, seq));
        }
        rounds.add(round);
      }
      // Half the events wait in the outbox; the other half are committed while both relays run.
      List<List<OutboundEvent>> backlog = rounds.subList(0, EVENTS_PER_USER / 2);
      List<List<OutboundEvent>> live = rounds.subList(EVENTS_PER_USER / 2, EVENTS_PER_USER);
      backlog.forEach(round -> commit(transactions, outbox, round));

      CompletableFuture<ApplicationContext> startA =
          CompletableFuture.supplyAsync(() -> ApplicationContext.run(relayProperties(db, "A")));
      CompletableFuture<ApplicationContext> startB =
          CompletableFuture.supplyAsync(() -> ApplicationContext.run(relayProperties(db, "B")));
      try (ApplicationContext a = startA.get(60, TimeUnit.SECONDS);
          ApplicationContext b = startB.get(60, TimeUnit.SECONDS)) {
        live.forEach(round -> commit(transactions, outbox, round));
        RecordingPublisher publisherA = a.getBean(RecordingPublisher.class);
        RecordingPublisher publisherB = b.getBean(RecordingPublisher.class);
        OutboxRelayWorker workerA = a.getBean(OutboxRelayWorker.class);
        OutboxRelayWorker workerB = b.getBean(OutboxRelayWorker.class);

        int total = USERS * EVENTS_PER_USER;
        await()
            .atMost(60, TimeUnit.SECONDS)
            .until(() -> publisherA.deliveryCount() + publisherB.deliveryCount() >= total);
        await().atMost(10, TimeUnit.SECONDS).until(() -> workerA.idle() && workerB.idle());

        List<Delivery> deliveries = new ArrayList<>(publisherA.deliveries());
        deliveries.addAll(publisherB.deliveries());
        deliveries.sort(Comparator.comparingLong(Delivery::sequence));
        Map<UUID, Long> ids;
        try (Connection c = db.connect()) {
          ids = OutboxTestData.outboxIds(c);
          assertThat(unpublished(c)).isZero();
        }

        assertThat(deliveries).hasSize(total);
        assertThat(deliveries.stream().map(Delivery::eventId).distinct()).hasSize(total);
        assertThat(ids.keySet())
            .containsExactlyInAnyOrderElementsOf(
                deliveries.stream().map(Delivery::eventId).toList());
        Map<String, List<Long>> idsPerKey =
            deliveries.stream()
                .collect(
                    Collectors.groupingBy(
                        d -> d.event().partitionKey(),
                        Collectors.mapping(d -> ids.get(d.eventId()), Collectors.toList())));
        assertThat(idsPerKey).hasSize(USERS);
        idsPerKey.values().forEach(list -> assertThat(list).hasSize(EVENTS_PER_USER).isSorted());

        long first = deliveries.stream().mapToLong(Delivery::atNanos).min().orElseThrow();
        long last = deliveries.stream().mapToLong(Delivery::atNanos).max().orElseThrow();
        System.out.printf(
            "two relays: %d events, A published %d, B %d, first to last delivery %.1f ms"
                + " (%.0f events/s)%n",
            total,
            publisherA.deliveryCount(),
            publisherB.deliveryCount(),
            (last - first) / 1e6,
            total / ((last - first) / 1e9));
      }
    }
  }

  @Test
  void closingTheContextStopsTheWorkerAndClosesItsListeningConnection() throws Exception {
    TestDatabase.Coordinates db = TestDatabase.freshDatabase();
    ApplicationContext relay = ApplicationContext.run(relayProperties(db, "C"));
    OutboxRelayWorker worker = relay.getBean(OutboxRelayWorker.class);
    await().atMost(10, TimeUnit.SECONDS).until(worker::idle);
    assertThat(listeningConnections(db)).isEqualTo(1);

    relay.close();

    await().atMost(5, TimeUnit.SECONDS).until(() -> listeningConnections(db) == 0);
    assertThat(worker.idle()).isFalse();
  }

  private static void commit(
      TransactionPort transactions, OutboxPort outbox, List<OutboundEvent> events) {
    transactions.inTransaction(
        () -> {
          outbox.append(events);
          return null;
        });
  }

  private static long unpublished(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT count(*) FROM outbox WHERE published_at IS NULL");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static int listeningConnections(TestDatabase.Coordinates db) throws SQLException {
    try (Connection c = db.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?"
                    + " AND datname = current_database()")) {
      ps.setString(1, "todo-ai outbox relay");
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
