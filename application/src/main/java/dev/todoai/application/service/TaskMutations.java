package dev.todoai.application.service;

import dev.todoai.application.port.in.TaskNotFoundException;
import dev.todoai.application.port.in.VersionMismatchException;
import dev.todoai.application.port.out.ClockPort;
import dev.todoai.application.port.out.LoadTaskPort;
import dev.todoai.application.port.out.SaveTaskPort;
import dev.todoai.application.port.out.TransactionPort;
import dev.todoai.domain.reminder.ReminderSpec;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskChange;
import dev.todoai.domain.task.TaskDetails;
import dev.todoai.domain.task.TaskEvent;
import dev.todoai.domain.task.TaskId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The common shape of a change to an existing task: in one transaction, lock the row, check the
 * expected version, apply the domain command, store the result, its events (outbox) and the effect
 * on the task's reminders; re-arm reminder timers after the commit.
 */
final class TaskMutations {
  private final ClockPort clock;
  private final TransactionPort transactions;
  private final LoadTaskPort loadTask;
  private final SaveTaskPort saveTask;
  private final TaskEventRecorder events;
  private final ReminderSync reminders;

  TaskMutations(
      ClockPort clock,
      TransactionPort transactions,
      LoadTaskPort loadTask,
      SaveTaskPort saveTask,
      TaskEventRecorder events,
      ReminderSync reminders) {
    this.clock = clock;
    this.transactions = transactions;
    this.loadTask = loadTask;
    this.saveTask = saveTask;
    this.events = events;
    this.reminders = reminders;
  }

  private record Outcome(Task task, ReminderSync.Changes reminderChanges) {}

  /**
   * Applies {@code command} to the task and stores the result; {@code newReminders}, when not null,
   * replaces the task's pending reminders.
   */
  Task mutate(
      UserId owner,
      TaskId id,
      Long expectedVersion,
      List<ReminderSpec> newReminders,
      BiFunction<Task, Instant, TaskChange> command) {
    Outcome outcome =
        transactions.inTransaction(
            () -> {
              Task current = loadTask.loadForUpdate(owner, id).orElseThrow(() -> notFound(id));
              checkVersion(current, expectedVersion);
              Instant now = clock.now();
              TaskChange change = command.apply(current, now);
              if (change.changed() && !saveTask.update(change.task(), current.version())) {
                throw new IllegalStateException("task " + id + " changed under a row lock");
              }
              events.record(change.events());
              ReminderSync.Changes changes =
                  change.changed() ? reminders.onTaskChanged(change.task()) : reminders.none();
              if (newReminders != null) {
                changes.merge(reminders.replace(change.task(), newReminders, now));
              }
              return new Outcome(change.task(), changes);
            });
    outcome.reminderChanges().afterCommit();
    return outcome.task();
  }

  /** Deletes the task after the same checks. */
  void delete(UserId owner, TaskId id, Long expectedVersion) {
    ReminderSync.Changes changes =
        transactions.inTransaction(
            () -> {
              Task current = loadTask.loadForUpdate(owner, id).orElseThrow(() -> notFound(id));
              checkVersion(current, expectedVersion);
              TaskChange change = current.delete(clock.now());
              ReminderSync.Changes removed = reminders.onTaskDeleted(current);
              saveTask.delete(change.task());
              events.record(change.events());
              return removed;
            });
    changes.afterCommit();
  }

  /** Edits the details and, when {@code completed} is not null, sets the completion. */
  static TaskChange edit(Task task, TaskDetails details, Boolean completed, Instant now) {
    TaskChange edited = task.edit(details, now);
    if (completed == null) {
      return edited;
    }
    TaskChange completion = edited.task().setCompleted(completed, now);
    List<TaskEvent> events = new ArrayList<>(edited.events());
    events.addAll(completion.events());
    return new TaskChange(completion.task(), events);
  }

  static void checkVersion(Task current, Long expectedVersion) {
    if (expectedVersion != null && expectedVersion != current.version()) {
      throw new VersionMismatchException(expectedVersion, current.version());
    }
  }

  static TaskNotFoundException notFound(TaskId id) {
    return new TaskNotFoundException("no task with id " + id);
  }
}
