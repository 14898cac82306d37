package dev.todoai.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.todoai.adapter.in.rest.TaskListParameters.TaskListRequest;
import dev.todoai.adapter.in.rest.TaskRequestParser.Mode;
import dev.todoai.adapter.in.rest.TaskRequestParser.TaskInput;
import dev.todoai.application.port.in.AddTaskUseCase;
import dev.todoai.application.port.in.AddTaskUseCase.AddTaskCommand;
import dev.todoai.application.port.in.AddTaskUseCase.AddTaskResult;
import dev.todoai.application.port.in.CompleteTaskUseCase;
import dev.todoai.application.port.in.CompleteTaskUseCase.CompleteTaskCommand;
import dev.todoai.application.port.in.DeleteTaskUseCase;
import dev.todoai.application.port.in.DeleteTaskUseCase.DeleteTaskCommand;
import dev.todoai.application.port.in.DescribeRecurrenceQuery;
import dev.todoai.application.port.in.GetTaskQuery;
import dev.todoai.application.port.in.ListTasksQuery;
import dev.todoai.application.port.in.UpdateTaskUseCase;
import dev.todoai.application.port.in.UpdateTaskUseCase.UpdateTaskCommand;
import dev.todoai.application.port.in.VersionMismatchException;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskId;
import dev.todoai.domain.task.TaskPage;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The task resources of one user: translates HTTP to use-case calls and back. */
@Controller("/api/{userId}/tasks")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "todo.rest.enabled", notEquals = "false")
final class TaskController {
  static final String MERGE_PATCH_JSON = "application/merge-patch+json";
  static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";
  static final String NEXT_CURSOR = "X-Next-Cursor";
  private static final int PATCH_ATTEMPTS = 3;

  private final AddTaskUseCase addTask;
  private final GetTaskQuery getTask;
  private final ListTasksQuery listTasks;
  private final UpdateTaskUseCase updateTask;
  private final CompleteTaskUseCase completeTask;
  private final DeleteTaskUseCase deleteTask;
  private final DescribeRecurrenceQuery describeRecurrence;

  TaskController(
      AddTaskUseCase addTask,
      GetTaskQuery getTask,
      ListTasksQuery listTasks,
      UpdateTaskUseCase updateTask,
      CompleteTaskUseCase completeTask,
      DeleteTaskUseCase deleteTask,
      DescribeRecurrenceQuery describeRecurrence) {
    this.addTask = addTask;
    this.getTask = getTask;
    this.listTasks = listTasks;
    this.updateTask = updateTask;
    this.completeTask = completeTask;
    this.deleteTask = deleteTask;
    this.describeRecurrence = describeRecurrence;
  }

  @Post
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  HttpResponse<byte[]> create(
      @PathVariable String userId,
      Authentication authentication,
      HttpRequest<?> request,
      @Nullable @Body byte[] body) {
    UserId owner = owner(userId, authentication);
    String key =
        Preconditions.idempotencyKey(request.getHeaders().getAll(Preconditions.IDEMPOTENCY_KEY));
    JsonNode json = Json.parse(body);
    TaskInput input = TaskRequestParser.parse(json, Mode.CREATE);
    String requestHash = key == null ? null : Json.canonicalSha256(json);
    AddTaskResult result =
        addTask.add(
            new AddTaskCommand(owner, input.details(), key, requestHash, input.reminders()));
    Task task = result.task();
    MutableHttpResponse<byte[]> response =
        taskResponse(HttpStatus.CREATED, task)
            .header(HttpHeaders.LOCATION, "/api/" + owner.value() + "/tasks/" + task.id());
    if (result.replayed()) {
      response.header(IDEMPOTENT_REPLAYED, "true");
    }
    return response;
  }

  @Get
  @Produces(MediaType.APPLICATION_JSON)
  HttpResponse<byte[]> list(
      @PathVariable String userId, Authentication authentication, HttpRequest<?> request) {
    UserId owner = owner(userId, authentication);
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (String name : request.getParameters().names()) {
      parameters.put(name, request.getParameters().getAll(name));
    }
    TaskListRequest query = TaskListParameters.parse(parameters);
    TaskPage page = listTasks.list(owner, query.filter(), query.sort(), query.page());
    MutableHttpResponse<byte[]> response =
        HttpResponse.ok(Json.write(TaskJson.of(page.items(), describeRecurrence::describe)))
            .contentType(MediaType.APPLICATION_JSON_TYPE);
    if (page.hasNext()) {
      response.header(
          HttpHeaders.LINK,
          TaskListParameters.nextLink(
              "/api/" + owner.value() + "/tasks", parameters, page.nextCursor()));
      response.header(NEXT_CURSOR, page.nextCursor());
    }
    return response;
  }

  @Get("/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  HttpResponse<byte[]> get(
      @PathVariable String userId, @PathVariable String id, Authentication authentication) {
    UserId owner = owner(userId, authentication);
    TaskId taskId = TaskRequestParser.taskId(id);
    return taskResponse(HttpStatus.OK, getTask.get(owner, taskId));
  }

  @Put("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  HttpResponse<byte[]> replace(
      @PathVariable String userId,
      @PathVariable String id,
      Authentication authentication,
      HttpRequest<?> request,
      @Nullable @Body byte[] body) {
    UserId owner = owner(userId, authentication);
    FieldErrors errors = new FieldErrors();
    TaskId taskId = TaskRequestParser.taskId(id, errors);
    Long expectedVersion = expectedVersion(request);
    JsonNode json = parseForErrors(body, errors);
    TaskInput input =
        json != null && json.isMissingNode()
            ? null
            : TaskRequestParser.parse(json, Mode.REPLACE, errors);
    errors.throwIfAny();
    Task task =
        updateTask.update(
            new UpdateTaskCommand(
                owner,
                taskId,
                input.details(),
                input.completed(),
                expectedVersion,
                input.reminders()));
    return taskResponse(HttpStatus.OK, task);
  }

  @Patch("/{id}")
  @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH_JSON})
  @Produces(MediaType.APPLICATION_JSON)
  HttpResponse<byte[]> patch(
      @PathVariable String userId,
      @PathVariable String id,
      Authentication authentication,
      HttpRequest<?> request,
      @Nullable @Body byte[] body) {
    UserId owner = owner(userId, authentication);
    TaskId taskId = TaskRequestParser.taskId(id);
    Long ifMatch = expectedVersion(request);
    JsonNode patch = Json.parse(body);
    for (int attempt = 1; ; attempt++) {
      Task current = getTask.get(owner, taskId);
      TaskInput input = TaskRequestParser.patch(current, patch);
      long expectedVersion = ifMatch != null ? ifMatch : current.version();
      try {
        Task task =
            updateTask.update(
                new UpdateTaskCommand(
                    owner,
                    taskId,
                    input.details(),
                    input.completed(),
                    expectedVersion,
                    input.reminders()));
        return taskResponse(HttpStatus.OK, task);
      } catch (VersionMismatchException concurrentChange) {
        // Without If-Match the patch applies to whatever is current: reload and patch again.
        if (ifMatch != null || attempt == PATCH_ATTEMPTS) {
          throw concurrentChange;
        }
      }
    }
  }

  @Patch("/{id}/complete")
  @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH_JSON})
  @Produces(MediaType.APPLICATION_JSON)
  HttpResponse<byte[]> complete(
      @PathVariable String userId,
      @PathVariable String id,
      Authentication authentication,
      HttpRequest<?> request,
      @Nullable @Body byte[] body) {
    UserId owner = owner(userId, authentication);
    FieldErrors errors = new FieldErrors();
    TaskId taskId = TaskRequestParser.taskId(id, errors);
    Long expectedVersion = expectedVersion(request);
    Boolean completed = CompletionRequest.completed(parseForErrors(body, errors), errors);
    errors.throwIfAny();
    Task task =
        completeTask.complete(new CompleteTaskCommand(owner, taskId, completed, expectedVersion));
    return taskResponse(HttpStatus.OK, task);
  }

  @Delete("/{id}")
  HttpResponse<Void> delete(
      @PathVariable String userId,
      @PathVariable String id,
      Authentication authentication,
      HttpRequest<?> request) {
    UserId owner = owner(userId, authentication);
    TaskId taskId = TaskRequestParser.taskId(id);
    deleteTask.delete(new DeleteTaskCommand(owner, taskId, expectedVersion(request)));
    return HttpResponse.noContent();
  }

  /** The path's user, who must be the token's subject. */
  static UserId owner(String pathUserId, Authentication authentication) {
    if (authentication == null || !pathUserId.equals(authentication.getName())) {
      throw new ForbiddenUserException();
    }
    return new UserId(pathUserId);
  }

  private static Long expectedVersion(HttpRequest<?> request) {
    return Preconditions.expectedVersion(request.getHeaders().getAll(Preconditions.IF_MATCH));
  }

  /**
   * Parses the body (null when there is none); a malformed one is recorded in {@code errors}, so
   * that it is reported with the other errors, and yields a missing node.
   */
  private static JsonNode parseForErrors(byte[] body, FieldErrors errors) {
    try {
      return Json.parse(body);
    } catch (RequestValidationException malformed) {
      malformed.errors().forEach(e -> errors.add(e.field(), e.message()));
      return MissingNode.getInstance();
    }
  }

  private MutableHttpResponse<byte[]> taskResponse(HttpStatus status, Task task) {
    ObjectNode json = TaskJson.of(task, describeRecurrence.describe(task));
    return HttpResponse.<byte[]>status(status)
        .body(Json.write(json))
        .contentType(MediaType.APPLICATION_JSON_TYPE)
        .header(HttpHeaders.ETAG, TaskJson.etag(task));
  }
}
