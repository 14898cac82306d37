package dev.todoai.adapter.out.persistence;

import dev.todoai.application.event.OutboundEvent;
import dev.todoai.application.event.Topics;
import dev.todoai.application.port.out.OutboxPort;
import dev.todoai.application.port.out.TransactionPort;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Outbound events for outbox tests, and a look at the rows behind them. */
final class OutboxTestData {
  private OutboxTestData() {}

  /** The {@code seq}-th event of {@code user}; the payload names both. */
  static OutboundEvent anEvent(String user, int seq) {
    return new OutboundEvent(
        UUID.randomUUID(),
        Topics.TASK_EVENTS,
        "task.updated",
        user,
        "{\"user\":\"" + user + "\",\"seq\":" + seq + "}");
  }

  /** A partition key whose lane differs from {@code other}'s. */
  static String aKeyInAnotherLaneThan(String other) {
    for (int i = 0; ; i++) {
      String key = "u-" + UUID.randomUUID();
      if (OutboxLanes.of(key) != OutboxLanes.of(other)) {
        return key;
      }
    }
  }

  /** Outbox ids by event id, for every row still in the table. */
  static Map<UUID, Long> outboxIds(Connection c) throws SQLException {
    Map<UUID, Long> ids = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT event_id, id FROM outbox");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ids.put(rs.getObject(1, UUID.class), rs.getLong(2));
      }
    }
    return ids;
  }

  /**
   * Properties for a test of the relay worker on {@code database} with the recording transport of
   * {@link RelayTestFactory}: no sweeps or pruning during the test, the given back-off.
   */
  static Map<String, String> relayWorkerProperties(
      Map<String, String> database, String backoffMin, String backoffMax) {
    Map<String, String> props = new HashMap<>(database);
    props.put("todo.relay.enabled", "true");
    props.put("todo.test.relay", "true");
    props.put("todo.outbox.fallback-sweep", "1h");
    props.put("todo.outbox.backoff-min", backoffMin);
    props.put("todo.outbox.backoff-max", backoffMax);
    props.put("todo.outbox.prune-interval", "1h");
    return props;
  }

  /** Appends {@code event} to the outbox and commits. */
  static void commit(TransactionPort transactions, OutboxPort outbox, OutboundEvent event) {
    transactions.inTransaction(
        () -> {
          outbox.append(List.of(event));
          return null;
        });
  }
}
