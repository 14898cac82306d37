package dev.todoai.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.todoai.adapter.contract.ApiTime;
import dev.todoai.adapter.contract.FieldErrors;
import dev.todoai.adapter.contract.JsonInput;
import dev.todoai.adapter.contract.TaskInputs;
import dev.todoai.application.port.in.PreviewRecurrenceQuery;
import dev.todoai.application.port.in.PreviewRecurrenceQuery.RecurrencePreview;
import dev.todoai.domain.task.Due;
import dev.todoai.domain.task.RecurrenceRule;
import dev.todoai.domain.task.TaskTimeZone;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code POST /api/{user_id}/recurrence/preview {recurrence_rule, due_at | due_date, time_zone,
 * count?}}: the rule's {@code recurrence_text} and its {@code next} dues after the given one (3 by
 * default), as completing the task would create them; stores nothing. The web app's recurrence
 * builder shows it while a rule is edited.
 */
@Controller("/api/{userId}/recurrence")
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = ApiDocsController.BEARER)
@ExecuteOn(RequestExecutorFactory.NAME)
@Requires(property = "todo.rest.enabled", notEquals = "false")
@ProblemResponses.BadRequest
@ProblemResponses.Unauthorized
@ProblemResponses.Forbidden
@ProblemResponses.UnsupportedMediaType
final class RecurrencePreviewController {
  static final String COUNT = "count";
  static final int DEFAULT_COUNT = 3;

  private final PreviewRecurrenceQuery previewRecurrence;

  RecurrencePreviewController(PreviewRecurrenceQuery previewRecurrence) {
    this.previewRecurrence = previewRecurrence;
  }

  /** The request body: read strictly by {@link JsonInput} and described in the OpenAPI document. */
  @Schema(name = "RecurrencePreviewInput")
  record RecurrencePreviewInput(
      @JsonProperty(value = "recurrence_rule", required = true) String recurrenceRule,
      @JsonProperty("due_at") String dueAt,
      @JsonProperty("due_date") String dueDate,
      @JsonProperty("time_zone") String timeZone,
      @JsonProperty("count") Integer count) {}

  /** The answer, for the OpenAPI document. */
  @Schema(name = "RecurrencePreview")
  record RecurrencePreviewView(
      @JsonProperty(value = "recurrence_text", required = true) String recurrenceText,
      @JsonProperty(value = "next", required = true) List<String> next) {}

  @Post("/preview")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @ApiResponse(
      responseCode = "200",
      description = "the summary and the next dues",
      content = @Content(schema = @Schema(implementation = RecurrencePreviewView.class)))
  HttpResponse<byte[]> preview(
      @PathVariable String userId,
      Authentication authentication,
      @RequestBody(
              content = @Content(schema = @Schema(implementation = RecurrencePreviewInput.class)))
          @Nullable
          @Body
          byte[] body) {
    TaskController.owner(userId, authentication);
    FieldErrors errors = new FieldErrors();
    RecurrencePreviewInput input =
        Json.read(
            body,
            RecurrencePreviewInput.class,
            JsonInput.UnknownMember.FIELD_LISTING_KNOWN,
            errors);
    RecurrenceRule rule = null;
    if (input.recurrenceRule() == null && !errors.has(TaskInputs.RULE)) {
      errors.add(TaskInputs.RULE, "is required");
    } else if (input.recurrenceRule() != null) {
      rule = errors.attempt(() -> new RecurrenceRule(input.recurrenceRule()));
    }
    Instant dueAt =
        input.dueAt() == null
            ? null
            : errors.attempt(() -> ApiTime.instant(input.dueAt(), "due_at", ApiTime.DUE_DATE_HINT));
    LocalDate dueDate =
        input.dueDate() == null
            ? null
            : errors.attempt(() -> ApiTime.date(input.dueDate(), "due_date"));
    Due start = null;
    if (!errors.has("due_at") && !errors.has("due_date")) {
      start = errors.attempt(() -> Due.of(dueAt, dueDate));
      if (start != null && !start.isPresent()) {
        errors.add("due_at", "give due_at or due_date: a series starts at its first due");
      }
    }
    TaskTimeZone zone =
        input.timeZone() == null
            ? TaskTimeZone.UTC
            : errors.attempt(() -> TaskTimeZone.of(input.timeZone()));
    int count = input.count() == null ? DEFAULT_COUNT : input.count();
    if (count < 1 || count > PreviewRecurrenceQuery.MAX_COUNT) {
      errors.add(COUNT, "must be a whole number from 1 to " + PreviewRecurrenceQuery.MAX_COUNT);
    }
    errors.throwIfAny();
    RecurrencePreview preview = previewRecurrence.preview(rule, start, zone.zone(), count);
    ObjectNode out = Json.object();
    out.put("recurrence_text", preview.text());
    ArrayNode next = out.putArray("next");
    for (Due due : preview.next()) {
      next.add(due.dueAt() != null ? ApiTime.format(due.dueAt()) : ApiTime.format(due.dueDate()));
    }
    return HttpResponse.ok(Json.write(out)).contentType(MediaType.APPLICATION_JSON_TYPE);
  }
}
