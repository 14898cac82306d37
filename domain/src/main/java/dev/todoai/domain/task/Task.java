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
  private final Occurrence occurrence;

  private Task(
      TaskId id,
      UserId userId,
      TaskDetails details,
      boolean completed,
      Instant completedAt,
      SeriesId seriesId,
      Instant createdAt,
      Instant updatedAt,
      long version,
      Occurrence occurrence) {
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
    this.occurrence =
        details.isRecurring()
            ? (occurrence != null ? occurrence : Occurrence.first(details.due()))
            : null;
  }

  /**
   * Where a recurring task stands in its series: the series start (RFC 5545 DTSTART), its 1-based
   * position (what COUNT counts) and the occurrence it follows (null for the first).
   */
  public record Occurrence(Due seriesStart, int index, TaskId predecessorId) {
    public Occurrence {
      java.util.Objects.requireNonNull(seriesStart, "seriesStart");
      if (!seriesStart.isPresent()) {
        throw new IllegalArgumentException("a series starts at a due");
      }
      if (index < 1) {
        throw new IllegalArgumentException("index starts at 1");
      }
    }

    static Occurrence first(Due due) {
      return new Occurrence(due, 1, null);
    }
  }

  /** A new, open task (version 1); a recurring one starts a new series. */
  public static TaskChange create(TaskId id, UserId owner, TaskDetails details, Instant now) {
    SeriesId series = details.isRecurring() ? SeriesId.random() : null;
    Task task = new Task(id, owner, details, false, null, series, now, now, 1, null);
    return new TaskChange(task, List.of(TaskEvent.of(TaskEventType.CREATED, now, task, Set.of())));
  }

  /**
   * The next occurrence of this recurring task: a new, open task with the same details, series and
   * rule, due at {@code next}.
   */
  public TaskChange nextOccurrence(
      TaskId newId, Due next, int index, Due seriesStart, Instant now) {
    if (!isRecurring()) {
      throw new IllegalStateException("task " + id + " does not recur");
    }
    Task successor =
        new Task(
            newId,
            userId,
            details.withDue(next),
            false,
            null,
            seriesId,
            now,
            now,
            1,
            new Occurrence(seriesStart, index, id));
    return new TaskChange(
        successor, List.of(TaskEvent.of(TaskEventType.CREATED, now, successor, Set.of())));
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
    return rehydrate(
        id, userId, details, completed, completedAt, seriesId, createdAt, updatedAt, version, null);
  }

  /** A task as it was stored, with its place in its series (null: the series starts here). */
  public static Task rehydrate(
      TaskId id,
      UserId userId,
      TaskDetails details,
      boolean completed,
      Instant completedAt,
      SeriesId seriesId,
      Instant createdAt,
      Instant updatedAt,
      long version,
      Occurrence occurrence) {
    return new Task(
        id,
        userId,
        details,
        completed,
        completedAt,
        seriesId,
        createdAt,
        updatedAt,
        version,
        occurrence);
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
            id,
            userId,
            newDetails,
            completed,
            completedAt,
            series,
            createdAt,
            now,
            version + 1,
            placeAfterEdit(newDetails, changed));
    return new TaskChange(next, List.of(TaskEvent.of(TaskEventType.UPDATED, now, next, changed)));
  }

  /**
   * A new rule, due, zone or anchor restarts the series from this occurrence (it becomes DTSTART,
   * position 1); other edits keep its place.
   */
  private Occurrence placeAfterEdit(TaskDetails newDetails, Set<String> changed) {
    if (!newDetails.isRecurring()) {
      return null;
    }
    boolean restart =
        occurrence == null
            || changed.contains("recurrence_rule")
            || changed.contains("due_at")
            || changed.contains("due_date")
            || changed.contains("time_zone")
            || changed.contains("recurrence_anchor");
    if (!restart) {
      return occurrence;
    }
    return new Occurrence(
        newDetails.due(), 1, occurrence == null ? null : occurrence.predecessorId());
  }

  /** Marks the task done or open; no event when it already is. */
  public TaskChange setCompleted(boolean done, Instant now) {
    if (done == completed) {
      return TaskChange.none(this);
    }
    Task next =
        new Task(
            id,
            userId,
            details,
            done,
            done ? now : null,
            seriesId,
            createdAt,
            now,
            version + 1,
            occurrence);
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

  /** The task's place in its series; null when it does not recur. */
  public Occurrence occurrence() {
    return occurrence;
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
        && version == t.version
        && Objects.equals(occurrence, t.occurrence);
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
