package dev.todoai.application.fakes;

import dev.todoai.application.event.OutboundEvent;
import dev.todoai.application.event.OutboxBacklog;
import dev.todoai.application.port.out.AuditLogPort;
import dev.todoai.application.port.out.IdempotencyKeysPort;
import dev.todoai.application.port.out.LoadTaskPort;
import dev.todoai.application.port.out.LoginAttemptsPort;
import dev.todoai.application.port.out.NotificationStorePort;
import dev.todoai.application.port.out.OutboxPort;
import dev.todoai.application.port.out.ProcessedEventsPort;
import dev.todoai.application.port.out.ReminderStorePort;
import dev.todoai.application.port.out.SaveTaskPort;
import dev.todoai.application.port.out.SignUpAttemptsPort;
import dev.todoai.application.port.out.TransactionPort;
import dev.todoai.application.port.out.UserAccountsPort;
import dev.todoai.domain.audit.AuditEntry;
import dev.todoai.domain.audit.AuditFilter;
import dev.todoai.domain.audit.AuditPage;
import dev.todoai.domain.notification.Notification;
import dev.todoai.domain.reminder.Reminder;
import dev.todoai.domain.reminder.ReminderId;
import dev.todoai.domain.reminder.ReminderStatus;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskId;
import dev.todoai.domain.task.TaskPageRequest;
import dev.todoai.domain.user.Email;
import dev.todoai.domain.user.UserAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
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
        LoginAttemptsPort,
        SignUpAttemptsPort,
        OutboxPort,
        ProcessedEventsPort,
        AuditLogPort,
        ReminderStorePort,
        NotificationStorePort {

  private record OutboxRow(long id, OutboundEvent event, Instant publishedAt) {}

  private record State(
      TreeMap<Long, Task> tasks,
      Map<String, IdempotencyRecord> keys,
      Map<String, UserAccount> users,
      Map<String, List<Instant>> failures,
      TreeMap<Long, OutboxRow> outbox,
      Set<String> processed,
      List<AuditEntry> audit,
      TreeMap<Long, Reminder> reminders,
      TreeMap<Long, Notification> notifications) {
    State copy() {
      Map<String, List<Instant>> f = new HashMap<>();
      failures.forEach((k, v) -> f.put(k, new ArrayList<>(v)));
      return new State(
          new TreeMap<>(tasks),
          new HashMap<>(keys),
          new HashMap<>(users),
          f,
          new TreeMap<>(outbox),
          new HashSet<>(processed),
          new ArrayList<>(audit),
          new TreeMap<>(reminders),
          new TreeMap<>(notifications));
    }
  }

  private State state =
      new State(
          new TreeMap<>(),
          new HashMap<>(),
          new HashMap<>(),
          new HashMap<>(),
          new TreeMap<>(),
          new HashSet<>(),
          new ArrayList<>(),
          new TreeMap<>(),
          new TreeMap<>());
  private long outboxSequence;
  private long reminderSequence;
  private long notificationSequence;
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
  public boolean insertOccurrence(Task task) {
    TaskId predecessor = task.occurrence().predecessorId();
    boolean taken =
        state.tasks.values().stream()
            .anyMatch(
                t -> t.occurrence() != null && predecessor.equals(t.occurrence().predecessorId()));
    if (taken) {
      return false;
    }
    insert(task);
    return true;
  }

  @Override
  public Optional<Task> loadSuccessor(UserId owner, TaskId predecessor) {
    return state.tasks.values().stream()
        .filter(t -> t.isOwnedBy(owner))
        .filter(t -> t.occurrence() != null && predecessor.equals(t.occurrence().predecessorId()))
        .findFirst();
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
  public int failuresSince(Email email, String client, Instant since) {
    return (int) failures(email, client).filter(t -> !t.isBefore(since)).count();
  }

  @Override
  public Instant oldestFailureSince(Email email, String client, Instant since) {
    return failures(email, client)
        .filter(t -> !t.isBefore(since))
        .min(Instant::compareTo)
        .orElse(null);
  }

  private java.util.stream.Stream<Instant> failures(Email email, String client) {
    String prefix = client + "|" + (email == null ? "" : email.value());
    return state.failures.entrySet().stream()
        .filter(e -> email == null ? e.getKey().startsWith(prefix) : e.getKey().equals(prefix))
        .flatMap(e -> e.getValue().stream());
  }

  @Override
  public void recordFailure(Email email, String client, Instant at) {
    state.failures.computeIfAbsent(client + "|" + email.value(), e -> new ArrayList<>()).add(at);
  }

  @Override
  public void clearFailures(Email email, String client) {
    state.failures.remove(client + "|" + email.value());
  }

  // --- sign-ups (not transactional) ---

  private final Map<String, List<Instant>> signUps = new java.util.concurrent.ConcurrentHashMap<>();

  @Override
  public int attemptsSince(String client, Instant since) {
    return (int)
        signUps.getOrDefault(client, List.of()).stream().filter(t -> !t.isBefore(since)).count();
  }

  @Override
  public Instant oldestAttemptSince(String client, Instant since) {
    return signUps.getOrDefault(client, List.of()).stream()
        .filter(t -> !t.isBefore(since))
        .min(Instant::compareTo)
        .orElse(null);
  }

  @Override
  public void recordAttempt(String client, Instant at) {
    signUps.computeIfAbsent(client, c -> new ArrayList<>()).add(at);
  }

  // --- outbox ---

  @Override
  public void append(List<OutboundEvent> events) {
    for (OutboundEvent e : events) {
      long id = ++outboxSequence;
      state.outbox.put(id, new OutboxRow(id, e, null));
    }
  }

  @Override
  public List<OutboxEntry> claimBatch(int max) {
    return state.outbox.values().stream()
        .filter(r -> r.publishedAt() == null)
        .limit(max)
        .map(r -> new OutboxEntry(r.id(), r.event()))
        .toList();
  }

  @Override
  public void markPublished(List<Long> ids, Instant at) {
    for (Long id : ids) {
      OutboxRow row = state.outbox.get(id);
      state.outbox.put(id, new OutboxRow(id, row.event(), at));
    }
  }

  @Override
  public OutboxBacklog backlog(Instant now) {
    List<OutboxRow> open =
        state.outbox.values().stream().filter(r -> r.publishedAt() == null).toList();
    return new OutboxBacklog(open.size(), Duration.ZERO);
  }

  @Override
  public int prunePublishedBefore(Instant cutoff) {
    List<Long> old =
        state.outbox.values().stream()
            .filter(r -> r.publishedAt() != null && r.publishedAt().isBefore(cutoff))
            .map(OutboxRow::id)
            .toList();
    old.forEach(state.outbox::remove);
    return old.size();
  }

  /** Every event appended so far, published or not, in append order. */
  public List<OutboundEvent> outboxEvents() {
    return state.outbox.values().stream().map(OutboxRow::event).toList();
  }

  public List<OutboundEvent> unpublishedEvents() {
    return state.outbox.values().stream()
        .filter(r -> r.publishedAt() == null)
        .map(OutboxRow::event)
        .toList();
  }

  // --- consumers ---

  @Override
  public boolean markProcessed(String consumer, UUID eventId, Instant at) {
    return state.processed.add(consumer + "/" + eventId);
  }

  @Override
  public void append(AuditEntry entry) {
    state.audit.add(entry);
  }

  @Override
  public AuditPage query(UserId owner, AuditFilter filter, TaskPageRequest page) {
    List<AuditEntry> mine = new ArrayList<>();
    for (int i = state.audit.size() - 1; i >= 0; i--) {
      AuditEntry e = state.audit.get(i);
      if (e.userId().equals(owner)) {
        mine.add(e);
      }
    }
    return new AuditPage(mine.stream().limit(page.limit()).toList(), null);
  }

  public List<AuditEntry> auditEntries() {
    return List.copyOf(state.audit);
  }

  // --- reminders ---

  @Override
  public ReminderId nextReminderId() {
    return new ReminderId(++reminderSequence);
  }

  @Override
  public void insert(Reminder reminder) {
    state.reminders.put(reminder.id().value(), reminder);
  }

  @Override
  public void update(Reminder reminder) {
    state.reminders.put(reminder.id().value(), reminder);
  }

  @Override
  public void delete(ReminderId id) {
    state.reminders.remove(id.value());
  }

  @Override
  public Optional<Reminder> loadForUpdate(ReminderId id) {
    return Optional.ofNullable(state.reminders.get(id.value()));
  }

  @Override
  public List<Reminder> forTask(UserId owner, TaskId task) {
    return state.reminders.values().stream()
        .filter(r -> r.userId().equals(owner) && r.taskId().equals(task))
        .toList();
  }

  @Override
  public List<Reminder> forTaskForUpdate(TaskId task) {
    return state.reminders.values().stream().filter(r -> r.taskId().equals(task)).toList();
  }

  @Override
  public List<Reminder> byStatus(UserId owner, ReminderStatus status, int limit) {
    return state.reminders.values().stream()
        .filter(r -> r.userId().equals(owner) && (status == null || r.status() == status))
        .sorted(Comparator.comparing(Reminder::remindAt))
        .limit(limit)
        .toList();
  }

  @Override
  public List<Reminder> scheduledAfter(
      Instant afterAt, ReminderId afterId, Instant until, int limit) {
    Comparator<Reminder> order =
        Comparator.comparing(Reminder::remindAt).thenComparing(r -> r.id().value());
    return state.reminders.values().stream()
        .filter(Reminder::isPending)
        .filter(
            r ->
                afterAt == null
                    || r.remindAt().isAfter(afterAt)
                    || (r.remindAt().equals(afterAt) && r.id().value() > afterId.value()))
        .filter(r -> until == null || !r.remindAt().isAfter(until))
        .sorted(order)
        .limit(limit)
        .toList();
  }

  public List<Reminder> allReminders() {
    return List.copyOf(state.reminders.values());
  }

  // --- notifications ---

  @Override
  public Optional<Notification> insert(Notification n) {
    boolean exists =
        state.notifications.values().stream().anyMatch(x -> x.reminderId() == n.reminderId());
    if (exists) {
      return Optional.empty();
    }
    long id = ++notificationSequence;
    Notification stored =
        new Notification(
            id,
            n.userId(),
            n.reminderId(),
            n.taskId(),
            n.kind(),
            n.title(),
            n.body(),
            n.createdAt(),
            n.readAt());
    state.notifications.put(id, stored);
    return Optional.of(stored);
  }

  @Override
  public List<Notification> list(UserId owner, boolean unreadOnly, int limit) {
    return state.notifications.descendingMap().values().stream()
        .filter(n -> n.userId().equals(owner) && (!unreadOnly || n.unread()))
        .limit(limit)
        .toList();
  }

  @Override
  public boolean markRead(UserId owner, long id, Instant at) {
    Notification n = state.notifications.get(id);
    if (n == null || !n.userId().equals(owner)) {
      return false;
    }
    if (n.unread()) {
      state.notifications.put(id, withReadAt(n, at));
    }
    return true;
  }

  @Override
  public int markAllRead(UserId owner, Instant at) {
    int count = 0;
    for (Notification n : List.copyOf(state.notifications.values())) {
      if (n.userId().equals(owner) && n.unread()) {
        state.notifications.put(n.id(), withReadAt(n, at));
        count++;
      }
    }
    return count;
  }

  private static Notification withReadAt(Notification n, Instant at) {
    return new Notification(
        n.id(),
        n.userId(),
        n.reminderId(),
        n.taskId(),
        n.kind(),
        n.title(),
        n.body(),
        n.createdAt(),
        at);
  }
}
