package dev.todoai.application.service;

import dev.todoai.application.event.NextOccurrenceRequest;
import dev.todoai.application.port.in.CreateNextOccurrenceUseCase;
import dev.todoai.application.port.in.OccurrenceRefusedException;
import dev.todoai.application.port.out.ClockPort;
import dev.todoai.application.port.out.LoadTaskPort;
import dev.todoai.application.port.out.ReminderStorePort;
import dev.todoai.application.port.out.SaveTaskPort;
import dev.todoai.application.port.out.TransactionPort;
import dev.todoai.domain.reminder.Reminder;
import dev.todoai.domain.reminder.ReminderSpec;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskChange;
import dev.todoai.domain.task.TaskId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Creates the next occurrence of a series once per predecessor: a repeat (duplicate or concurrent
 * delivery, replay, retry after a crash) returns the occurrence created first. Only a completed
 * recurring task of the caller's user has a successor, and its due is computed here ({@link
 * NextOccurrences}) from the stored task. The successor gets copies of its predecessor's relative
 * reminders.
 */
public final class CreateNextOccurrenceService implements CreateNextOccurrenceUseCase {
  private final ClockPort clock;
  private final TransactionPort transactions;
  private final LoadTaskPort loadTask;
  private final SaveTaskPort saveTask;
  private final TaskEventRecorder events;
  private final ReminderStorePort reminderStore;
  private final ReminderSync reminders;
  private final NextOccurrences next;

  public CreateNextOccurrenceService(
      ClockPort clock,
      TransactionPort transactions,
      LoadTaskPort loadTask,
      SaveTaskPort saveTask,
      TaskEventRecorder events,
      ReminderStorePort reminderStore,
      ReminderSync reminders,
      NextOccurrences next) {
    this.clock = clock;
    this.transactions = transactions;
    this.loadTask = loadTask;
    this.saveTask = saveTask;
    this.events = events;
    this.reminderStore = reminderStore;
    this.reminders = reminders;
    this.next = next;
  }

  private record Outcome(Optional<Task> task, ReminderSync.Changes changes) {}

  @Override
  public Optional<Task> createNext(UserId owner, TaskId predecessorId) {
    Outcome outcome = transactions.inTransaction(() -> create(owner, predecessorId));
    outcome.changes().afterCommit();
    return outcome.task();
  }

  private Outcome create(UserId owner, TaskId predecessorId) {
    Optional<Task> existing = loadTask.loadSuccessor(owner, predecessorId);
    if (existing.isPresent()) {
      return new Outcome(existing, reminders.none());
    }
    Task predecessor =
        loadTask
            .load(owner, predecessorId)
            .orElseThrow(
                () ->
                    new OccurrenceRefusedException(
                        "task " + predecessorId.value() + " does not exist for this user"));
    if (!predecessor.isRecurring()) {
      throw new OccurrenceRefusedException(
          "task " + predecessorId.value() + " is not a recurring task");
    }
    if (!predecessor.completed()) {
      throw new OccurrenceRefusedException("task " + predecessorId.value() + " is not completed");
    }
    Optional<NextOccurrenceRequest> computed = next.after(predecessor, predecessor.completedAt());
    if (computed.isEmpty()) {
      return new Outcome(Optional.empty(), reminders.none());
    }
    NextOccurrenceRequest request = computed.get();
    Instant now = clock.now();
    TaskChange change =
        predecessor.nextOccurrence(
            saveTask.nextId(), request.due(), request.index(), request.seriesStart(), now);
    if (!saveTask.insertOccurrence(change.task())) {
      // A concurrent request created it first (its commit is visible now).
      return new Outcome(
          loadTask.loadSuccessor(request.owner(), request.predecessor()), reminders.none());
    }
    events.record(change.events());
    List<ReminderSpec> copies =
        reminderStore.forTask(request.owner(), request.predecessor()).stream()
            .filter(Reminder::isRelative)
            .map(r -> new ReminderSpec(null, r.beforeDue(), r.timeOfDay()))
            .distinct()
            .toList();
    ReminderSync.Changes changes = reminders.add(change.task(), copies, now);
    return new Outcome(Optional.of(change.task()), changes);
  }
}
