package dev.todoai.domain.task;

import dev.todoai.domain.shared.InvalidValueException;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The fields of a task that a user edits, validated together (a recurring task needs a due). Absent
 * optional values take their defaults.
 */
public record TaskDetails(
    Title title,
    Description description,
    Priority priority,
    Tags tags,
    Due due,
    TaskTimeZone timeZone,
    RecurrenceRule recurrenceRule,
    RecurrenceAnchor recurrenceAnchor) {

  public TaskDetails {
    Objects.requireNonNull(title, "title");
    description = description == null ? Description.EMPTY : description;
    priority = priority == null ? Priority.NONE : priority;
    tags = tags == null ? Tags.NONE : tags;
    due = due == null ? Due.NONE : due;
    timeZone = timeZone == null ? TaskTimeZone.UTC : timeZone;
    recurrenceAnchor = recurrenceAnchor == null ? RecurrenceAnchor.DUE : recurrenceAnchor;
    if (recurrenceRule != null && !due.isPresent()) {
      throw new InvalidValueException(
          RecurrenceRule.FIELD, "a recurring task needs a due (due_at or due_date)");
    }
  }

  /** Details with just a title and every default. */
  public static TaskDetails titled(String title) {
    return new TaskDetails(new Title(title), null, null, null, null, null, null, null);
  }

  public boolean isRecurring() {
    return recurrenceRule != null;
  }

  /** API names of the fields whose values differ between this and {@code other}. */
  public Set<String> differencesTo(TaskDetails other) {
    Set<String> changed = new LinkedHashSet<>();
    if (!title.equals(other.title)) {
      changed.add("title");
    }
    if (!description.equals(other.description)) {
      changed.add("description");
    }
    if (priority != other.priority) {
      changed.add("priority");
    }
    if (!tags.equals(other.tags)) {
      changed.add("tags");
    }
    if (!Objects.equals(due.dueAt(), other.due.dueAt())) {
      changed.add("due_at");
    }
    if (!Objects.equals(due.dueDate(), other.due.dueDate())) {
      changed.add("due_date");
    }
    if (!timeZone.equals(other.timeZone)) {
      changed.add("time_zone");
    }
    if (!Objects.equals(recurrenceRule, other.recurrenceRule)) {
      changed.add("recurrence_rule");
    }
    if (recurrenceAnchor != other.recurrenceAnchor) {
      changed.add("recurrence_anchor");
    }
    return changed;
  }

  public TaskDetails withTitle(Title newTitle) {
    return new TaskDetails(
        newTitle, description, priority, tags, due, timeZone, recurrenceRule, recurrenceAnchor);
  }

  public TaskDetails withDue(Due newDue) {
    return new TaskDetails(
        title, description, priority, tags, newDue, timeZone, recurrenceRule, recurrenceAnchor);
  }

  public TaskDetails withPriority(Priority newPriority) {
    return new TaskDetails(
        title, description, newPriority, tags, due, timeZone, recurrenceRule, recurrenceAnchor);
  }

  public TaskDetails withTags(Tags newTags) {
    return new TaskDetails(
        title, description, priority, newTags, due, timeZone, recurrenceRule, recurrenceAnchor);
  }
}
