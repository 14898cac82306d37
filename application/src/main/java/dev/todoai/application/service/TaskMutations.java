package dev.todoai.application.service;

import dev.todoai.application.port.in.TaskNotFoundException;
import dev.todoai.application.port.in.VersionMismatchException;
import dev.todoai.application.port.out.ClockPort;
import dev.todoai.application.port.out.LoadTaskPort;
import dev.todoai.application.port.out.SaveTaskPort;
import dev.todoai.application.port.out.TransactionPort;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskChange;
import dev.todoai.domain.task.TaskId;
import java.time.Instant;
import java.util.function.BiFunction;

/**
 * The common shape of a change to an existing task: in one transaction, lock the row, check the
 * expected version, apply the domain command, store the result and its events (outbox).
 */
final class TaskMutations {
  private final ClockPort clock;
  private final TransactionPort transactions;
  private final LoadTaskPort loadTask;
  private final SaveTaskPort saveTask;
  private final TaskEventRecorder events;

  TaskMutations(
      ClockPort clock,
      TransactionPort transactions,
      LoadTaskPort loadTask,
      SaveTaskPort saveTask,
      TaskEventRecorder events) {
    this.clock = clock;
    this.transactions = transactions;
    this.loadTask = loadTask;
    this.saveTask = saveTask;
    this.events = events;
  }

  /** Applies {@code command} to the task and stores every resulting state; returns the last. */
  Task mutate(
      UserId owner,
      TaskId id,
      Long expectedVersion,
      BiFunction<Task, Instant, TaskChange> command) {
    return transactions.inTransaction(
        () -> {
          Task current = loadTask.loadForUpdate(owner, id).orElseThrow(() -> notFound(id));
          checkVersion(current, expectedVersion);
          TaskChange change = command.apply(current, clock.now());
          if (change.changed() && !saveTask.update(change.task(), current.version())) {
            throw new IllegalStateException("task " + id + " changed under a row lock");
          }
          events.record(change.events());
          return change.task();
        });
  }

  /** Deletes the task after the same checks. */
  void delete(UserId owner, TaskId id, Long expectedVersion) {
    transactions.inTransaction(
        () -> {
          Task current = loadTask.loadForUpdate(owner, id).orElseThrow(() -> notFound(id));
          checkVersion(current, expectedVersion);
          TaskChange change = current.delete(clock.now());
          saveTask.delete(change.task());
          events.record(change.events());
          return change;
        });
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
