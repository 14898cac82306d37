package dev.todoai.adapter.in.rest;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.todoai.adapter.contract.ApiTime;
import dev.todoai.domain.audit.AuditEntry;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** An audit entry; {@code task} is the recorded snapshot of the task as an object. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@Schema(name = "AuditEntry", description = "One recorded change of a task.")
record AuditEntryView(
    @Schema(requiredMode = REQUIRED, format = "uuid") String eventId,
    @Schema(
            requiredMode = REQUIRED,
            allowableValues = {"created", "updated", "completed", "uncompleted", "deleted"})
        String eventType,
    @Schema(requiredMode = REQUIRED) String userId,
    @Schema(requiredMode = REQUIRED) long taskId,
    @Schema(requiredMode = REQUIRED, format = "date-time") String occurredAt,
    @Schema(
            requiredMode = REQUIRED,
            type = "object",
            implementation = Map.class,
            description = "The task as the event recorded it (the fields of a Task at that time).")
        JsonNode task,
    @Schema(requiredMode = REQUIRED, description = "The fields this change touched.")
        List<String> changedFields) {

  static AuditEntryView of(AuditEntry entry) {
    return new AuditEntryView(
        entry.eventId().toString(),
        entry.eventType(),
        entry.userId().value(),
        entry.taskId(),
        ApiTime.format(entry.occurredAt()),
        Json.readStored(entry.snapshot()),
        entry.changedFields());
  }
}
