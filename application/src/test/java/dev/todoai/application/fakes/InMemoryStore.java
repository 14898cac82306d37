package dev.todoai.application.fakes;

import dev.todoai.application.port.out.IdempotencyKeysPort;
import dev.todoai.application.port.out.LoadTaskPort;
import dev.todoai.application.port.out.LoginAttemptsPort;
import dev.todoai.application.port.out.SaveTaskPort;
import dev.todoai.application.port.out.TransactionPort;
import dev.todoai.application.port.out.UserAccountsPort;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskId;
import dev.todoai.domain.user.Email;
import dev.todoai.domain.user.UserAccount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * In-memory fakes of the persistence out-ports sharing one state, with transactions that roll the
 * whole state back when the work throws — enough to test use cases without a database.
 */
public final class InMemoryStore
    implements TransactionPort,
        LoadTaskPort,
        SaveTaskPort,
        IdempotencyKeysPort,
        UserAccountsPort,
        LoginAttemptsPort {

  private record State(
      TreeMap<Long, Task> tasks,
      Map<String, IdempotencyRecord> keys,
      Map<String, UserAccount> users,
      Map<String, List<Instant>> failures) {
    State copy() {
      Map<String, List<Instant>> f = new HashMap<>();
      failures.forEach((k, v) -> f.put(k, new ArrayList<>(v)));
      return new State(new TreeMap<>(tasks), new HashMap<>(keys), new HashMap<>(users), f);
    }
  }

  private State state =
      new State(new TreeMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
  private long sequence;
  private int transactionsRolledBack;
  private Runnable beforeKeyRecord = () -> {};
  private final List<Runnable> externalCommits = new ArrayList<>();

  @Override
  public synchronized <T> T inTransaction(Supplier<T> work) {
    State before = state.copy();
    try {
      return work.get();
    } catch (RuntimeException e) {
      state = before;
      externalCommits.forEach(Runnable::run);
      transactionsRolledBack++;
      throw e;
    }
  }

  public int transactionsRolledBack() {
    return transactionsRolledBack;
  }

  /** Runs {@code action} right before the next idempotency key is recorded (to stage a race). */
  public void beforeNextKeyRecord(Runnable action) {
    this.beforeKeyRecord = action;
  }

  public List<Task> allTasks() {
    return List.copyOf(state.tasks.values());
  }

  @Override
  public Optional<Task> load(UserId owner, TaskId id) {
    return Optional.ofNullable(state.tasks.get(id.value())).filter(t -> t.isOwnedBy(owner));
  }

  @Override
  public Optional<Task> loadForUpdate(UserId owner, TaskId id) {
    return load(owner, id);
  }

  @Override
  public TaskId nextId() {
    return new TaskId(++sequence);
  }

  @Override
  public void insert(Task task) {
    if (state.tasks.putIfAbsent(task.id().value(), task) != null) {
      throw new IllegalStateException("duplicate id " + task.id());
    }
  }

  @Override
  public boolean update(Task task, long previousVersion) {
    Task stored = state.tasks.get(task.id().value());
    if (stored == null || stored.version() != previousVersion) {
      return false;
    }
    state.tasks.put(task.id().value(), task);
    return true;
  }

  @Override
  public void delete(Task task) {
    state.tasks.remove(task.id().value());
  }

  private static String key(UserId owner, String key) {
    return owner.value() + "\u0000" + key;
  }

  @Override
  public Optional<IdempotencyRecord> find(UserId owner, String key, Instant notBefore) {
    return Optional.ofNullable(state.keys.get(key(owner, key)))
        .filter(r -> !r.createdAt().isBefore(notBefore));
  }

  @Override
  public boolean record(
      UserId owner, String key, String requestHash, TaskId taskId, Instant now, Instant notBefore) {
    Runnable hook = beforeKeyRecord;
    beforeKeyRecord = () -> {};
    hook.run();
    IdempotencyRecord existing = state.keys.get(key(owner, key));
    if (existing != null && !existing.createdAt().isBefore(notBefore)) {
      return false;
    }
    state.keys.put(key(owner, key), new IdempotencyRecord(requestHash, taskId, now));
    return true;
  }

  /**
   * Plants a key record as a concurrent, already committed request would have: it survives the
   * rollback of the transaction in progress.
   */
  public void plantKey(UserId owner, String key, IdempotencyRecord record) {
    Runnable commit = () -> state.keys.put(key(owner, key), record);
    commit.run();
    externalCommits.add(commit);
  }

  @Override
  public Optional<UserAccount> findByEmail(Email email) {
    return Optional.ofNullable(state.users.get(email.value()));
  }

  @Override
  public boolean insert(UserAccount account) {
    return state.users.putIfAbsent(account.email().value(), account) == null;
  }

  @Override
  public int failuresSince(Email email, Instant since) {
    return (int)
        state.failures.getOrDefault(email.value(), List.of()).stream()
            .filter(t -> !t.isBefore(since))
            .count();
  }

  @Override
  public Instant oldestFailureSince(Email email, Instant since) {
    return state.failures.getOrDefault(email.value(), List.of()).stream()
        .filter(t -> !t.isBefore(since))
        .min(Instant::compareTo)
        .orElse(null);
  }

  @Override
  public void recordFailure(Email email, Instant at) {
    state.failures.computeIfAbsent(email.value(), e -> new ArrayList<>()).add(at);
  }

  @Override
  public void clearFailures(Email email) {
    state.failures.remove(email.value());
  }
}
