package dev.todoai.adapter.out.persistence;

import static dev.todoai.adapter.out.persistence.testsupport.TaskTestData.T0;
import static dev.todoai.adapter.out.persistence.testsupport.TaskTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todoai.adapter.out.persistence.testsupport.TestDatabase;
import dev.todoai.application.port.out.IdempotencyKeysPort;
import dev.todoai.application.port.out.IdempotencyKeysPort.IdempotencyRecord;
import dev.todoai.application.port.out.TransactionPort;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.TaskId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotencyKeysPersistenceAdapterTest implements TestPropertyProvider {
  private static final Duration WINDOW = Duration.ofHours(24);

  @Inject IdempotencyKeysPort keys;
  @Inject TransactionPort transactions;

  @Override
  public Map<String, String> getProperties() {
    return TestDatabase.properties();
  }

  private boolean record(UserId owner, String key, String hash, long taskId, Instant now) {
    return keys.record(owner, key, hash, new TaskId(taskId), now, now.minus(WINDOW));
  }

  @Test
  void recordedKeyIsFoundWithItsHashTaskAndTime() {
    UserId owner = aUser();

    assertThat(record(owner, "key-1", "hash-a", 7, T0)).isTrue();

    assertThat(keys.find(owner, "key-1", T0.minus(WINDOW)))
        .contains(new IdempotencyRecord("hash-a", new TaskId(7), T0));
  }

  @Test
  void recordReturnsFalseAndKeepsTheFirstWhileALiveRecordExists() {
    UserId owner = aUser();
    record(owner, "key-1", "hash-a", 7, T0);

    assertThat(record(owner, "key-1", "hash-b", 8, T0.plusSeconds(60))).isFalse();
    assertThat(keys.find(owner, "key-1", T0.minus(WINDOW)).orElseThrow().taskId())
        .isEqualTo(new TaskId(7));
  }

  @Test
  void recordReplacesAnExpiredRecord() {
    UserId owner = aUser();
    record(owner, "key-1", "hash-a", 7, T0);
    Instant later = T0.plus(WINDOW).plusSeconds(1);

    assertThat(record(owner, "key-1", "hash-b", 8, later)).isTrue();
    assertThat(keys.find(owner, "key-1", later.minus(WINDOW)))
        .contains(new IdempotencyRecord("hash-b", new TaskId(8), later));
  }

  @Test
  void findIgnoresARecordOlderThanNotBefore() {
    UserId owner = aUser();
    record(owner, "key-1", "hash-a", 7, T0);

    assertThat(keys.find(owner, "key-1", T0)).isPresent();
    assertThat(keys.find(owner, "key-1", T0.plusNanos(1000))).isEmpty();
  }

  @Test
  void keysAreScopedPerUser() {
    UserId first = aUser();
    UserId second = aUser();
    record(first, "shared-key", "hash-a", 7, T0);

    assertThat(keys.find(second, "shared-key", T0.minus(WINDOW))).isEmpty();
    assertThat(record(second, "shared-key", "hash-b", 8, T0)).isTrue();
  }

  @Test
  void concurrentRecordOfTheSameKeyWaitsAndLosesToTheCommittedOne() throws Exception {
    UserId owner = aUser();
    CountDownLatch recorded = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    CompletableFuture<Boolean> first =
        CompletableFuture.supplyAsync(
            () ->
                transactions.inTransaction(
                    () -> {
                      boolean won = record(owner, "race", "hash-a", 7, T0);
                      recorded.countDown();
                      await(commit);
                      return won;
                    }));
    await(recorded);

    CompletableFuture<Boolean> second =
        CompletableFuture.supplyAsync(
            () -> transactions.inTransaction(() -> record(owner, "race", "hash-a", 8, T0)));
    assertThatThrownBy(() -> second.get(300, TimeUnit.MILLISECONDS))
        .isInstanceOf(TimeoutException.class);
    commit.countDown();

    assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(second.get(10, TimeUnit.SECONDS)).isFalse();
    assertThat(keys.find(owner, "race", T0.minus(WINDOW)).orElseThrow().taskId())
        .isEqualTo(new TaskId(7));
  }

  @Test
  void concurrentRecordWinsWhenTheOtherTransactionRollsBack() throws Exception {
    UserId owner = aUser();
    CountDownLatch recorded = new CountDownLatch(1);
    CountDownLatch rollback = new CountDownLatch(1);
    CompletableFuture<Object> first =
        CompletableFuture.supplyAsync(
            () ->
                transactions.inTransaction(
                    () -> {
                      record(owner, "race", "hash-a", 7, T0);
                      recorded.countDown();
                      await(rollback);
                      throw new IllegalStateException("roll back");
                    }));
    await(recorded);

    CompletableFuture<Boolean> second =
        CompletableFuture.supplyAsync(
            () -> transactions.inTransaction(() -> record(owner, "race", "hash-a", 8, T0)));
    rollback.countDown();

    assertThat(first).failsWithin(Duration.ofSeconds(10));
    assertThat(second.get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(keys.find(owner, "race", T0.minus(WINDOW)).orElseThrow().taskId())
        .isEqualTo(new TaskId(8));
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
