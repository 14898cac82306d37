package dev.todoai.domain.reminder;

import dev.todoai.domain.shared.InvalidValueException;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Due;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A reminder of a task: either at a fixed instant ({@code remind_at}) or relative to the task's due
 * ({@code before_due}; for an all-day due, before {@code time_of_day} — 09:00 by default — on that
 * date in the task's zone). Immutable; a relative reminder follows its task's due.
 */
public final class Reminder {
  public static final LocalTime DEFAULT_TIME_OF_DAY = LocalTime.of(9, 0);
  public static final int MAX_PER_TASK = 10;

  private final ReminderId id;
  private final TaskId taskId;
  private final UserId userId;
  private final Duration beforeDue;
  private final LocalTime timeOfDay;
  private final Instant remindAt;
  private final ReminderStatus status;
  private final Instant sentAt;
  private final Instant createdAt;

  private Reminder(
      ReminderId id,
      TaskId taskId,
      UserId userId,
      Duration beforeDue,
      LocalTime timeOfDay,
      Instant remindAt,
      ReminderStatus status,
      Instant sentAt,
      Instant createdAt) {
    this.id = Objects.requireNonNull(id, "id");
    this.taskId = Objects.requireNonNull(taskId, "taskId");
    this.userId = Objects.requireNonNull(userId, "userId");
    this.beforeDue = beforeDue;
    this.timeOfDay = timeOfDay;
    this.remindAt = Objects.requireNonNull(remindAt, "remindAt").truncatedTo(ChronoUnit.MICROS);
    this.status = Objects.requireNonNull(status, "status");
    this.sentAt = sentAt;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  /** A reminder at a fixed instant, which must lie in the future. */
  public static Reminder at(ReminderId id, Task task, Instant remindAt, Instant now) {
    if (remindAt == null) {
      throw new InvalidValueException("remind_at", "is required");
    }
    if (!remindAt.isAfter(now)) {
      throw new InvalidValueException("remind_at", "must be in the future");
    }
    return new Reminder(
        id, task.id(), task.userId(), null, null, remindAt, ReminderStatus.SCHEDULED, null, now);
  }

  /** A reminder {@code beforeDue} ahead of the task's due; the task needs a due. */
  public static Reminder beforeDue(
      ReminderId id, Task task, Duration beforeDue, LocalTime timeOfDay, Instant now) {
    validateOffset(beforeDue);
    if (timeOfDay != null && task.details().due().dueAt() != null) {
      throw new InvalidValueException("time_of_day", "only applies to a task with an all-day due");
    }
    Instant at = relativeInstant(task, beforeDue, timeOfDay);
    return new Reminder(
        id,
        task.id(),
        task.userId(),
        beforeDue,
        timeOfDay,
        at,
        ReminderStatus.SCHEDULED,
        null,
        now);
  }

  public static Reminder rehydrate(
      ReminderId id,
      TaskId taskId,
      UserId userId,
      Duration beforeDue,
      LocalTime timeOfDay,
      Instant remindAt,
      ReminderStatus status,
      Instant sentAt,
      Instant createdAt) {
    return new Reminder(
        id, taskId, userId, beforeDue, timeOfDay, remindAt, status, sentAt, createdAt);
  }

  static void validateOffset(Duration beforeDue) {
    if (beforeDue == null) {
      throw new InvalidValueException("before_due", "is required");
    }
    if (beforeDue.isNegative()) {
      throw new InvalidValueException("before_due", "must not be negative");
    }
    if (beforeDue.getNano() != 0) {
      throw new InvalidValueException("before_due", "must be a whole number of seconds");
    }
    if (beforeDue.compareTo(Duration.ofDays(366)) > 0) {
      throw new InvalidValueException("before_due", "must be at most one year");
    }
  }

  private static Instant relativeInstant(Task task, Duration beforeDue, LocalTime timeOfDay) {
    Due due = task.details().due();
    if (!due.isPresent()) {
      throw new InvalidValueException("before_due", "the task has no due to be reminded before");
    }
    Instant anchor =
        due.dueAt() != null
            ? due.dueAt()
            : due.dueDate()
                .atTime(timeOfDay == null ? DEFAULT_TIME_OF_DAY : timeOfDay)
                .atZone(task.details().timeZone().zone())
                .toInstant();
    return anchor.minus(beforeDue);
  }

  public boolean isRelative() {
    return beforeDue != null;
  }

  public boolean isPending() {
    return status == ReminderStatus.SCHEDULED;
  }

  /**
   * The reminder after its task changed: a pending relative reminder follows the due (cancelled
   * when the due is gone); a finished or deleted task cancels every pending reminder. Null when
   * nothing changes.
   */
  public Reminder afterTaskChanged(Task task) {
    if (!isPending()) {
      return null;
    }
    if (task.completed()) {
      return withStatus(ReminderStatus.CANCELLED, null);
    }
    if (!isRelative()) {
      return null;
    }
    if (!task.details().due().isPresent()) {
      return withStatus(ReminderStatus.CANCELLED, null);
    }
    LocalTime tod = task.details().due().dueDate() == null ? null : timeOfDay;
    Instant at = relativeInstant(task, beforeDue, tod);
    if (at.equals(remindAt)) {
      return null;
    }
    return new Reminder(
        id, taskId, userId, beforeDue, tod, at, ReminderStatus.SCHEDULED, null, createdAt);
  }

  /** A copy of this relative reminder for a task's next occurrence. */
  public Reminder copyFor(ReminderId newId, Task successor, Instant now) {
    if (!isRelative()) {
      throw new IllegalStateException("only relative reminders move with a series");
    }
    LocalTime tod = successor.details().due().dueDate() == null ? null : timeOfDay;
    return new Reminder(
        newId,
        successor.id(),
        successor.userId(),
        beforeDue,
        tod,
        relativeInstant(successor, beforeDue, tod),
        ReminderStatus.SCHEDULED,
        null,
        now);
  }

  public Reminder cancel() {
    return isPending() ? withStatus(ReminderStatus.CANCELLED, null) : this;
  }

  /** It went off at {@code at}; its notification is on its way. */
  public Reminder markFired(Instant at) {
    return withStatus(ReminderStatus.FIRED, at);
  }

  /** Its notification exists: a fired reminder is now sent (other states stay as they are). */
  public Reminder markDelivered() {
    return status == ReminderStatus.FIRED ? withStatus(ReminderStatus.SENT, sentAt) : this;
  }

  public Reminder markMissed(Instant at) {
    return withStatus(ReminderStatus.MISSED, at);
  }

  private Reminder withStatus(ReminderStatus newStatus, Instant newSentAt) {
    return new Reminder(
        id, taskId, userId, beforeDue, timeOfDay, remindAt, newStatus, newSentAt, createdAt);
  }

  public ReminderId id() {
    return id;
  }

  public TaskId taskId() {
    return taskId;
  }

  public UserId userId() {
    return userId;
  }

  public Duration beforeDue() {
    return beforeDue;
  }

  public LocalTime timeOfDay() {
    return timeOfDay;
  }

  public Instant remindAt() {
    return remindAt;
  }

  public ReminderStatus status() {
    return status;
  }

  public Instant sentAt() {
    return sentAt;
  }

  public Instant createdAt() {
    return createdAt;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Reminder r
        && id.equals(r.id)
        && taskId.equals(r.taskId)
        && userId.equals(r.userId)
        && Objects.equals(beforeDue, r.beforeDue)
        && Objects.equals(timeOfDay, r.timeOfDay)
        && remindAt.equals(r.remindAt)
        && status == r.status
        && Objects.equals(sentAt, r.sentAt)
        && createdAt.equals(r.createdAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, status, remindAt);
  }

  @Override
  public String toString() {
    return "Reminder[" + id + " " + status + " at " + remindAt + "]";
  }
}
