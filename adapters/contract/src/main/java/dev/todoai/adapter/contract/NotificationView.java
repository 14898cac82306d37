package dev.todoai.adapter.contract;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.todoai.domain.notification.Notification;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A notification, in responses and in live {@code notification} events. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@Schema(name = "Notification", description = "A reminder that fired, or one that was missed.")
public record NotificationView(
    @Schema(requiredMode = REQUIRED) long id,
    @Schema(
            requiredMode = REQUIRED,
            allowableValues = {"reminder", "missed_reminder"})
        String kind,
    @Schema(requiredMode = REQUIRED) String title,
    @Schema(requiredMode = REQUIRED) String body,
    @Schema(requiredMode = REQUIRED) long reminderId,
    @Schema(requiredMode = REQUIRED) long taskId,
    @Schema(requiredMode = REQUIRED, format = "date-time") String createdAt,
    @Schema(
            requiredMode = REQUIRED,
            types = {"string", "null"},
            format = "date-time",
            description = "When it was read; null while unread.")
        String readAt) {

  public static NotificationView of(Notification notification) {
    return new NotificationView(
        notification.id(),
        ApiNames.of(notification.kind()),
        notification.title(),
        notification.body(),
        notification.reminderId(),
        notification.taskId(),
        ApiTime.format(notification.createdAt()),
        ApiTime.format(notification.readAt()));
  }
}
