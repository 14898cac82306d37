package dev.todoai.adapter.in.rest;

import dev.todoai.adapter.contract.FieldErrors;
import dev.todoai.adapter.contract.InvalidInputException;
import dev.todoai.application.port.in.ListNotificationsQuery;
import dev.todoai.application.port.in.ReadNotificationsUseCase;
import dev.todoai.domain.shared.UserId;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The notifications of one user (fired and missed reminders), newest first, and reading them. */
@Controller("/api/{userId}/notifications")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "todo.rest.enabled", notEquals = "false")
final class NotificationController {
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
  @Produces(MediaType.APPLICATION_JSON)
  HttpResponse<byte[]> list(
      @PathVariable String userId, Authentication authentication, HttpRequest<?> request) {
    UserId owner = TaskController.owner(userId, authentication);
    Map<String, List<String>> parameters = QueryParameters.of(request);
    FieldErrors errors = new FieldErrors();
    QueryParameters.check(parameters, KNOWN, errors);
    boolean unreadOnly = unread(TaskListParameters.single(parameters, UNREAD), errors);
    int limit = TaskListParameters.limit(TaskListParameters.single(parameters, "limit"), errors);
    errors.throwIfAny();
    return HttpResponse.ok(
            Json.write(NotificationJson.of(listNotifications.list(owner, unreadOnly, limit))))
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  @Post("/{id}/read")
  HttpResponse<Void> markRead(
      @PathVariable String userId, @PathVariable String id, Authentication authentication) {
    UserId owner = TaskController.owner(userId, authentication);
    readNotifications.markRead(owner, notificationId(id));
    return HttpResponse.noContent();
  }

  @Post("/read-all")
  @Produces(MediaType.APPLICATION_JSON)
  HttpResponse<byte[]> markAllRead(@PathVariable String userId, Authentication authentication) {
    UserId owner = TaskController.owner(userId, authentication);
    int marked = readNotifications.markAllRead(owner);
    return HttpResponse.ok(Json.write(Json.object().put("marked_read", marked)))
        .contentType(MediaType.APPLICATION_JSON_TYPE);
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
