package dev.todoai.adapter.contract;

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
    long id,
    String userId,
    String title,
    String description,
    boolean completed,
    @Schema(format = "date-time", nullable = true) String completedAt,
    @Schema(allowableValues = {"none", "low", "medium", "high", "urgent"}) String priority,
    List<String> tags,
    @Schema(format = "date-time", nullable = true) String dueAt,
    @Schema(format = "date", nullable = true) String dueDate,
    String timeZone,
    @Schema(nullable = true) String recurrenceRule,
    @Schema(allowableValues = {"due", "completion"}) String recurrenceAnchor,
    @JsonProperty("is_recurring") boolean isRecurring,
    @Schema(format = "uuid", nullable = true) String seriesId,
    @Schema(format = "date-time") String createdAt,
    @Schema(format = "date-time") String updatedAt,
    long version,
    @Schema(description = "The recurrence in words, e.g. \"every Monday\".", nullable = true)
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
