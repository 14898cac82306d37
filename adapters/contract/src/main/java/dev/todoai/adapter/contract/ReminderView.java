package dev.todoai.adapter.contract;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.todoai.domain.reminder.Reminder;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A reminder as the API shows it. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@Schema(name = "Reminder", description = "A reminder of a task.")
public record ReminderView(
    @Schema(requiredMode = REQUIRED) long id,
    @Schema(requiredMode = REQUIRED) long taskId,
    @Schema(
            requiredMode = REQUIRED,
            types = {"string", "null"},
            format = "date-time")
        String remindAt,
    @Schema(
            requiredMode = REQUIRED,
            types = {"string", "null"},
            description = "e.g. PT15M")
        String beforeDue,
    @Schema(
            requiredMode = REQUIRED,
            types = {"string", "null"},
            description = "HH:MM")
        String timeOfDay,
    @Schema(
            requiredMode = REQUIRED,
            allowableValues = {"scheduled", "sent", "cancelled", "missed"})
        String status,
    @Schema(
            requiredMode = REQUIRED,
            types = {"string", "null"},
            format = "date-time")
        String sentAt,
    @Schema(requiredMode = REQUIRED, format = "date-time") String createdAt) {

  public static ReminderView of(Reminder reminder) {
    return new ReminderView(
        reminder.id().value(),
        reminder.taskId().value(),
        ApiTime.format(reminder.remindAt()),
        ApiTime.format(reminder.beforeDue()),
        ApiTime.format(reminder.timeOfDay()),
        ApiNames.of(reminder.status()),
        ApiTime.format(reminder.sentAt()),
        ApiTime.format(reminder.createdAt()));
  }
}
