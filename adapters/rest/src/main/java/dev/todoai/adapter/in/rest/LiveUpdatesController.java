package dev.todoai.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.todoai.adapter.contract.ApiTime;
import dev.todoai.adapter.contract.FieldErrors;
import dev.todoai.adapter.out.live.SseHub;
import dev.todoai.application.port.in.StreamTicketsUseCase;
import dev.todoai.application.port.in.StreamTicketsUseCase.StreamTicket;
import dev.todoai.domain.shared.UserId;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reactivestreams.Publisher;

/**
 * A user's live change notices as Server-Sent Events. Browsers' EventSource authenticates with a
 * stream ticket ({@code POST .../stream/tickets}, then {@code ?ticket=}; see {@link
 * StreamTicketAuthentication}) and resumes with {@code Last-Event-ID}; {@code ?last_event_id=} does
 * the same for a first connection. At most {@code todo.live-updates.max-streams-per-user} (default
 * 20) streams of one user are open on this process: the next one is a 429. The stream runs on the
 * event loop: nothing there blocks.
 */
@Controller("/api/{userId}/stream")
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = ApiDocsController.BEARER)
@Requires(property = "todo.rest.enabled", notEquals = "false")
final class LiveUpdatesController {
  static final String LAST_EVENT_ID = "Last-Event-ID";
  static final String LAST_EVENT_ID_PARAMETER = "last_event_id";
  static final String ACCEL_BUFFERING = "X-Accel-Buffering";
  private static final Set<String> KNOWN =
      Set.of(LAST_EVENT_ID_PARAMETER, StreamTicketAuthentication.TICKET);

  private final SseHub hub;
  private final StreamTicketsUseCase tickets;

  LiveUpdatesController(SseHub hub, StreamTicketsUseCase tickets) {
    this.hub = hub;
    this.tickets = tickets;
  }

  /** The answer of {@code POST .../stream/tickets}, for the OpenAPI document. */
  @Schema(name = "StreamTicket")
  record StreamTicketView(
      @JsonProperty(value = "ticket", required = true) String ticket,
      @JsonProperty(value = "expires_at", required = true) String expiresAt,
      @JsonProperty(value = "stream_url", required = true) String streamUrl) {}

  /** A ticket that opens this user's stream once, within a minute. */
  @Post("/tickets")
  @Operation(
      summary = "A one-time ticket for the user's live-update stream.",
      description =
          "Browsers' EventSource cannot send an Authorization header: open stream_url (the"
              + " stream with ?ticket=) within a minute, once.")
  @ApiResponse(
      responseCode = "201",
      description = "The ticket and the URL that opens the stream with it.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = StreamTicketView.class)))
  @ProblemResponses.BadRequest
  @ProblemResponses.Unauthorized
  @ProblemResponses.Forbidden
  @Produces(MediaType.APPLICATION_JSON)
  @ExecuteOn(RequestExecutorFactory.NAME)
  HttpResponse<byte[]> ticket(@PathVariable String userId, Authentication authentication) {
    UserId owner = TaskController.owner(userId, authentication);
    StreamTicket ticket = tickets.issue(owner);
    ObjectNode json = Json.object();
    json.put("ticket", ticket.value());
    json.put("expires_at", ApiTime.format(ticket.expiresAt()));
    json.put(
        "stream_url",
        "/api/"
            + owner.value()
            + "/stream?"
            + StreamTicketAuthentication.TICKET
            + "="
            + ticket.value());
    return HttpResponse.<byte[]>status(HttpStatus.CREATED)
        .body(Json.write(json))
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  @Get
  @Operation(
      summary = "The user's live changes as Server-Sent Events.",
      description =
          "Events: task-update (data: {schema_version, event_id, event_type, user_id, task_id,"
              + " occurred_at}: a task changed; read it again), notification"
              + " (data: a Notification), resync (data: {\"reason\":\"history-expired\"}: the"
              + " Last-Event-ID is no longer kept, reload). Resume with the Last-Event-ID header"
              + " (or ?last_event_id=). Browsers' EventSource, which cannot send the"
              + " Authorization header, opens it with a one-time ?ticket= from POST"
              + " .../stream/tickets instead.")
  @ApiResponse(
      responseCode = "200",
      description = "An endless text/event-stream; a keep-alive comment every 15 seconds.",
      content =
          @Content(
              mediaType = MediaType.TEXT_EVENT_STREAM,
              schema =
                  @Schema(
                      implementation = String.class,
                      description = "event: <name>\\nid: <id>\\ndata: <JSON>\\n\\n")))
  @ProblemResponses.BadRequest
  @ProblemResponses.Unauthorized
  @ProblemResponses.Forbidden
  @Produces(MediaType.TEXT_EVENT_STREAM)
  HttpResponse<Publisher<Event<String>>> stream(
      @PathVariable String userId,
      Authentication authentication,
      HttpRequest<?> request,
      @Parameter(
              required = false,
              description = "The id of the last event seen: the stream resumes after it.",
              schema = @Schema(type = "string"))
          @Header(value = LAST_EVENT_ID, defaultValue = "")
          String lastEventIdHeader,
      @Parameter(
              required = false,
              description = "Like the Last-Event-ID header, for a first connection.",
              schema = @Schema(type = "string"))
          @QueryValue(value = LAST_EVENT_ID_PARAMETER, defaultValue = "")
          String lastEventIdParameter,
      @Parameter(
              required = false,
              description =
                  "A one-time stream ticket (POST .../stream/tickets), for clients that cannot"
                      + " send headers (EventSource).",
              schema = @Schema(type = "string"))
          @QueryValue(value = StreamTicketAuthentication.TICKET, defaultValue = "")
          String ticket) {
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
    Publisher<Event<String>> events =
        hub.open(owner, lastEventId)
            .orElseThrow(() -> RateLimitedException.tooManyStreams(hub.maxStreams()));
    return HttpResponse.<Publisher<Event<String>>>ok(events).header(ACCEL_BUFFERING, "no");
  }
}
