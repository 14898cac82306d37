package dev.todoai.application.service;

import dev.todoai.application.port.out.ReminderStorePort;
import dev.todoai.application.port.out.ScheduleReminderPort;
import dev.todoai.domain.reminder.Reminder;
import dev.todoai.domain.reminder.ReminderSpec;
import dev.todoai.domain.reminder.ReminderStatus;
import dev.todoai.domain.shared.InvalidValueException;
import dev.todoai.domain.task.Task;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a task's reminders in step with the task, inside the task change's transaction: relative
 * reminders follow the due, a completed or deleted task cancels its pending reminders. Timers are
 * (re)armed or cancelled only after the commit — {@link Changes#afterCommit()} — so that a rolled
 * back change never leaves a timer behind (and a timer that fires for a missing row is a no-op).
 */
public final class ReminderSync {
  private final ReminderStorePort store;
  private final ScheduleReminderPort scheduler;
  private final ReminderHorizon horizon;

  /** Arms every pending reminder as it is set (no horizon). */
  public ReminderSync(ReminderStorePort store, ScheduleReminderPort scheduler) {
    this(store, scheduler, new ReminderHorizon());
  }

  /** Arms reminders within {@code horizon} as they are set; later ones wait for the horizon. */
  public ReminderSync(
      ReminderStorePort store, ScheduleReminderPort scheduler, ReminderHorizon horizon) {
    this.store = store;
    this.scheduler = scheduler;
    this.horizon = horizon;
  }

  /** Reminders created by a call, and the timer work to do once the transaction has committed. */
  public static final class Changes {
    private final List<Reminder> created = new ArrayList<>();
    private final List<Runnable> afterCommit = new ArrayList<>();

    public List<Reminder> created() {
      return List.copyOf(created);
    }

    public void afterCommit() {
      afterCommit.forEach(Runnable::run);
    }

    Changes merge(Changes other) {
      created.addAll(other.created);
      afterCommit.addAll(other.afterCommit);
      return this;
    }
  }

  Changes none() {
    return new Changes();
  }

  /**
   * The task changed: re-time relative reminders, cancel them when the task closed or lost its due.
   */
  Changes onTaskChanged(Task task) {
    Changes changes = new Changes();
    for (Reminder reminder : store.forTaskForUpdate(task.id())) {
      Reminder next = reminder.afterTaskChanged(task);
      if (next == null) {
        continue;
      }
      store.update(next);
      schedule(changes, next, true);
    }
    return changes;
  }

  /** The task is being deleted: its reminders go with it; their timers are cancelled. */
  Changes onTaskDeleted(Task task) {
    Changes changes = new Changes();
    for (Reminder reminder : store.forTaskForUpdate(task.id())) {
      if (reminder.isPending()) {
        changes.afterCommit.add(() -> scheduler.cancel(reminder.id()));
      }
      store.delete(reminder.id());
    }
    return changes;
  }

  /** Adds reminders to the task; more than {@link Reminder#MAX_PER_TASK} live ones is refused. */
  Changes add(Task task, List<ReminderSpec> specs, Instant now) {
    Changes changes = new Changes();
    if (specs.isEmpty()) {
      return changes;
    }
    long live =
        store.forTaskForUpdate(task.id()).stream()
            .filter(r -> r.status() != ReminderStatus.CANCELLED)
            .count();
    if (live + specs.size() > Reminder.MAX_PER_TASK) {
      throw new InvalidValueException(
          "reminders", "a task has at most " + Reminder.MAX_PER_TASK + " reminders");
    }
    for (ReminderSpec spec : specs) {
      Reminder reminder =
          spec.isRelative()
              ? Reminder.beforeDue(
                  store.nextReminderId(), task, spec.beforeDue(), spec.timeOfDay(), now)
              : Reminder.at(store.nextReminderId(), task, spec.remindAt(), now);
      store.insert(reminder);
      changes.created.add(reminder);
      schedule(changes, reminder, false);
    }
    return changes;
  }

  /** Replaces the task's pending reminders with {@code specs} (sent ones stay as history). */
  Changes replace(Task task, List<ReminderSpec> specs, Instant now) {
    Changes changes = new Changes();
    for (Reminder reminder : store.forTaskForUpdate(task.id())) {
      if (reminder.isPending()) {
        store.delete(reminder.id());
        changes.afterCommit.add(() -> scheduler.cancel(reminder.id()));
      }
    }
    return changes.merge(add(task, specs, now));
  }

  /**
   * Arms the reminder when it is pending and within the horizon (checked after the commit, when the
   * horizon may have moved); otherwise cancels a timer it may have had.
   */
  private void schedule(Changes changes, Reminder reminder, boolean mayBeArmed) {
    changes.afterCommit.add(
        () -> {
          if (reminder.isPending() && horizon.covers(reminder.remindAt())) {
            scheduler.schedule(reminder.id(), reminder.remindAt());
          } else if (mayBeArmed || !reminder.isPending()) {
            scheduler.cancel(reminder.id());
          }
        });
  }
}
