package dev.todoai.adapter.in.rest;

import dev.todoai.adapter.in.rest.AuditListParameters.AuditListRequest;
import dev.todoai.application.port.in.ListAuditEntriesQuery;
import dev.todoai.domain.audit.AuditPage;
import dev.todoai.domain.shared.UserId;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
import java.util.Map;

/** The audit trail of one user, newest first, in keyset pages. */
@Controller("/api/{userId}/audit")
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = ApiDocsController.BEARER)
@ExecuteOn(RequestExecutorFactory.NAME)
@Requires(property = "todo.rest.enabled", notEquals = "false")
@ProblemResponses.BadRequest
@ProblemResponses.Unauthorized
@ProblemResponses.Forbidden
final class AuditController {
  private final ListAuditEntriesQuery listAuditEntries;

  AuditController(ListAuditEntriesQuery listAuditEntries) {
    this.listAuditEntries = listAuditEntries;
  }

  @Get
  @Operation(summary = "The user's recorded task changes, newest first, in pages.")
  @ApiResponse(
      responseCode = "200",
      description = "One page of entries.",
      headers = {
        @Header(
            name = HttpHeaders.LINK,
            description = "<...>; rel=\"next\": the next page, when there is one."),
        @Header(
            name = TaskController.NEXT_CURSOR,
            description = "The cursor of the next page, when there is one.")
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              array = @ArraySchema(schema = @Schema(implementation = AuditEntryView.class))))
  @Produces(MediaType.APPLICATION_JSON)
  HttpResponse<List<AuditEntryView>> list(
      @PathVariable String userId,
      Authentication authentication,
      HttpRequest<?> request,
      @Parameter(
              required = false,
              description = "Only the changes of this task.",
              schema = @Schema(implementation = Long.class, minimum = "1"))
          @QueryValue(value = "task_id", defaultValue = "")
          String taskId,
      @Parameter(
              required = false,
              description = "Only changes of this kind.",
              schema =
                  @Schema(
                      type = "string",
                      allowableValues = {
                        "created",
                        "updated",
                        "completed",
                        "uncompleted",
                        "deleted"
                      }))
          @QueryValue(value = "event_type", defaultValue = "")
          String eventType,
      @Parameter(
              required = false,
              description = "Page size, 1-200; 50 by default.",
              schema = @Schema(implementation = Integer.class, minimum = "1", maximum = "200"))
          @QueryValue(value = "limit", defaultValue = "")
          String limit,
      @Parameter(
              required = false,
              description = "The X-Next-Cursor of the previous page.",
              schema = @Schema(type = "string"))
          @QueryValue(value = TaskListParameters.CURSOR, defaultValue = "")
          String cursor) {
    UserId owner = TaskController.owner(userId, authentication);
    Map<String, List<String>> parameters = QueryParameters.of(request);
    AuditListRequest query = AuditListParameters.parse(parameters);
    AuditPage page = listAuditEntries.list(owner, query.filter(), query.page());
    MutableHttpResponse<List<AuditEntryView>> response =
        HttpResponse.ok(page.items().stream().map(AuditEntryView::of).toList());
    if (page.nextCursor() != null) {
      response.header(
          HttpHeaders.LINK,
          TaskListParameters.nextLink(
              "/api/" + owner.value() + "/audit", parameters, page.nextCursor()));
      response.header(TaskController.NEXT_CURSOR, page.nextCursor());
    }
    return response;
  }
}
