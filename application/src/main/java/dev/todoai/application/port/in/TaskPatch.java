package dev.todoai.application.port.in;

import dev.todoai.domain.reminder.ReminderSpec;
import dev.todoai.domain.shared.InvalidValueException;
import dev.todoai.domain.task.Description;
import dev.todoai.domain.task.Due;
import dev.todoai.domain.task.Priority;
import dev.todoai.domain.task.RecurrenceAnchor;
import dev.todoai.domain.task.RecurrenceRule;
import dev.todoai.domain.task.Tags;
import dev.todoai.domain.task.TaskDetails;
import dev.todoai.domain.task.TaskTimeZone;
import dev.todoai.domain.task.Title;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A partial change of a task, field by field (absent, cleared or set), with the merge rules in one
 * place: setting one of due_at/due_date clears the other unless the change names both; a cleared
 * optional field takes its default; {@code reminders}, when named, replace the pending ones
 * (cleared = none).
 */
public record TaskPatch(
    FieldPatch<Title> title,
    FieldPatch<Description> description,
    FieldPatch<Priority> priority,
    FieldPatch<Tags> tags,
    FieldPatch<Instant> dueAt,
    FieldPatch<LocalDate> dueDate,
    FieldPatch<TaskTimeZone> timeZone,
    FieldPatch<RecurrenceRule> recurrenceRule,
    FieldPatch<RecurrenceAnchor> recurrenceAnchor,
    FieldPatch<Boolean> completed,
    FieldPatch<List<ReminderSpec>> reminders) {
  /** Why a task's title cannot be cleared. */
  public static final String TITLE_NEEDED = "cannot be removed: a task needs a title";

  /** Why completion cannot be cleared. */
  public static final String COMPLETION_IS_BOOLEAN = "must be true or false";

  public TaskPatch {
    title = orAbsent(title);
    description = orAbsent(description);
    priority = orAbsent(priority);
    tags = orAbsent(tags);
    dueAt = orAbsent(dueAt);
    dueDate = orAbsent(dueDate);
    timeZone = orAbsent(timeZone);
    recurrenceRule = orAbsent(recurrenceRule);
    recurrenceAnchor = orAbsent(recurrenceAnchor);
    completed = orAbsent(completed);
    reminders = orAbsent(reminders);
    if (title instanceof FieldPatch.Cleared) {
      throw new InvalidValueException("title", TITLE_NEEDED);
    }
    if (completed instanceof FieldPatch.Cleared) {
      throw new InvalidValueException("completed", COMPLETION_IS_BOOLEAN);
    }
    if (reminders instanceof FieldPatch.Set<List<ReminderSpec>> set) {
      reminders = FieldPatch.set(List.copyOf(set.value()));
    }
  }

  /** A patch that changes nothing. */
  public static TaskPatch none() {
    return new TaskPatch(null, null, null, null, null, null, null, null, null, null, null);
  }

  /**
   * The details after the change.
   *
   * @throws InvalidValueException when the result breaks a rule of {@link TaskDetails}
   */
  public TaskDetails applyTo(TaskDetails current) {
    FieldPatch<Instant> effectiveDueAt = dueAt;
    FieldPatch<LocalDate> effectiveDueDate = dueDate;
    if (dueAt instanceof FieldPatch.Set && !dueDate.isNamed()) {
      effectiveDueDate = FieldPatch.cleared();
    }
    if (dueDate instanceof FieldPatch.Set && !dueAt.isNamed()) {
      effectiveDueAt = FieldPatch.cleared();
    }
    Due due =
        Due.of(
            effectiveDueAt.applyTo(current.due().dueAt()),
            effectiveDueDate.applyTo(current.due().dueDate()));
    return new TaskDetails(
        title.applyTo(current.title()),
        description.applyTo(current.description()),
        priority.applyTo(current.priority()),
        tags.applyTo(current.tags()),
        due,
        timeZone.applyTo(current.timeZone()),
        recurrenceRule.applyTo(current.recurrenceRule()),
        recurrenceAnchor.applyTo(current.recurrenceAnchor()));
  }

  /** The wanted completion; null leaves it as it is. */
  public Boolean completion() {
    return completed.applyTo(null);
  }

  /** The reminders that replace the pending ones; null leaves them, empty removes them. */
  public List<ReminderSpec> newReminders() {
    if (reminders instanceof FieldPatch.Cleared) {
      return List.of();
    }
    return reminders.applyTo(null);
  }

  private static <T> FieldPatch<T> orAbsent(FieldPatch<T> patch) {
    return patch == null ? FieldPatch.absent() : patch;
  }
}
