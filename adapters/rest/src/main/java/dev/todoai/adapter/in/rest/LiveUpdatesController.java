package dev.todoai.adapter.in.rest;

import dev.todoai.adapter.contract.FieldErrors;
import dev.todoai.domain.shared.UserId;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.sse.Event;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reactivestreams.Publisher;

/**
 * A user's live change notices as Server-Sent Events. Browsers' EventSource may authenticate with
 * {@code ?access_token=} ({@link StreamAccessTokenReader}) and resumes with {@code Last-Event-ID};
 * {@code ?last_event_id=} does the same for a first connection. Runs on the event loop: nothing
 * here blocks.
 */
@Controller("/api/{userId}/stream")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Requires(property = "todo.rest.enabled", notEquals = "false")
final class LiveUpdatesController {
  static final String LAST_EVENT_ID = "Last-Event-ID";
  static final String LAST_EVENT_ID_PARAMETER = "last_event_id";
  static final String ACCEL_BUFFERING = "X-Accel-Buffering";
  private static final Set<String> KNOWN =
      Set.of(LAST_EVENT_ID_PARAMETER, TaskListParameters.ACCESS_TOKEN);

  private final SseHub hub;

  LiveUpdatesController(SseHub hub) {
    this.hub = hub;
  }

  @Get
  @Produces(MediaType.TEXT_EVENT_STREAM)
  HttpResponse<Publisher<Event<String>>> stream(
      @PathVariable String userId, Authentication authentication, HttpRequest<?> request) {
    UserId owner = TaskController.owner(userId, authentication);
    Map<String, List<String>> parameters = QueryParameters.of(request);
    FieldErrors errors = new FieldErrors();
    QueryParameters.check(parameters, KNOWN, errors);
    errors.throwIfAny();
    String lastEventId =
        request
            .getHeaders()
            .getFirst(LAST_EVENT_ID)
            .filter(id -> !id.isBlank())
            .orElseGet(() -> TaskListParameters.single(parameters, LAST_EVENT_ID_PARAMETER));
    return HttpResponse.<Publisher<Event<String>>>ok(hub.stream(owner, lastEventId))
        .header(ACCEL_BUFFERING, "no");
  }
}
