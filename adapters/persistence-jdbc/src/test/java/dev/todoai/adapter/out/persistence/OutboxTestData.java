package dev.todoai.adapter.out.persistence;

import dev.todoai.application.event.OutboundEvent;
import dev.todoai.application.event.Topics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
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
}
