package dev.todoai.adapter.contract;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** One invalid part of a request: the API name of the field (or header, parameter) and why. */
@Serdeable
@Schema(name = "FieldError", description = "One invalid part of a request.")
public record FieldError(
    @Schema(
            description =
                "The field (e.g. title, reminders[0].before_due), header or query parameter.")
        String field,
    @Schema(description = "Why it is invalid.") String message) {}
