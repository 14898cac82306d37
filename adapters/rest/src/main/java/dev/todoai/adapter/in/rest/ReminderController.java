package dev.todoai.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.List;

/** The reminders of one user's tasks, and all of the user's reminders by status. */
@Controller("/api/{userId}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "todo.rest.enabled", notEquals = "false")
final class ReminderController {
  static final String TASK_ID = "task_id";

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
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  HttpResponse<byte[]> create(
      @PathVariable String userId,
      @PathVariable String taskId,
      Authentication authentication,
      @Nullable @Body byte[] body) {
    UserId owner = TaskController.owner(userId, authentication);
    TaskId task = taskId(taskId);
    ReminderSpec spec = ReminderRequestParser.parse(Json.parse(body));
    Reminder reminder = setReminder.set(new SetReminderCommand(owner, task, spec));
    return HttpResponse.<byte[]>status(HttpStatus.CREATED)
        .body(Json.write(ReminderJson.of(reminder)))
        .contentType(MediaType.APPLICATION_JSON_TYPE)
        .header(
            HttpHeaders.LOCATION,
            "/api/" + owner.value() + "/tasks/" + task + "/reminders/" + reminder.id());
  }

  @Get("/tasks/{taskId}/reminders")
  @Produces(MediaType.APPLICATION_JSON)
  HttpResponse<byte[]> listForTask(
      @PathVariable String userId, @PathVariable String taskId, Authentication authentication) {
    UserId owner = TaskController.owner(userId, authentication);
    List<Reminder> reminders = listReminders.forTask(owner, taskId(taskId));
    return json(ReminderJson.of(reminders));
  }

  @Delete("/tasks/{taskId}/reminders/{id}")
  HttpResponse<Void> delete(
      @PathVariable String userId,
      @PathVariable String taskId,
      @PathVariable String id,
      Authentication authentication) {
    UserId owner = TaskController.owner(userId, authentication);
    FieldErrors errors = new FieldErrors();
    TaskId task = TaskRequestParser.taskId(taskId, TASK_ID, errors);
    ReminderId reminder = ReminderRequestParser.reminderId(id, "id", errors);
    errors.throwIfAny();
    deleteReminder.delete(owner, task, reminder);
    return HttpResponse.noContent();
  }

  @Get("/reminders")
  @Produces(MediaType.APPLICATION_JSON)
  HttpResponse<byte[]> listByStatus(
      @PathVariable String userId, Authentication authentication, HttpRequest<?> request) {
    UserId owner = TaskController.owner(userId, authentication);
    ReminderListRequest query = ReminderListParameters.parse(QueryParameters.of(request));
    return json(ReminderJson.of(listReminders.byStatus(owner, query.status(), query.limit())));
  }

  private static TaskId taskId(String text) {
    FieldErrors errors = new FieldErrors();
    TaskId task = TaskRequestParser.taskId(text, TASK_ID, errors);
    errors.throwIfAny();
    return task;
  }

  private static HttpResponse<byte[]> json(JsonNode body) {
    return HttpResponse.ok(Json.write(body)).contentType(MediaType.APPLICATION_JSON_TYPE);
  }
}
