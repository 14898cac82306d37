package dev.todoai.adapter.contract;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskDetails;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A task as the API shows it (snake_case; instants in UTC with {@code Z}; nulls written). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@Schema(name = "Task", description = "A task.")
public record TaskView(
    @Schema(requiredMode = REQUIRED) long id,
    @Schema(requiredMode = REQUIRED) String userId,
    @Schema(requiredMode = REQUIRED) String title,
    @Schema(requiredMode = REQUIRED, description = "Notes; empty when there are none.")
        String description,
    @Schema(requiredMode = REQUIRED) boolean completed,
    @Schema(
            requiredMode = REQUIRED,
            types = {"string", "null"},
            format = "date-time")
        String completedAt,
    @Schema(
            requiredMode = REQUIRED,
            allowableValues = {"none", "low", "medium", "high", "urgent"})
        String priority,
    @Schema(requiredMode = REQUIRED) List<String> tags,
    @Schema(
            requiredMode = REQUIRED,
            types = {"string", "null"},
            format = "date-time")
        String dueAt,
    @Schema(
            requiredMode = REQUIRED,
            types = {"string", "null"},
            format = "date")
        String dueDate,
    @Schema(requiredMode = REQUIRED, description = "IANA time zone, e.g. Europe/Berlin.")
        String timeZone,
    @Schema(
            requiredMode = REQUIRED,
            types = {"string", "null"},
            description = "RFC 5545 RRULE.")
        String recurrenceRule,
    @Schema(
            requiredMode = REQUIRED,
            allowableValues = {"due", "completion"})
        String recurrenceAnchor,
    @Schema(requiredMode = REQUIRED) @JsonProperty("is_recurring") boolean isRecurring,
    @Schema(
            requiredMode = REQUIRED,
            types = {"string", "null"},
            format = "uuid")
        String seriesId,
    @Schema(requiredMode = REQUIRED, format = "date-time") String createdAt,
    @Schema(requiredMode = REQUIRED, format = "date-time") String updatedAt,
    @Schema(requiredMode = REQUIRED, description = "Increases with every change; the ETag.")
        long version,
    @Schema(
            requiredMode = REQUIRED,
            types = {"string", "null"},
            description = "The recurrence in words, e.g. \"every Monday\".")
        String recurrenceText) {

  /** The view of {@code task}, with its recurrence in words (null if it does not recur). */
  public static TaskView of(Task task, String recurrenceText) {
    TaskDetails details = task.details();
    return new TaskView(
        task.id().value(),
        task.userId().value(),
        details.title().value(),
        details.description().value(),
        task.completed(),
        ApiTime.format(task.completedAt()),
        ApiNames.of(details.priority()),
        details.tags().texts(),
        ApiTime.format(details.due().dueAt()),
        ApiTime.format(details.due().dueDate()),
        details.timeZone().id(),
        details.recurrenceRule() == null ? null : details.recurrenceRule().text(),
        ApiNames.of(details.recurrenceAnchor()),
        task.isRecurring(),
        task.seriesId() == null ? null : task.seriesId().toString(),
        ApiTime.format(task.createdAt()),
        ApiTime.format(task.updatedAt()),
        task.version(),
        recurrenceText);
  }

  /** The strong entity tag of a task: its version, quoted. */
  public static String etag(Task task) {
    return "\"" + task.version() + "\"";
  }
}
