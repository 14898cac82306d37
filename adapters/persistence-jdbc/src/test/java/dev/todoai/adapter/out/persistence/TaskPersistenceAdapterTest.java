package dev.todoai.adapter.out.persistence;

import static dev.todoai.adapter.out.persistence.testsupport.TaskTestData.T0;
import static dev.todoai.adapter.out.persistence.testsupport.TaskTestData.aTask;
import static dev.todoai.adapter.out.persistence.testsupport.TaskTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todoai.adapter.out.persistence.testsupport.TaskTestData;
import dev.todoai.adapter.out.persistence.testsupport.TestDatabase;
import dev.todoai.application.port.out.LoadTaskPort;
import dev.todoai.application.port.out.SaveTaskPort;
import dev.todoai.application.port.out.TransactionPort;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Priority;
import dev.todoai.domain.task.RecurrenceAnchor;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.Title;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskPersistenceAdapterTest implements TestPropertyProvider {
  @Inject SaveTaskPort saveTask;
  @Inject LoadTaskPort loadTask;
  @Inject TransactionPort transactions;
  private final TestDatabase.Coordinates database = TestDatabase.freshDatabase();

  @Override
  public Map<String, String> getProperties() {
    return database.properties();
  }

  private Task store(TaskTestData data) {
    Task task = data.id(saveTask.nextId()).build();
    saveTask.insert(task);
    return task;
  }

  @Test
  void insertedTaskLoadsWithEveryField() {
    UserId owner = aUser();
    Task task =
        store(
            aTask()
                .owner(owner)
                .title("Pay rent")
                .description("by transfer")
                .priority(Priority.HIGH)
                .tags("home", "Money")
                .dueOn(LocalDate.parse("2030-02-01"))
                .timeZone("Europe/Berlin")
                .recurring("FREQ=MONTHLY;BYMONTHDAY=1", RecurrenceAnchor.COMPLETION)
                .completedAt(T0.plusSeconds(60))
                .createdAt(T0)
                .updatedAt(T0.plusSeconds(60))
                .version(3));

    assertThat(loadTask.load(owner, task.id())).contains(task);
  }

  @Test
  void instantsAreStoredTruncatedToMicroseconds() {
    UserId owner = aUser();
    Instant withNanos = Instant.parse("2030-01-01T10:00:00.123456789Z");
    Task task = store(aTask().owner(owner).createdAt(withNanos).updatedAt(withNanos));

    Task loaded = loadTask.load(owner, task.id()).orElseThrow();

    assertThat(loaded.createdAt()).isEqualTo(Instant.parse("2030-01-01T10:00:00.123456Z"));
  }

  @Test
  void anotherUsersTaskIsAbsentForLoadAndLoadForUpdate() {
    Task task = store(aTask().owner(aUser()));
    UserId stranger = aUser();

    assertThat(loadTask.load(stranger, task.id())).isEmpty();
    assertThat(transactions.inTransaction(() -> loadTask.loadForUpdate(stranger, task.id())))
        .isEmpty();
  }

  @Test
  void nextIdNeverRepeats() {
    long first = saveTask.nextId().value();
    long second = saveTask.nextId().value();

    assertThat(second).isGreaterThan(first);
  }

  @Test
  void updateWithCurrentVersionStoresNewStateAndVersion() {
    UserId owner = aUser();
    Task task = store(aTask().owner(owner).title("old"));
    Task edited = task.edit(task.details().withTitle(new Title("new")), T0.plusSeconds(5)).task();

    assertThat(saveTask.update(edited, task.version())).isTrue();

    Task loaded = loadTask.load(owner, task.id()).orElseThrow();
    assertThat(loaded).isEqualTo(edited);
    assertThat(loaded.version()).isEqualTo(2);
  }

  @Test
  void updateWithStaleVersionWritesNothingAndReturnsFalse() {
    UserId owner = aUser();
    Task task = store(aTask().owner(owner).title("old"));
    Task first = task.edit(task.details().withTitle(new Title("first")), T0).task();
    Task second = task.edit(task.details().withTitle(new Title("second")), T0).task();
    saveTask.update(first, task.version());

    assertThat(saveTask.update(second, task.version())).isFalse();
    assertThat(loadTask.load(owner, task.id()).orElseThrow().details().title().value())
        .isEqualTo("first");
  }

  @Test
  void updateOfAnotherUsersTaskWritesNothing() {
    Task task = store(aTask().owner(aUser()).title("mine"));
    Task forged =
        aTask().owner(aUser()).id(task.id()).title("stolen").version(task.version() + 1).build();

    assertThat(saveTask.update(forged, task.version())).isFalse();
  }

  @Test
  void deleteRemovesTheTask() {
    UserId owner = aUser();
    Task task = store(aTask().owner(owner));

    saveTask.delete(task);

    assertThat(loadTask.load(owner, task.id())).isEmpty();
  }

  @Test
  void deleteOfAnotherUsersTaskIdRemovesNothing() {
    UserId owner = aUser();
    Task task = store(aTask().owner(owner));

    saveTask.delete(aTask().owner(aUser()).id(task.id()).build());

    assertThat(loadTask.load(owner, task.id())).isPresent();
  }

  @Test
  void derivedDueColumnsFollowTheTasksZone() throws SQLException {
    UserId owner = aUser();
    Task allDay =
        store(aTask().owner(owner).dueOn(LocalDate.parse("2030-06-10")).timeZone("Asia/Tokyo"));
    Task timed =
        store(
            aTask()
                .owner(owner)
                .dueAt(Instant.parse("2030-06-10T20:00:00Z"))
                .timeZone("Asia/Tokyo"));
    Task none = store(aTask().owner(owner));

    assertThat(derived(allDay))
        .isEqualTo(
            new Derived(
                Instant.parse("2030-06-09T15:00:00Z"),
                Instant.parse("2030-06-10T15:00:00Z"),
                LocalDate.parse("2030-06-10")));
    assertThat(derived(timed))
        .isEqualTo(
            new Derived(
                Instant.parse("2030-06-10T20:00:00Z"),
                Instant.parse("2030-06-10T20:00:00Z"),
                LocalDate.parse("2030-06-11")));
    assertThat(derived(none)).isEqualTo(new Derived(null, null, null));
  }

  @Test
  void derivedDueColumnsFollowAnUpdate() throws SQLException {
    UserId owner = aUser();
    Task task = store(aTask().owner(owner).dueOn(LocalDate.parse("2030-06-10")));
    Task undated = task.edit(task.details().withDue(dev.todoai.domain.task.Due.NONE), T0).task();

    saveTask.update(undated, task.version());

    assertThat(derived(undated)).isEqualTo(new Derived(null, null, null));
  }

  @Test
  void databaseRejectsATaskWithBothDueAtAndDueDate() {
    assertThatThrownBy(
            () -> {
              try (Connection c = database.connect();
                  PreparedStatement ps =
                      c.prepareStatement(
                          "INSERT INTO tasks (user_id, title, created_at, updated_at, version,"
                              + " due_at, due_date, due_sort, overdue_from, due_local_date)"
                              + " VALUES ('u', 't', now(), now(), 1, now(), current_date, now(),"
                              + " now(), current_date)")) {
                ps.executeUpdate();
              }
            })
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("tasks_due_at_or_due_date");
  }

  @Test
  void loadForUpdateMakesASecondLockerWaitUntilCommit() throws Exception {
    UserId owner = aUser();
    Task task = store(aTask().owner(owner));
    Task otherUsersTask = store(aTask().owner(aUser()));
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);

    CompletableFuture<Void> holder =
        CompletableFuture.runAsync(
            () ->
                transactions.inTransaction(
                    () -> {
                      loadTask.loadForUpdate(owner, task.id()).orElseThrow();
                      locked.countDown();
                      await(release);
                      return null;
                    }));
    await(locked);
    CompletableFuture<Long> waiter =
        CompletableFuture.supplyAsync(
            () ->
                transactions.inTransaction(
                    () -> loadTask.loadForUpdate(owner, task.id()).orElseThrow().version()));

    // Another user's row is not locked, so its owner is not held up.
    assertThat(
            transactions.inTransaction(
                () -> loadTask.loadForUpdate(otherUsersTask.userId(), otherUsersTask.id())))
        .isPresent();
    assertThatThrownBy(() -> waiter.get(300, TimeUnit.MILLISECONDS))
        .isInstanceOf(TimeoutException.class);

    release.countDown();
    holder.get(10, TimeUnit.SECONDS);
    assertThat(waiter.get(10, TimeUnit.SECONDS)).isEqualTo(task.version());
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

  record Derived(Instant dueSort, Instant overdueFrom, LocalDate dueLocalDate) {}

  private Derived derived(Task task) throws SQLException {
    try (Connection c = database.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT due_sort, overdue_from, due_local_date FROM tasks WHERE id = ?")) {
      ps.setLong(1, task.id().value());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new Derived(
            instant(rs.getObject(1, OffsetDateTime.class)),
            instant(rs.getObject(2, OffsetDateTime.class)),
            rs.getObject(3, LocalDate.class));
      }
    }
  }

  private static Instant instant(OffsetDateTime value) {
    return value == null ? null : value.toInstant();
  }
}
