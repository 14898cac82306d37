package dev.todoai.adapter.contract.tools;

import dev.todoai.adapter.contract.TaskListInput;
import dev.todoai.adapter.contract.WrongType;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The argument records of the tools that are not a task, a reminder or a list query: read with the
 * same strict reader as the REST bodies, described by the same annotations.
 */
final class ToolArguments {
  static final String POSITIVE = "must be a positive number";
  static final String LIMIT = "must be a whole number from 1 to 200";

  private ToolArguments() {}

  /** get_task, delete_task, list_reminders: one task. */
  record TaskId(
      @Schema(description = "The task's id.", minimum = "1") @WrongType(POSITIVE) Long taskId) {}

  /** complete_task. */
  record Completion(
      @Schema(description = "The task's id.", minimum = "1") @WrongType(POSITIVE) Long taskId,
      @Schema(description = "false to open the task again; true by default.") Boolean completed) {}

  /** delete_reminder. */
  record ReminderId(
      @Schema(description = "The task's id.", minimum = "1") @WrongType(POSITIVE) Long taskId,
      @Schema(description = "The reminder's id.", minimum = "1") @WrongType(POSITIVE)
          Long reminderId) {}

  /** search_tasks. */
  record Search(
      @Schema(description = "Text to look for.", minLength = 1, maxLength = 200) String query,
      @Schema(
              description = "At most this many tasks, 1-200; 20 by default.",
              minimum = "1",
              maximum = "200")
          @WrongType(LIMIT)
          Integer limit) {}

  /** The members of {@link TaskListInput} that take several values. */
  static final String[] LIST_MEMBERS = {"priority", "tags"};
}
