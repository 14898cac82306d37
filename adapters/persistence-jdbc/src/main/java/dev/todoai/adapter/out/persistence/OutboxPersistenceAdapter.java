package dev.todoai.adapter.out.persistence;

import dev.todoai.application.event.OutboundEvent;
import dev.todoai.application.event.OutboxBacklog;
import dev.todoai.application.port.out.OutboxPort;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The outbox in the {@code outbox} table. Rows are split into {@link OutboxLanes lanes} by
 * partition key; a relay claims one lane at a time under a transaction-scoped advisory lock, then
 * that lane's oldest pending rows {@code FOR UPDATE SKIP LOCKED}. So no two relays publish the same
 * row, and a key's events are published in id order by one relay at a time. Every append notifies
 * {@value #CHANNEL}, which wakes each listening relay when the transaction commits.
 */
@Singleton
final class OutboxPersistenceAdapter implements OutboxPort {
  /** The channel that {@link OutboxRelayWorker} listens on. */
  static final String CHANNEL = "todo_outbox";

  /** First key of the two-key advisory locks on lanes; the second is the lane. */
  static final int LANE_LOCK_NAMESPACE = 0x746f_646f; // "todo"

  private static final int PRUNE_CHUNK = 5_000;

  private static final String INSERT =
      "INSERT INTO outbox (event_id, topic, event_type, partition_key, lane, payload)"
          + " VALUES (?, ?, ?, ?, ?, ?)";
  // A loose index scan over outbox_pending_idx: one probe per lane that has pending rows.
  private static final String PENDING_LANES =
      "WITH RECURSIVE lanes (lane) AS ("
          + " (SELECT lane FROM outbox WHERE published_at IS NULL ORDER BY lane LIMIT 1)"
          + " UNION ALL"
          + " SELECT (SELECT o.lane FROM outbox o WHERE o.published_at IS NULL AND o.lane > l.lane"
          + " ORDER BY o.lane LIMIT 1) FROM lanes l WHERE l.lane IS NOT NULL)"
          + " SELECT lane FROM lanes WHERE lane IS NOT NULL";
  private static final String CLAIM =
      "SELECT id, event_id, topic, event_type, partition_key, payload FROM outbox"
          + " WHERE lane = ? AND published_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED";

  private final Jdbc jdbc;

  OutboxPersistenceAdapter(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void append(List<OutboundEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    jdbc.write(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (OutboundEvent e : events) {
              ps.setObject(1, e.eventId());
              ps.setString(2, e.topic());
              ps.setString(3, e.type());
              ps.setString(4, e.partitionKey());
              ps.setShort(5, (short) OutboxLanes.of(e.partitionKey()));
              ps.setString(6, e.payload());
              ps.addBatch();
            }
            ps.executeBatch();
          }
          // Delivered on commit (and dropped on rollback); repeats within a transaction fold.
          try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, '')")) {
            ps.setString(1, CHANNEL);
            ps.execute();
          }
          return null;
        });
  }

  @Override
  public List<OutboxEntry> claimBatch(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be positive");
    }
    return jdbc.write(
        c -> {
          if (c.getAutoCommit()) {
            throw new IllegalStateException("claimBatch needs a transaction to hold its claim");
          }
          List<Integer> lanes = pendingLanes(c);
          Collections.shuffle(lanes, ThreadLocalRandom.current());
          for (int lane : lanes) {
            if (!tryLockLane(c, lane)) {
              continue;
            }
            List<OutboxEntry> batch = claim(c, lane, max);
            if (!batch.isEmpty()) {
              countAttempt(c, batch.get(0).id());
              return batch;
            }
          }
          return List.of();
        });
  }

  private static List<Integer> pendingLanes(Connection c) throws SQLException {
    List<Integer> lanes = new ArrayList<>(OutboxLanes.COUNT);
    try (PreparedStatement ps = c.prepareStatement(PENDING_LANES);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        lanes.add(rs.getInt(1));
      }
    }
    return lanes;
  }

  private static boolean tryLockLane(Connection c, int lane) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?, ?)")) {
      ps.setInt(1, LANE_LOCK_NAMESPACE);
      ps.setInt(2, lane);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  private static List<OutboxEntry> claim(Connection c, int lane, int max) throws SQLException {
    List<OutboxEntry> batch = new ArrayList<>(Math.min(max, 1_000));
    try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
      ps.setShort(1, (short) lane);
      ps.setInt(2, max);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          batch.add(
              new OutboxEntry(
                  rs.getLong("id"),
                  new OutboundEvent(
                      rs.getObject("event_id", UUID.class),
                      rs.getString("topic"),
                      rs.getString("event_type"),
                      rs.getString("partition_key"),
                      rs.getString("payload"))));
        }
      }
    }
    return batch;
  }

  /** A pass starts at the lane's oldest pending row; each pass that starts there counts. */
  private static void countAttempt(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE outbox SET attempts = attempts + 1 WHERE id = ?")) {
      ps.setLong(1, id);
      ps.executeUpdate();
    }
  }

  @Override
  public void markPublished(List<Long> ids, Instant at) {
    if (ids.isEmpty()) {
      return;
    }
    jdbc.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE outbox SET published_at = ? WHERE id = ANY (?)")) {
            Array array = c.createArrayOf("bigint", ids.toArray(new Long[0]));
            try {
              ps.setObject(1, Jdbc.timestamp(at));
              ps.setArray(2, array);
              return ps.executeUpdate();
            } finally {
              array.free();
            }
          }
        });
  }

  @Override
  public OutboxBacklog backlog(Instant now) {
    return jdbc.read(
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT count(*) AS pending, min(created_at) AS oldest FROM outbox"
                          + " WHERE published_at IS NULL");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            long pending = rs.getLong("pending");
            Instant oldest = Jdbc.instant(rs, "oldest");
            if (oldest == null || !oldest.isBefore(now)) {
              return new OutboxBacklog(pending, Duration.ZERO);
            }
            return new OutboxBacklog(pending, Duration.between(oldest, now));
          }
        });
  }

  @Override
  public int prunePublishedBefore(Instant cutoff) {
    return jdbc.write(
        c -> {
          int total = 0;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM outbox WHERE id IN (SELECT id FROM outbox"
                      + " WHERE published_at < ? LIMIT ?)")) {
            ps.setObject(1, Jdbc.timestamp(cutoff));
            ps.setInt(2, PRUNE_CHUNK);
            int deleted;
            do {
              deleted = ps.executeUpdate();
              total += deleted;
            } while (deleted == PRUNE_CHUNK);
          }
          return total;
        });
  }
}
