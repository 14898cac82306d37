package dev.todoai.adapter.contract;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A reminder as a client asks for it: either remind_at, or before_due (and time_of_day). */
@Serdeable
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@Schema(
    name = "ReminderInput",
    description = "Either before_due (with an optional time_of_day) or remind_at.")
public record ReminderInput(
    @Schema(
            types = {"string", "null"},
            description = "A fixed instant, ISO-8601 with offset, in the future.",
            format = "date-time")
        String remindAt,
    @Schema(
            types = {"string", "null"},
            description = "ISO-8601 duration before the due, e.g. PT15M, PT1H, P1D, P1W.")
        String beforeDue,
    @Schema(
            types = {"string", "null"},
            description =
                "HH:MM: for an all-day due, the time of day the before_due counts back from"
                    + " (09:00 by default).")
        String timeOfDay) {}
