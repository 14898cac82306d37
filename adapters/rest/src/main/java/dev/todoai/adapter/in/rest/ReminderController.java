package dev.todoai.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todoai.adapter.contract.FieldErrors;
import dev.todoai.adapter.contract.JsonInput;
import dev.todoai.adapter.contract.ReminderInput;
import dev.todoai.adapter.contract.ReminderView;
import dev.todoai.adapter.contract.TaskInputs;
import dev.todoai.adapter.in.rest.ReminderListParameters.ReminderListRequest;
import dev.todoai.application.port.in.DeleteReminderUseCase;
import dev.todoai.application.port.in.ListRemindersQuery;
import dev.todoai.application.port.in.SetReminderUseCase;
import dev.todoai.application.port.in.SetReminderUseCase.SetReminderCommand;
import dev.todoai.domain.reminder.Reminder;
import dev.todoai.domain.reminder.ReminderId;
import dev.todoai.domain.reminder.ReminderSpec;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.TaskId;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
import java.util.regex.Pattern;

/** The reminders of one user's tasks, and all of the user's reminders by status. */
@Controller("/api/{userId}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = ApiDocsController.BEARER)
@ExecuteOn(RequestExecutorFactory.NAME)
@Requires(property = "todo.rest.enabled", notEquals = "false")
@ProblemResponses.BadRequest
@ProblemResponses.Unauthorized
@ProblemResponses.Forbidden
final class ReminderController {
  static final String TASK_ID = "task_id";
  private static final Pattern ID = Pattern.compile("[0-9]{1,18}");

  private final SetReminderUseCase setReminder;
  private final ListRemindersQuery listReminders;
  private final DeleteReminderUseCase deleteReminder;

  ReminderController(
      SetReminderUseCase setReminder,
      ListRemindersQuery listReminders,
      DeleteReminderUseCase deleteReminder) {
    this.setReminder = setReminder;
    this.listReminders = listReminders;
    this.deleteReminder = deleteReminder;
  }

  @Post("/tasks/{taskId}/reminders")
  @Status(HttpStatus.CREATED)
  @Operation(
      summary = "Add a reminder to a task (at most ten per task).",
      description =
          "Either remind_at (an instant in the future) or before_due (a duration before the due;"
              + " for an all-day due, before time_of_day, 09:00 by default).")
  @ApiResponse(
      responseCode = "201",
      description = "The new reminder.",
      headers = @Header(name = HttpHeaders.LOCATION, description = "The new reminder."),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ReminderView.class)))
  @ProblemResponses.NotFound
  @ProblemResponses.UnsupportedMediaType
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  HttpResponse<ReminderView> create(
      @PathVariable String userId,
      @PathVariable String taskId,
      Authentication authentication,
      @RequestBody(content = @Content(schema = @Schema(implementation = ReminderInput.class)))
          @Nullable
          @Body
          byte[] body) {
    UserId owner = TaskController.owner(userId, authentication);
    TaskId task = taskId(taskId);
    ReminderSpec spec = reminder(Json.parse(body));
    Reminder reminder = setReminder.set(new SetReminderCommand(owner, task, spec));
    return HttpResponse.<ReminderView>status(HttpStatus.CREATED)
        .body(ReminderView.of(reminder))
        .contentType(MediaType.APPLICATION_JSON_TYPE)
        .header(
            HttpHeaders.LOCATION,
            "/api/" + owner.value() + "/tasks/" + task + "/reminders/" + reminder.id());
  }

  @Get("/tasks/{taskId}/reminders")
  @Operation(summary = "The reminders of a task, with their status.")
  @ProblemResponses.NotFound
  @Produces(MediaType.APPLICATION_JSON)
  HttpResponse<List<ReminderView>> listForTask(
      @PathVariable String userId, @PathVariable String taskId, Authentication authentication) {
    UserId owner = TaskController.owner(userId, authentication);
    List<Reminder> reminders = listReminders.forTask(owner, taskId(taskId));
    return HttpResponse.ok(views(reminders));
  }

  @Delete("/tasks/{taskId}/reminders/{id}")
  @Status(HttpStatus.NO_CONTENT)
  @Operation(summary = "Delete one reminder of a task.")
  @ProblemResponses.NotFound
  HttpResponse<Void> delete(
      @PathVariable String userId,
      @PathVariable String taskId,
      @PathVariable String id,
      Authentication authentication) {
    UserId owner = TaskController.owner(userId, authentication);
    FieldErrors errors = new FieldErrors();
    TaskId task = TaskRequestParser.taskId(taskId, TASK_ID, errors);
    ReminderId reminder = reminderId(id, errors);
    errors.throwIfAny();
    deleteReminder.delete(owner, task, reminder);
    return HttpResponse.noContent();
  }

  @Get("/reminders")
  @Operation(summary = "The user's reminders, soonest first.")
  @Produces(MediaType.APPLICATION_JSON)
  HttpResponse<List<ReminderView>> listByStatus(
      @PathVariable String userId,
      Authentication authentication,
      HttpRequest<?> request,
      @Parameter(
              required = false,
              description = "Only reminders in this state; all by default.",
              schema =
                  @Schema(
                      type = "string",
                      allowableValues = {"scheduled", "sent", "cancelled", "missed"}))
          @QueryValue(value = "status", defaultValue = "")
          String status,
      @Parameter(
              required = false,
              description = "At most this many, 1-200; 50 by default.",
              schema = @Schema(implementation = Integer.class, minimum = "1", maximum = "200"))
          @QueryValue(value = "limit", defaultValue = "")
          String limit) {
    UserId owner = TaskController.owner(userId, authentication);
    ReminderListRequest query = ReminderListParameters.parse(QueryParameters.of(request));
    return HttpResponse.ok(views(listReminders.byStatus(owner, query.status(), query.limit())));
  }

  private static TaskId taskId(String text) {
    FieldErrors errors = new FieldErrors();
    TaskId task = TaskRequestParser.taskId(text, TASK_ID, errors);
    errors.throwIfAny();
    return task;
  }

  /** The body of {@code POST .../reminders}: one reminder object. */
  static ReminderSpec reminder(JsonNode body) {
    FieldErrors errors = new FieldErrors();
    if (body == null) {
      errors.add(Json.BODY, "a JSON object is required");
    } else if (!body.isObject()) {
      errors.add(Json.BODY, "must be a JSON object");
    }
    errors.throwIfAny();
    ReminderInput input =
        JsonInput.read(
            body, ReminderInput.class, "", JsonInput.UnknownMember.FIELD_LISTING_KNOWN, errors);
    errors.throwIfAny();
    ReminderSpec spec = TaskInputs.reminder(input, "", Json.BODY, errors);
    errors.throwIfAny();
    return spec;
  }

  /** A reminder id from a path segment: a positive number. */
  private static ReminderId reminderId(String text, FieldErrors errors) {
    if (text == null || !ID.matcher(text).matches() || Long.parseLong(text) < 1) {
      errors.add("id", "must be a positive number");
      return null;
    }
    return new ReminderId(Long.parseLong(text));
  }

  private static List<ReminderView> views(List<Reminder> reminders) {
    return reminders.stream().map(ReminderView::of).toList();
  }
}
