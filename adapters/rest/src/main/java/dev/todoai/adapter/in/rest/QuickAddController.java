package dev.todoai.adapter.in.rest;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.todoai.adapter.contract.FieldErrors;
import dev.todoai.adapter.contract.JsonInput;
import dev.todoai.adapter.contract.TaskInput;
import dev.todoai.adapter.contract.WrongType;
import dev.todoai.application.port.in.ParseQuickAddQuery;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.ZoneId;

/**
 * {@code POST /api/{user_id}/quick-add/parse {text, time_zone?}}: the {@code add_task} arguments
 * the quick-add box would send for {@code text} (the body of {@code POST .../tasks}); stores
 * nothing.
 */
@Controller("/api/{userId}/quick-add")
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = ApiDocsController.BEARER)
@ExecuteOn(RequestExecutorFactory.NAME)
@Requires(property = "todo.rest.enabled", notEquals = "false")
@ProblemResponses.BadRequest
@ProblemResponses.Unauthorized
@ProblemResponses.Forbidden
@ProblemResponses.UnsupportedMediaType
final class QuickAddController {
  static final String TEXT = "text";

  /** The request: one line of quick-add text and the user's zone. */
  @Serdeable
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @Schema(name = "QuickAddInput", description = "One line of quick-add text.")
  record QuickAddInput(
      @Schema(
              requiredMode = REQUIRED,
              minLength = 1,
              maxLength = ParseQuickAddQuery.MAX_TEXT_LENGTH,
              description = "e.g. \"pay rent every month on the 1st #home p1\".")
          String text,
      @Schema(
              types = {"string", "null"},
              description = "The user's IANA time zone for relative dates; UTC by default.")
          @WrongType("must be a string or null")
          String timeZone) {}

  private final ParseQuickAddQuery parseQuickAdd;

  QuickAddController(ParseQuickAddQuery parseQuickAdd) {
    this.parseQuickAdd = parseQuickAdd;
  }

  @Post("/parse")
  @Operation(
      summary = "Read quick-add text into the body of POST /api/{userId}/tasks; stores nothing.")
  @ApiResponse(
      responseCode = "200",
      description = "The task fields the text names (only those).",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TaskInput.class)))
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  JsonNode parse(
      @PathVariable String userId,
      Authentication authentication,
      @RequestBody(content = @Content(schema = @Schema(implementation = QuickAddInput.class)))
          @Nullable
          @Body
          byte[] body) {
    TaskController.owner(userId, authentication);
    FieldErrors errors = new FieldErrors();
    QuickAddInput input =
        Json.read(body, QuickAddInput.class, JsonInput.UnknownMember.FIELD_LISTING_KNOWN, errors);
    String text = input.text();
    if (!errors.has(TEXT)) {
      if (text == null) {
        errors.add(TEXT, "is required");
      } else if (text.isBlank()) {
        errors.add(TEXT, "must not be blank");
      } else if (text.codePointCount(0, text.length()) > ParseQuickAddQuery.MAX_TEXT_LENGTH) {
        errors.add(TEXT, "must be at most " + ParseQuickAddQuery.MAX_TEXT_LENGTH + " characters");
      }
    }
    ZoneId zone = ChatController.zone(input.timeZone(), errors);
    errors.throwIfAny();
    return ChatViews.value(parseQuickAdd.parse(text, zone));
  }
}
