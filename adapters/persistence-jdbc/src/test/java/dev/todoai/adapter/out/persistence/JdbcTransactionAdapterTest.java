package dev.todoai.adapter.out.persistence;

import static dev.todoai.adapter.out.persistence.testsupport.TaskTestData.aTask;
import static dev.todoai.adapter.out.persistence.testsupport.TaskTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todoai.adapter.out.persistence.testsupport.TestDatabase;
import dev.todoai.application.port.out.IdempotencyKeysPort;
import dev.todoai.application.port.out.LoadTaskPort;
import dev.todoai.application.port.out.SaveTaskPort;
import dev.todoai.application.port.out.TransactionPort;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Task;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcTransactionAdapterTest implements TestPropertyProvider {
  @Inject TransactionPort transactions;
  @Inject SaveTaskPort saveTask;
  @Inject LoadTaskPort loadTask;
  @Inject IdempotencyKeysPort idempotencyKeys;

  @Override
  public Map<String, String> getProperties() {
    return TestDatabase.properties();
  }

  @Test
  void allWritesOfATransactionCommitTogether() {
    UserId owner = aUser();
    Task task =
        transactions.inTransaction(
            () -> {
              Task t = aTask().owner(owner).id(saveTask.nextId()).build();
              saveTask.insert(t);
              idempotencyKeys.record(owner, "k1", "hash", t.id(), Instant.now(), Instant.EPOCH);
              return t;
            });

    assertThat(loadTask.load(owner, task.id())).isPresent();
    assertThat(idempotencyKeys.find(owner, "k1", Instant.EPOCH)).isPresent();
  }

  @Test
  void exceptionRollsBackEveryWriteAndPropagatesUnchanged() {
    UserId owner = aUser();
    Task task = aTask().owner(owner).id(saveTask.nextId()).build();
    IllegalStateException failure = new IllegalStateException("boom");

    assertThatThrownBy(
            () ->
                transactions.inTransaction(
                    () -> {
                      saveTask.insert(task);
                      idempotencyKeys.record(
                          owner, "k1", "hash", task.id(), Instant.now(), Instant.EPOCH);
                      throw failure;
                    }))
        .isSameAs(failure);

    assertThat(loadTask.load(owner, task.id())).isEmpty();
    assertThat(idempotencyKeys.find(owner, "k1", Instant.EPOCH)).isEmpty();
  }

  @Test
  void uncommittedWritesAreVisibleInsideTheTransactionOnly() {
    UserId owner = aUser();
    Task task = aTask().owner(owner).id(saveTask.nextId()).build();

    boolean seenOutside =
        transactions.inTransaction(
            () -> {
              saveTask.insert(task);
              assertThat(loadTask.load(owner, task.id())).isPresent();
              return CompletableFuture.supplyAsync(() -> loadTask.load(owner, task.id()))
                  .join()
                  .isPresent();
            });

    assertThat(seenOutside).isFalse();
    assertThat(loadTask.load(owner, task.id())).isPresent();
  }

  @Test
  void nestedTransactionJoinsTheOuterOne() {
    UserId owner = aUser();
    Task task = aTask().owner(owner).id(saveTask.nextId()).build();

    assertThatThrownBy(
            () ->
                transactions.inTransaction(
                    () -> {
                      transactions.inTransaction(
                          () -> {
                            saveTask.insert(task);
                            return null;
                          });
                      throw new IllegalArgumentException("outer fails");
                    }))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(loadTask.load(owner, task.id())).isEmpty();
  }
}
