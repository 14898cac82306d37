package dev.todoai.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.todoai.adapter.contract.FieldErrors;
import dev.todoai.adapter.contract.InvalidInputException;
import dev.todoai.adapter.contract.NotificationView;
import dev.todoai.application.port.in.ListNotificationsQuery;
import dev.todoai.application.port.in.ReadNotificationsUseCase;
import dev.todoai.domain.shared.UserId;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The notifications of one user (fired and missed reminders), newest first, and reading them. */
@Controller("/api/{userId}/notifications")
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = ApiDocsController.BEARER)
@ExecuteOn(RequestExecutorFactory.NAME)
@Requires(property = "todo.rest.enabled", notEquals = "false")
@ProblemResponses.BadRequest
@ProblemResponses.Unauthorized
@ProblemResponses.Forbidden
final class NotificationController {
  /** The answer of {@code POST .../notifications/read-all}. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @Schema(name = "MarkedRead", description = "How many notifications were marked read.")
  record MarkedRead(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) int markedRead) {}

  static final String UNREAD = "unread";
  private static final Set<String> KNOWN = Set.of(UNREAD, "limit", TaskListParameters.ACCESS_TOKEN);
  private static final Pattern ID = Pattern.compile("[0-9]{1,18}");

  private final ListNotificationsQuery listNotifications;
  private final ReadNotificationsUseCase readNotifications;

  NotificationController(
      ListNotificationsQuery listNotifications, ReadNotificationsUseCase readNotifications) {
    this.listNotifications = listNotifications;
    this.readNotifications = readNotifications;
  }

  @Get
  @Operation(summary = "The user's notifications, newest first.")
  @Produces(MediaType.APPLICATION_JSON)
  List<NotificationView> list(
      @PathVariable String userId,
      Authentication authentication,
      HttpRequest<?> request,
      @Parameter(
              required = false,
              description = "true: only unread ones.",
              schema = @Schema(implementation = Boolean.class))
          @QueryValue(value = UNREAD, defaultValue = "")
          String unread,
      @Parameter(
              required = false,
              description = "At most this many, 1-200; 50 by default.",
              schema = @Schema(implementation = Integer.class, minimum = "1", maximum = "200"))
          @QueryValue(value = "limit", defaultValue = "")
          String limit) {
    UserId owner = TaskController.owner(userId, authentication);
    Map<String, List<String>> parameters = QueryParameters.of(request);
    FieldErrors errors = new FieldErrors();
    QueryParameters.check(parameters, KNOWN, errors);
    boolean unreadOnly = unread(TaskListParameters.single(parameters, UNREAD), errors);
    int pageSize = TaskListParameters.limit(TaskListParameters.single(parameters, "limit"), errors);
    errors.throwIfAny();
    return listNotifications.list(owner, unreadOnly, pageSize).stream()
        .map(NotificationView::of)
        .toList();
  }

  @Post("/{id}/read")
  @Status(HttpStatus.NO_CONTENT)
  @Operation(summary = "Mark one notification read.")
  @ProblemResponses.NotFound
  HttpResponse<Void> markRead(
      @PathVariable String userId, @PathVariable String id, Authentication authentication) {
    UserId owner = TaskController.owner(userId, authentication);
    readNotifications.markRead(owner, notificationId(id));
    return HttpResponse.noContent();
  }

  @Post("/read-all")
  @Operation(summary = "Mark every notification of the user read.")
  @Produces(MediaType.APPLICATION_JSON)
  MarkedRead markAllRead(@PathVariable String userId, Authentication authentication) {
    UserId owner = TaskController.owner(userId, authentication);
    return new MarkedRead(readNotifications.markAllRead(owner));
  }

  private static boolean unread(String text, FieldErrors errors) {
    if (text == null || text.equals("false")) {
      return false;
    }
    if (text.equals("true")) {
      return true;
    }
    errors.add(UNREAD, "must be true or false");
    return false;
  }

  private static long notificationId(String text) {
    if (text == null || !ID.matcher(text).matches() || Long.parseLong(text) < 1) {
      throw InvalidInputException.of("id", "must be a positive number");
    }
    return Long.parseLong(text);
  }
}
