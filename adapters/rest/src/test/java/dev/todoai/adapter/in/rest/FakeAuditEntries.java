package dev.todoai.adapter.in.rest;

import dev.todoai.application.port.in.ListAuditEntriesQuery;
import dev.todoai.domain.audit.AuditEntry;
import dev.todoai.domain.audit.AuditFilter;
import dev.todoai.domain.audit.AuditPage;
import dev.todoai.domain.shared.InvalidValueException;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.TaskPageRequest;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory stand-in for the audit query: entries per user, newest first; the cursor is the
 * position after the last entry of the page. Remembers the last filter and page it was asked for.
 */
@Singleton
final class FakeAuditEntries implements ListAuditEntriesQuery {
  private final Map<UserId, List<AuditEntry>> entries = new ConcurrentHashMap<>();
  private final Map<UserId, Object[]> lastCalls = new ConcurrentHashMap<>();
  private volatile String lastThread;

  /** Records an entry as the newest of its user. */
  void add(AuditEntry entry) {
    entries.computeIfAbsent(entry.userId(), user -> new ArrayList<>()).add(0, entry);
  }

  AuditFilter lastFilter(UserId owner) {
    return (AuditFilter) lastCalls.get(owner)[0];
  }

  TaskPageRequest lastPage(UserId owner) {
    return (TaskPageRequest) lastCalls.get(owner)[1];
  }

  /** The name of the thread that ran the last query. */
  String lastThread() {
    return lastThread;
  }

  @Override
  public AuditPage list(UserId owner, AuditFilter filter, TaskPageRequest page) {
    lastThread = Thread.currentThread().getName();
    lastCalls.put(owner, new Object[] {filter, page});
    int from;
    try {
      from = page.cursor() == null ? 0 : Integer.parseInt(page.cursor());
    } catch (NumberFormatException e) {
      throw new InvalidValueException("cursor", "is not a cursor of this list");
    }
    List<AuditEntry> matching =
        entries.getOrDefault(owner, List.of()).stream()
            .filter(e -> filter.taskId() == null || e.taskId() == filter.taskId())
            .filter(e -> filter.eventType() == null || e.eventType().equals(filter.eventType()))
            .toList();
    int to = Math.min(from + page.limit(), matching.size());
    List<AuditEntry> items = from >= matching.size() ? List.of() : matching.subList(from, to);
    return new AuditPage(items, to < matching.size() ? Integer.toString(to) : null);
  }
}
