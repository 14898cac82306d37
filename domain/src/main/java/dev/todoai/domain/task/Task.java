package dev.todoai.domain.task;

import dev.todoai.domain.shared.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A user's task: immutable. Commands return a {@link TaskChange} with the new state and the events
 * they caused; every change bumps {@link #version()} by one.
 */
public final class Task {
  private final TaskId id;
  private final UserId userId;
  private final TaskDetails details;
  private final boolean completed;
  private final Instant completedAt;
  private final SeriesId seriesId;
  private final Instant createdAt;
  private final Instant updatedAt;
  private final long version;

  private Task(
      TaskId id,
      UserId userId,
      TaskDetails details,
      boolean completed,
      Instant completedAt,
      SeriesId seriesId,
      Instant createdAt,
      Instant updatedAt,
      long version) {
    this.id = Objects.requireNonNull(id, "id");
    this.userId = Objects.requireNonNull(userId, "userId");
    this.details = Objects.requireNonNull(details, "details");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    if (completed != (completedAt != null)) {
      throw new IllegalArgumentException("completedAt must be set exactly when completed");
    }
    if (version < 1) {
      throw new IllegalArgumentException("version starts at 1");
    }
    this.completed = completed;
    this.completedAt = completedAt;
    this.seriesId = seriesId;
    this.version = version;
  }

  /** A new, open task (version 1); a recurring one starts a new series. */
  public static TaskChange create(TaskId id, UserId owner, TaskDetails details, Instant now) {
    SeriesId series = details.isRecurring() ? SeriesId.random() : null;
    Task task = new Task(id, owner, details, false, null, series, now, now, 1);
    return new TaskChange(task, List.of(TaskEvent.of(TaskEventType.CREATED, now, task, Set.of())));
  }

  /** A task as it was stored. */
  public static Task rehydrate(
      TaskId id,
      UserId userId,
      TaskDetails details,
      boolean completed,
      Instant completedAt,
      SeriesId seriesId,
      Instant createdAt,
      Instant updatedAt,
      long version) {
    return new Task(
        id, userId, details, completed, completedAt, seriesId, createdAt, updatedAt, version);
  }

  /** Replaces the editable fields; no event and no new version when nothing differs. */
  public TaskChange edit(TaskDetails newDetails, Instant now) {
    Set<String> changed = details.differencesTo(newDetails);
    if (changed.isEmpty()) {
      return TaskChange.none(this);
    }
    SeriesId series = seriesId == null && newDetails.isRecurring() ? SeriesId.random() : seriesId;
    Task next =
        new Task(
            id, userId, newDetails, completed, completedAt, series, createdAt, now, version + 1);
    return new TaskChange(next, List.of(TaskEvent.of(TaskEventType.UPDATED, now, next, changed)));
  }

  /** Marks the task done or open; no event when it already is. */
  public TaskChange setCompleted(boolean done, Instant now) {
    if (done == completed) {
      return TaskChange.none(this);
    }
    Task next =
        new Task(
            id, userId, details, done, done ? now : null, seriesId, createdAt, now, version + 1);
    TaskEventType type = done ? TaskEventType.COMPLETED : TaskEventType.UNCOMPLETED;
    return new TaskChange(next, List.of(TaskEvent.of(type, now, next, Set.of())));
  }

  public TaskChange toggleCompleted(Instant now) {
    return setCompleted(!completed, now);
  }

  /** Deletes the task; the event carries the last snapshot. */
  public TaskChange delete(Instant now) {
    return new TaskChange(this, List.of(TaskEvent.of(TaskEventType.DELETED, now, this, Set.of())));
  }

  /** Open and past its due (an all-day due after the end of that day in the task's zone). */
  public boolean isOverdue(Instant now) {
    Instant from = details.due().overdueFrom(details.timeZone().zone());
    return !completed && from != null && !now.isBefore(from);
  }

  public boolean isOwnedBy(UserId user) {
    return userId.equals(user);
  }

  public TaskId id() {
    return id;
  }

  public UserId userId() {
    return userId;
  }

  public TaskDetails details() {
    return details;
  }

  public boolean completed() {
    return completed;
  }

  public Instant completedAt() {
    return completedAt;
  }

  public SeriesId seriesId() {
    return seriesId;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }

  public boolean isRecurring() {
    return details.isRecurring();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Task t
        && id.equals(t.id)
        && userId.equals(t.userId)
        && details.equals(t.details)
        && completed == t.completed
        && Objects.equals(completedAt, t.completedAt)
        && Objects.equals(seriesId, t.seriesId)
        && createdAt.equals(t.createdAt)
        && updatedAt.equals(t.updatedAt)
        && version == t.version;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, version);
  }

  @Override
  public String toString() {
    return "Task[" + id + " v" + version + " '" + details.title().value() + "']";
  }
}
