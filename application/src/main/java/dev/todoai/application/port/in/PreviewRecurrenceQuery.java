package dev.todoai.application.port.in;

import dev.todoai.domain.task.Due;
import dev.todoai.domain.task.RecurrenceRule;
import java.time.ZoneId;
import java.util.List;

/**
 * How a recurrence rule would repeat from a due, before anything is saved (the editor's recurrence
 * builder shows it): the English summary and the next dues after the start.
 */
public interface PreviewRecurrenceQuery {
  int MAX_COUNT = 10;

  /** The summary and the next dues, in order; fewer than asked when COUNT or UNTIL ends sooner. */
  record RecurrencePreview(String text, List<Due> next) {}

  /**
   * @param start the due the series starts from (an instant or a date)
   * @param count how many next dues, 1 to {@link #MAX_COUNT}
   * @throws dev.todoai.domain.shared.InvalidValueException (field {@code recurrence_rule}) when the
   *     rule has no instance after the start
   */
  RecurrencePreview preview(RecurrenceRule rule, Due start, ZoneId zone, int count);
}
