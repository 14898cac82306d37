package dev.todoai.adapter.out.assistant;

import dev.todoai.adapter.out.assistant.DateGrammar.When;
import java.time.LocalTime;
import java.util.List;

/**
 * Changes to a task's fields; null (or empty) leaves a field as it is.
 *
 * @param due how the due changes
 * @param addTags tags to add; {@code removeTags} to take off; {@code clearTags} removes all first;
 *     {@code replaceTags} replaces the tags when not null
 * @param recurrence a new recurrence; {@code clearRecurrence} stops repeating
 * @param description text for the description; appended to it when {@code appendDescription}
 */
record Edit(
    String title,
    DueEdit due,
    String priority,
    List<String> addTags,
    List<String> removeTags,
    boolean clearTags,
    RecurrenceSpec recurrence,
    boolean clearRecurrence,
    String description,
    boolean appendDescription) {

  Edit {
    addTags = addTags == null ? List.of() : List.copyOf(addTags);
    removeTags = removeTags == null ? List.of() : List.copyOf(removeTags);
  }

  static Edit none() {
    return new Edit(null, null, null, List.of(), List.of(), false, null, false, null, false);
  }

  boolean isEmpty() {
    return title == null
        && due == null
        && priority == null
        && addTags.isEmpty()
        && removeTags.isEmpty()
        && !clearTags
        && recurrence == null
        && !clearRecurrence
        && description == null;
  }

  Edit withTitle(String t) {
    return new Edit(
        t,
        due,
        priority,
        addTags,
        removeTags,
        clearTags,
        recurrence,
        clearRecurrence,
        description,
        appendDescription);
  }

  Edit withDue(DueEdit d) {
    return new Edit(
        title,
        d,
        priority,
        addTags,
        removeTags,
        clearTags,
        recurrence,
        clearRecurrence,
        description,
        appendDescription);
  }

  Edit withPriority(String p) {
    return new Edit(
        title,
        due,
        p,
        addTags,
        removeTags,
        clearTags,
        recurrence,
        clearRecurrence,
        description,
        appendDescription);
  }

  Edit withTags(List<String> add, List<String> remove, boolean clear) {
    return new Edit(
        title,
        due,
        priority,
        add,
        remove,
        clear,
        recurrence,
        clearRecurrence,
        description,
        appendDescription);
  }

  Edit withRecurrence(RecurrenceSpec r, boolean clear) {
    return new Edit(
        title,
        due,
        priority,
        addTags,
        removeTags,
        clearTags,
        r,
        clear,
        description,
        appendDescription);
  }

  Edit withDescription(String text, boolean append) {
    return new Edit(
        title,
        due,
        priority,
        addTags,
        removeTags,
        clearTags,
        recurrence,
        clearRecurrence,
        text,
        append);
  }

  /** How a due changes. */
  sealed interface DueEdit {
    /** A new due; a day without a time keeps the task's time of day. */
    record Set(When when) implements DueEdit {}

    /** No due any more. */
    record Clear() implements DueEdit {}

    /** Later (or earlier, negative) by an amount. */
    record Shift(Amount by, boolean earlier) implements DueEdit {}

    /** Another time of day, same day. */
    record Time(LocalTime time) implements DueEdit {}
  }
}
