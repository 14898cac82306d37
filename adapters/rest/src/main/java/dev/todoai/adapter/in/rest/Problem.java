package dev.todoai.adapter.in.rest;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.NOT_REQUIRED;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.todoai.adapter.contract.FieldError;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** An RFC 9457 problem detail; {@code type} is a relative URI such as /problems/not-found. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(
    name = "Problem",
    description =
        "An RFC 9457 problem detail (media type application/problem+json). A 400 lists every"
            + " invalid field, header or query parameter in errors.")
record Problem(
    @Schema(
            requiredMode = REQUIRED,
            description = "The kind of problem, e.g. /problems/validation-failed.")
        String type,
    @Schema(requiredMode = REQUIRED, description = "A short summary of the kind of problem.")
        String title,
    @Schema(requiredMode = REQUIRED, description = "The HTTP status code.") int status,
    @Schema(requiredMode = REQUIRED, description = "What went wrong with this request.")
        String detail,
    @Schema(requiredMode = REQUIRED, description = "The request path.") String instance,
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
        @ArraySchema(
            arraySchema =
                @Schema(
                    requiredMode = NOT_REQUIRED,
                    description = "Every invalid part of the request (400 only)."),
            schema = @Schema(implementation = FieldError.class))
        List<FieldError> errors) {
  static final String MEDIA_TYPE = "application/problem+json";

  Problem {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  ObjectNode toJson() {
    return Json.tree(this);
  }
}
