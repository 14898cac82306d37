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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.List;
import java.util.Map;

/** The audit trail of one user, newest first, in keyset pages. */
@Controller("/api/{userId}/audit")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "todo.rest.enabled", notEquals = "false")
final class AuditController {
  private final ListAuditEntriesQuery listAuditEntries;

  AuditController(ListAuditEntriesQuery listAuditEntries) {
    this.listAuditEntries = listAuditEntries;
  }

  @Get
  @Produces(MediaType.APPLICATION_JSON)
  HttpResponse<byte[]> list(
      @PathVariable String userId, Authentication authentication, HttpRequest<?> request) {
    UserId owner = TaskController.owner(userId, authentication);
    Map<String, List<String>> parameters = QueryParameters.of(request);
    AuditListRequest query = AuditListParameters.parse(parameters);
    AuditPage page = listAuditEntries.list(owner, query.filter(), query.page());
    MutableHttpResponse<byte[]> response =
        HttpResponse.ok(Json.write(AuditJson.of(page.items())))
            .contentType(MediaType.APPLICATION_JSON_TYPE);
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
