package dev.todoai.adapter.in.rest;

import dev.todoai.application.port.out.ClockPort;
import dev.todoai.application.port.out.IdempotencyKeysPort;
import dev.todoai.application.port.out.LoadTaskPort;
import dev.todoai.application.port.out.LoginAttemptsPort;
import dev.todoai.application.port.out.QueryTasksPort;
import dev.todoai.application.port.out.SaveTaskPort;
import dev.todoai.application.port.out.TransactionPort;
import dev.todoai.application.port.out.UserAccountsPort;
import dev.todoai.domain.shared.InvalidValueException;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskFilter;
import dev.todoai.domain.task.TaskId;
import dev.todoai.domain.task.TaskPage;
import dev.todoai.domain.task.TaskPageRequest;
import dev.todoai.domain.task.TaskSort;
import dev.todoai.domain.user.Email;
import dev.todoai.domain.user.UserAccount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** Small in-memory out-ports, enough to run the real application services behind the API. */
final class InMemoryAdapters
    implements LoadTaskPort,
        SaveTaskPort,
        QueryTasksPort,
        IdempotencyKeysPort,
        TransactionPort,
        ClockPort,
        UserAccountsPort,
        LoginAttemptsPort {
  private final Map<Long, Task> tasks = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final Map<String, IdempotencyRecord> keys = new ConcurrentHashMap<>();
  private final Map<String, UserAccount> accounts = new ConcurrentHashMap<>();
  private final Map<String, List<Instant>> failures = new ConcurrentHashMap<>();

  @Override
  public Optional<Task> load(UserId owner, TaskId id) {
    return Optional.ofNullable(tasks.get(id.value())).filter(t -> t.isOwnedBy(owner));
  }

  @Override
  public Optional<Task> loadForUpdate(UserId owner, TaskId id) {
    return load(owner, id);
  }

  @Override
  public TaskId nextId() {
    return new TaskId(ids.incrementAndGet());
  }

  @Override
  public void insert(Task task) {
    tasks.put(task.id().value(), task);
  }

  @Override
  public boolean update(Task task, long previousVersion) {
    Task stored = tasks.get(task.id().value());
    if (stored == null || stored.version() != previousVersion) {
      return false;
    }
    tasks.put(task.id().value(), task);
    return true;
  }

  @Override
  public void delete(Task task) {
    tasks.remove(task.id().value());
  }

  /** Lists by id; the cursor is the last id of the previous page. */
  @Override
  public TaskPage query(
      UserId owner, TaskFilter filter, TaskSort sort, TaskPageRequest page, Instant now) {
    long after;
    try {
      after = page.cursor() == null ? 0 : Long.parseLong(page.cursor());
    } catch (NumberFormatException e) {
      throw new InvalidValueException("cursor", "is not a cursor of this list");
    }
    List<Task> matching =
        tasks.values().stream()
            .filter(t -> t.isOwnedBy(owner))
            .filter(t -> t.id().value() > after)
            .filter(
                t ->
                    filter.status() == TaskFilter.Status.ALL
                        || (filter.status() == TaskFilter.Status.COMPLETED) == t.completed())
            .filter(
                t ->
                    filter.priorities().isEmpty()
                        || filter.priorities().contains(t.details().priority()))
            .sorted(Comparator.comparingLong(t -> t.id().value()))
            .toList();
    List<Task> items = new ArrayList<>(matching.subList(0, Math.min(page.limit(), matching.size())));
    String next =
        matching.size() > page.limit()
            ? Long.toString(items.get(items.size() - 1).id().value())
            : null;
    return new TaskPage(items, next);
  }

  @Override
  public Optional<IdempotencyRecord> find(UserId owner, String key, Instant notBefore) {
    return Optional.ofNullable(keys.get(owner + "/" + key));
  }

  @Override
  public boolean record(
      UserId owner, String key, String requestHash, TaskId taskId, Instant now, Instant notBefore) {
    return keys.putIfAbsent(owner + "/" + key, new IdempotencyRecord(requestHash, taskId, now))
        == null;
  }

  @Override
  public synchronized <T> T inTransaction(Supplier<T> work) {
    return work.get();
  }

  @Override
  public Instant now() {
    return Instant.now();
  }

  @Override
  public Optional<UserAccount> findByEmail(Email email) {
    return Optional.ofNullable(accounts.get(email.value()));
  }

  @Override
  public boolean insert(UserAccount account) {
    return accounts.putIfAbsent(account.email().value(), account) == null;
  }

  @Override
  public int failuresSince(Email email, Instant since) {
    return (int)
        failures.getOrDefault(email.value(), List.of()).stream()
            .filter(at -> !at.isBefore(since))
            .count();
  }

  @Override
  public Instant oldestFailureSince(Email email, Instant since) {
    return failures.getOrDefault(email.value(), List.of()).stream()
        .filter(at -> !at.isBefore(since))
        .min(Comparator.naturalOrder())
        .orElse(null);
  }

  @Override
  public synchronized void recordFailure(Email email, Instant at) {
    failures.computeIfAbsent(email.value(), e -> new ArrayList<>()).add(at);
  }

  @Override
  public void clearFailures(Email email) {
    failures.remove(email.value());
  }
}
