package dev.todoai.adapter.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The editable fields of a task as a client sends them: the body of POST and PUT, the JSON merge
 * patch of PATCH, and the arguments of add_task and update_task. The read-only members of a task
 * representation are accepted and ignored, so that a task read can be sent back.
 */
@Serdeable
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties({
  "id",
  "user_id",
  "completed_at",
  "is_recurring",
  "series_id",
  "created_at",
  "updated_at",
  "version",
  "recurrence_text"
})
@Schema(name = "TaskInput", description = "The editable fields of a task.")
public record TaskInput(
    @Schema(description = "Short title, 1-200 characters.", minLength = 1, maxLength = 200)
        @WrongType("must be a string")
        String title,
    @Schema(
            types = {"string", "null"},
            description = "Longer notes, at most 4000 characters.",
            maxLength = 4000)
        String description,
    @Schema(
            types = {"string", "null"},
            description = "Priority; none by default.",
            allowableValues = {"none", "low", "medium", "high", "urgent"})
        String priority,
    @Schema(
            types = {"array", "null"},
            description =
                "Labels (at most 20): letters, digits, '-', '_' or '/'; stored lower-case.")
        List<String> tags,
    @Schema(
            types = {"string", "null"},
            description =
                "Exact due instant, ISO-8601 with offset, e.g. 2026-12-01T09:00:00+01:00. Do not"
                    + " combine with due_date.",
            format = "date-time")
        String dueAt,
    @Schema(
            types = {"string", "null"},
            description =
                "All-day due date, YYYY-MM-DD, in the task's time zone. Do not combine with"
                    + " due_at.",
            format = "date")
        String dueDate,
    @Schema(
            types = {"string", "null"},
            description = "IANA time zone of the task, e.g. Europe/Berlin; UTC by default.")
        String timeZone,
    @Schema(
            types = {"string", "null"},
            description =
                "RFC 5545 RRULE without the RRULE: prefix, e.g. FREQ=WEEKLY;BYDAY=MO,TH or"
                    + " FREQ=MONTHLY;BYMONTHDAY=1. Needs a due. Do not combine with recurrence.")
        String recurrenceRule,
    @Schema(
            types = {"string", "null"},
            description = "Simple recurrence instead of recurrence_rule; needs a due.",
            allowableValues = {"daily", "weekdays", "weekly", "monthly", "yearly"})
        String recurrence,
    @Schema(
            types = {"string", "null"},
            description =
                "Whether the next occurrence follows the due (default) or the completion.",
            allowableValues = {"due", "completion"})
        String recurrenceAnchor,
    @Schema(
            types = {"boolean", "null"},
            description =
                "true to complete the task, false to open it again (not when creating a task).")
        Boolean completed,
    @Schema(
            types = {"array", "null"},
            description =
                "Reminders: created with a new task; on a change they replace the pending"
                    + " reminders ([] or null removes them).")
        @WrongType(
            value = "must be an array of reminder objects, e.g. [{\"before_due\":\"PT1H\"}]",
            element = "must be an object with remind_at or before_due")
        List<ReminderInput> reminders) {

  /** The member that names the preset instead of a rule. */
  public static final String RECURRENCE_PRESET = "recurrence";

  public static final String COMPLETED = "completed";
  public static final String REMINDERS = "reminders";
}
