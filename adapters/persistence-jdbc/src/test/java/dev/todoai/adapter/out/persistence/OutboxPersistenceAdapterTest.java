package dev.todoai.adapter.out.persistence;

import static dev.todoai.adapter.out.persistence.OutboxTestData.aKeyInAnotherLaneThan;
import static dev.todoai.adapter.out.persistence.OutboxTestData.anEvent;
import static dev.todoai.adapter.out.persistence.testsupport.TaskTestData.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todoai.adapter.out.persistence.testsupport.TestDatabase;
import dev.todoai.application.event.OutboundEvent;
import dev.todoai.application.event.OutboxBacklog;
import dev.todoai.application.port.out.OutboxPort;
import dev.todoai.application.port.out.OutboxPort.OutboxEntry;
import dev.todoai.application.port.out.TransactionPort;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxPersistenceAdapterTest implements TestPropertyProvider {
  @Inject OutboxPort outbox;
  @Inject TransactionPort transactions;
  private final TestDatabase.Coordinates database = TestDatabase.freshDatabase();

  @Override
  public Map<String, String> getProperties() {
    return database.properties();
  }

  @BeforeEach
  void emptyOutbox() throws SQLException {
    try (Connection c = database.connect();
        Statement s = c.createStatement()) {
      s.execute("DELETE FROM outbox");
    }
  }

  private void append(List<OutboundEvent> events) {
    transactions.inTransaction(
        () -> {
          outbox.append(events);
          return null;
        });
  }

  private List<OutboxEntry> claimAndPublish(int max) {
    return transactions.inTransaction(
        () -> {
          List<OutboxEntry> batch = outbox.claimBatch(max);
          outbox.markPublished(batch.stream().map(OutboxEntry::id).toList(), T0);
          return batch;
        });
  }

  @Test
  void claimReturnsAppendedEventsInIdOrderWithTheirExactPayload() {
    String user = "u-payload";
    OutboundEvent odd =
        new OutboundEvent(
            java.util.UUID.randomUUID(),
            "task-events",
            "task.created",
            user,
            "{ \"z\": 1,\n  \"a\": \"ü\\u00e9\", \"n\": 1.50 }");
    List<OutboundEvent> events = List.of(anEvent(user, 1), odd, anEvent(user, 3));
    append(events);

    List<OutboxEntry> batch = transactions.inTransaction(() -> outbox.claimBatch(10));

    assertThat(batch).extracting(OutboxEntry::event).containsExactlyElementsOf(events);
    assertThat(batch.get(1).event().payload()).isEqualTo(odd.payload());
    assertThat(batch).extracting(OutboxEntry::id).isSorted();
  }

  @Test
  void claimTakesAtMostMaxOldestFirstAndPublishedEventsAreNotClaimedAgain() {
    String user = "u-max";
    List<OutboundEvent> events = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      events.add(anEvent(user, i));
    }
    append(events);

    List<OutboxEntry> first = claimAndPublish(3);
    List<OutboxEntry> second = claimAndPublish(3);

    assertThat(first)
        .extracting(OutboxEntry::event)
        .containsExactlyElementsOf(events.subList(0, 3));
    assertThat(second)
        .extracting(OutboxEntry::event)
        .containsExactlyElementsOf(events.subList(3, 5));
    assertThat(claimAndPublish(3)).isEmpty();
  }

  @Test
  void aClaimedBatchIsInvisibleToAConcurrentClaimer() throws Exception {
    String first = "u-first";
    String second = aKeyInAnotherLaneThan(first);
    append(List.of(anEvent(first, 1), anEvent(second, 1), anEvent(first, 2), anEvent(second, 2)));
    CountDownLatch claimed = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);

    CompletableFuture<List<OutboxEntry>> holder =
        CompletableFuture.supplyAsync(
            () ->
                transactions.inTransaction(
                    () -> {
                      List<OutboxEntry> batch = outbox.claimBatch(10);
                      claimed.countDown();
                      await(release);
                      return batch;
                    }));
    await(claimed);
    List<OutboxEntry> other =
        CompletableFuture.supplyAsync(() -> transactions.inTransaction(() -> outbox.claimBatch(10)))
            .get(10, TimeUnit.SECONDS);
    release.countDown();
    List<OutboxEntry> held = holder.get(10, TimeUnit.SECONDS);

    assertThat(held).hasSize(2);
    assertThat(other).hasSize(2);
    assertThat(keys(held)).hasSize(1);
    assertThat(keys(other)).hasSize(1).doesNotContainAnyElementsOf(keys(held));
  }

  @Test
  void aConcurrentClaimerGetsNothingWhileTheOnlyPendingLaneIsClaimed() throws Exception {
    String user = "u-only";
    append(List.of(anEvent(user, 1), anEvent(user, 2)));
    CountDownLatch claimed = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);

    CompletableFuture<List<OutboxEntry>> holder =
        CompletableFuture.supplyAsync(
            () ->
                transactions.inTransaction(
                    () -> {
                      List<OutboxEntry> batch = outbox.claimBatch(1);
                      claimed.countDown();
                      await(release);
                      return batch;
                    }));
    await(claimed);
    // The row that the holder did not take waits too: the lane is the holder's until it commits,
    // so no later event of a key can overtake an earlier one.
    List<OutboxEntry> other =
        CompletableFuture.supplyAsync(() -> transactions.inTransaction(() -> outbox.claimBatch(10)))
            .get(10, TimeUnit.SECONDS);
    release.countDown();

    assertThat(holder.get(10, TimeUnit.SECONDS)).hasSize(1);
    assertThat(other).isEmpty();
  }

  @Test
  void oneUsersEventsAlwaysComeFromOneLaneInIdOrder() throws SQLException {
    List<String> users = List.of("u-a", "u-b", "u-c", "u-d", "u-e", "u-f", "u-g", "u-h");
    for (int seq = 0; seq < 10; seq++) {
      List<OutboundEvent> round = new ArrayList<>();
      for (String user : users) {
        round.add(anEvent(user, seq));
      }
      append(round);
    }
    Map<java.util.UUID, Long> ids;
    try (Connection c = database.connect()) {
      ids = OutboxTestData.outboxIds(c);
    }

    Map<String, List<Long>> publishedIds = new java.util.HashMap<>();
    List<OutboxEntry> batch;
    while (!(batch = claimAndPublish(7)).isEmpty()) {
      assertThat(batch.stream().map(e -> OutboxLanes.of(e.event().partitionKey())).distinct())
          .hasSize(1);
      for (OutboxEntry entry : batch) {
        assertThat(entry.id()).isEqualTo(ids.get(entry.event().eventId()));
        publishedIds
            .computeIfAbsent(entry.event().partitionKey(), k -> new ArrayList<>())
            .add(entry.id());
      }
    }

    assertThat(publishedIds).containsOnlyKeys(users);
    publishedIds.values().forEach(list -> assertThat(list).hasSize(10).isSorted());
  }

  @Test
  void theLaneOfAKeyIsStoredAndIsTheSameOnEveryJvm() throws SQLException {
    append(List.of(anEvent("user-1", 1), anEvent("alice", 1)));

    Map<String, Integer> stored = new java.util.HashMap<>();
    try (Connection c = database.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT partition_key, lane FROM outbox")) {
      while (rs.next()) {
        stored.put(rs.getString(1), rs.getInt(2));
      }
    }

    // CRC-32 of the UTF-8 bytes, modulo 16: fixed values, not Object.hashCode().
    assertThat(stored).containsEntry("user-1", OutboxLanes.of("user-1"));
    assertThat(OutboxLanes.of("user-1")).isEqualTo(crcLane("user-1"));
    assertThat(OutboxLanes.of("alice")).isEqualTo(crcLane("alice"));
  }

  private static int crcLane(String key) {
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return (int) (crc.getValue() % 16);
  }

  @Test
  void claimOutsideATransactionIsRefused() {
    append(List.of(anEvent("u-tx", 1)));

    assertThatThrownBy(() -> outbox.claimBatch(10))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("transaction");
  }

  @Test
  void aRolledBackAppendLeavesNothingToClaim() {
    assertThatThrownBy(
            () ->
                transactions.inTransaction(
                    () -> {
                      outbox.append(List.of(anEvent("u-rollback", 1)));
                      throw new IllegalStateException("roll back");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(transactions.inTransaction(() -> outbox.claimBatch(10))).isEmpty();
  }

  @Test
  void eachPassThatStartsAtAPendingRowCountsAsAnAttempt() throws SQLException {
    append(List.of(anEvent("u-attempts", 1), anEvent("u-attempts", 2)));

    transactions.inTransaction(() -> outbox.claimBatch(10));
    transactions.inTransaction(() -> outbox.claimBatch(10));

    try (Connection c = database.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT attempts FROM outbox ORDER BY id")) {
      List<Integer> attempts = new ArrayList<>();
      while (rs.next()) {
        attempts.add(rs.getInt(1));
      }
      assertThat(attempts).containsExactly(2, 0);
    }
  }

  @Test
  void backlogCountsUnpublishedEventsAndAgesTheOldest() throws SQLException {
    append(List.of(anEvent("u-1", 1), anEvent("u-2", 1), anEvent("u-3", 1)));
    setCreatedAt("u-1", T0.minusSeconds(90));
    setCreatedAt("u-2", T0.minusSeconds(30));
    setCreatedAt("u-3", T0.minusSeconds(600));
    markPublished("u-3", T0);

    assertThat(outbox.backlog(T0)).isEqualTo(new OutboxBacklog(2, Duration.ofSeconds(90)));
  }

  @Test
  void backlogIsZeroWhenEverythingIsPublished() {
    append(List.of(anEvent("u-1", 1)));
    claimAndPublish(10);

    assertThat(outbox.backlog(Instant.now())).isEqualTo(new OutboxBacklog(0, Duration.ZERO));
  }

  @Test
  void pruneDeletesOnlyEventsPublishedBeforeTheCutoff() throws SQLException {
    append(
        List.of(
            anEvent("u-old", 1),
            anEvent("u-older", 1),
            anEvent("u-recent", 1),
            anEvent("u-pending", 1)));
    markPublished("u-old", T0.minusSeconds(3600));
    markPublished("u-older", T0.minusSeconds(7200));
    markPublished("u-recent", T0.minusSeconds(60));

    int pruned =
        transactions.inTransaction(() -> outbox.prunePublishedBefore(T0.minusSeconds(600)));

    assertThat(pruned).isEqualTo(2);
    assertThat(remainingKeys()).containsExactlyInAnyOrder("u-recent", "u-pending");
  }

  @Test
  void pruneDeletesLargeNumbersInChunks() throws SQLException {
    try (Connection c = database.connect();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO outbox (event_id, topic, event_type, partition_key, lane, payload,"
              + " published_at) SELECT gen_random_uuid(), 't', 'e', 'k', 0, '{}',"
              + " timestamptz '2000-01-01' FROM generate_series(1, 12001)");
    }
    append(List.of(anEvent("u-pending", 1)));

    int pruned = transactions.inTransaction(() -> outbox.prunePublishedBefore(T0));

    assertThat(pruned).isEqualTo(12_001);
    assertThat(remainingKeys()).containsExactly("u-pending");
  }

  private static Set<String> keys(List<OutboxEntry> batch) {
    Set<String> keys = new HashSet<>();
    batch.forEach(e -> keys.add(e.event().partitionKey()));
    return keys;
  }

  private void setCreatedAt(String key, Instant at) throws SQLException {
    update("UPDATE outbox SET created_at = ? WHERE partition_key = ?", key, at);
  }

  private void markPublished(String key, Instant at) throws SQLException {
    update("UPDATE outbox SET published_at = ? WHERE partition_key = ?", key, at);
  }

  private void update(String sql, String key, Instant at) throws SQLException {
    try (Connection c = database.connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, Jdbc.timestamp(at));
      ps.setString(2, key);
      ps.executeUpdate();
    }
  }

  private List<String> remainingKeys() throws SQLException {
    List<String> keys = new ArrayList<>();
    try (Connection c = database.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT partition_key FROM outbox")) {
      while (rs.next()) {
        keys.add(rs.getString(1));
      }
    }
    return keys;
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
