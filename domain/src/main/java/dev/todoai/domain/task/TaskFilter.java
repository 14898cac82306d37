package dev.todoai.domain.task;

import dev.todoai.domain.shared.PlainText;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * Which of a user's tasks to list. Every criterion is optional (null = any); they combine with AND.
 *
 * @param search case-insensitive substring of title or description; matched literally; no control
 *     characters
 */
public record TaskFilter(
    Status status,
    Set<Priority> priorities,
    Set<Tag> tags,
    TagMode tagMode,
    DueBound dueAfter,
    DueBound dueBefore,
    Boolean overdue,
    Boolean hasDue,
    String search) {

  public static final TaskFilter ALL =
      new TaskFilter(null, null, null, null, null, null, null, null, null);

  public TaskFilter {
    status = status == null ? Status.ALL : status;
    priorities = priorities == null ? Set.of() : Set.copyOf(priorities);
    tags = tags == null ? Set.of() : Set.copyOf(tags);
    tagMode = tagMode == null ? TagMode.ALL : tagMode;
    search = search == null || search.isEmpty() ? null : PlainText.singleLine("search", search);
  }

  /** Completion state to list. */
  public enum Status {
    ALL,
    PENDING,
    COMPLETED
  }

  /** Whether a task must carry all of the given tags or any of them. */
  public enum TagMode {
    ALL,
    ANY
  }

  /**
   * An inclusive bound on the due: an instant compares with a timed due (and with the start of an
   * all-day due's day); a date compares with the calendar day of the due in the task's zone.
   */
  public record DueBound(Instant instant, LocalDate date) {
    public DueBound {
      if ((instant == null) == (date == null)) {
        throw new IllegalArgumentException("exactly one of instant and date");
      }
    }

    public static DueBound of(Instant instant) {
      return new DueBound(instant, null);
    }

    public static DueBound of(LocalDate date) {
      return new DueBound(null, date);
    }
  }
}
