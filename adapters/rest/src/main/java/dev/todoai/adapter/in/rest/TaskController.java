package dev.todoai.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.todoai.adapter.contract.FieldErrors;
import dev.todoai.adapter.contract.InvalidInputException;
import dev.todoai.adapter.contract.JsonInput;
import dev.todoai.adapter.contract.TaskInput;
import dev.todoai.adapter.contract.TaskInputs.Draft;
import dev.todoai.adapter.contract.TaskInputs.Query;
import dev.todoai.adapter.contract.TaskView;
import dev.todoai.adapter.in.rest.TaskRequestParser.Mode;
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
import dev.todoai.application.port.in.PatchTaskUseCase;
import dev.todoai.application.port.in.PatchTaskUseCase.PatchTaskCommand;
import dev.todoai.application.port.in.TaskPatch;
import dev.todoai.application.port.in.UpdateTaskUseCase;
import dev.todoai.application.port.in.UpdateTaskUseCase.UpdateTaskCommand;
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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import java.util.ArrayList;
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

  private final AddTaskUseCase addTask;
  private final GetTaskQuery getTask;
  private final ListTasksQuery listTasks;
  private final UpdateTaskUseCase updateTask;
  private final PatchTaskUseCase patchTask;
  private final CompleteTaskUseCase completeTask;
  private final DeleteTaskUseCase deleteTask;
  private final DescribeRecurrenceQuery describeRecurrence;

  TaskController(
      AddTaskUseCase addTask,
      GetTaskQuery getTask,
      ListTasksQuery listTasks,
      UpdateTaskUseCase updateTask,
      PatchTaskUseCase patchTask,
      CompleteTaskUseCase completeTask,
      DeleteTaskUseCase deleteTask,
      DescribeRecurrenceQuery describeRecurrence) {
    this.addTask = addTask;
    this.getTask = getTask;
    this.listTasks = listTasks;
    this.updateTask = updateTask;
    this.patchTask = patchTask;
    this.completeTask = completeTask;
    this.deleteTask = deleteTask;
    this.describeRecurrence = describeRecurrence;
  }

  @Post
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  HttpResponse<TaskView> create(
      @PathVariable String userId,
      Authentication authentication,
      HttpRequest<?> request,
      @RequestBody(content = @Content(schema = @Schema(implementation = TaskInput.class)))
          @Nullable
          @Body
          byte[] body) {
    UserId owner = owner(userId, authentication);
    String key =
        Preconditions.idempotencyKey(request.getHeaders().getAll(Preconditions.IDEMPOTENCY_KEY));
    JsonNode json = JsonInput.parse(body);
    Draft input = TaskRequestParser.parse(json, Mode.CREATE);
    String requestHash = key == null ? null : JsonInput.canonicalSha256(json);
    AddTaskResult result =
        addTask.add(
            new AddTaskCommand(owner, input.details(), key, requestHash, input.reminders()));
    Task task = result.task();
    MutableHttpResponse<TaskView> response =
        taskResponse(HttpStatus.CREATED, task)
            .header(HttpHeaders.LOCATION, "/api/" + owner.value() + "/tasks/" + task.id());
    if (result.replayed()) {
      response.header(IDEMPOTENT_REPLAYED, "true");
    }
    return response;
  }

  @Get
  @Produces(MediaType.APPLICATION_JSON)
  HttpResponse<List<TaskView>> list(
      @PathVariable String userId, Authentication authentication, HttpRequest<?> request) {
    UserId owner = owner(userId, authentication);
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (String name : request.getParameters().names()) {
      parameters.put(name, request.getParameters().getAll(name));
    }
    Query query = TaskListParameters.parse(parameters);
    TaskPage page = listTasks.list(owner, query.filter(), query.sort(), query.page());
    List<TaskView> tasks = new ArrayList<>(page.items().size());
    page.items().forEach(task -> tasks.add(view(task)));
    MutableHttpResponse<List<TaskView>> response = HttpResponse.ok(tasks);
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
  HttpResponse<TaskView> get(
      @PathVariable String userId, @PathVariable String id, Authentication authentication) {
    UserId owner = owner(userId, authentication);
    TaskId taskId = TaskRequestParser.taskId(id);
    return taskResponse(HttpStatus.OK, getTask.get(owner, taskId));
  }

  @Put("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  HttpResponse<TaskView> replace(
      @PathVariable String userId,
      @PathVariable String id,
      Authentication authentication,
      HttpRequest<?> request,
      @RequestBody(content = @Content(schema = @Schema(implementation = TaskInput.class)))
          @Nullable
          @Body
          byte[] body) {
    UserId owner = owner(userId, authentication);
    FieldErrors errors = new FieldErrors();
    TaskId taskId = TaskRequestParser.taskId(id, errors);
    Long expectedVersion = expectedVersion(request);
    JsonNode json = parseForErrors(body, errors);
    Draft input =
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
  HttpResponse<TaskView> patch(
      @PathVariable String userId,
      @PathVariable String id,
      Authentication authentication,
      HttpRequest<?> request,
      @RequestBody(content = @Content(schema = @Schema(implementation = TaskInput.class)))
          @Nullable
          @Body
          byte[] body) {
    UserId owner = owner(userId, authentication);
    TaskId taskId = TaskRequestParser.taskId(id);
    Long ifMatch = expectedVersion(request);
    TaskPatch patch = TaskRequestParser.patch(JsonInput.parse(body));
    Task task = patchTask.patch(new PatchTaskCommand(owner, taskId, patch, ifMatch));
    return taskResponse(HttpStatus.OK, task);
  }

  @Patch("/{id}/complete")
  @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH_JSON})
  @Produces(MediaType.APPLICATION_JSON)
  HttpResponse<TaskView> complete(
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
      return JsonInput.parse(body);
    } catch (InvalidInputException malformed) {
      malformed.errors().forEach(e -> errors.add(e.field(), e.message()));
      return MissingNode.getInstance();
    }
  }

  private TaskView view(Task task) {
    return TaskView.of(task, describeRecurrence.describe(task));
  }

  private MutableHttpResponse<TaskView> taskResponse(HttpStatus status, Task task) {
    return HttpResponse.<TaskView>status(status)
        .body(view(task))
        .contentType(MediaType.APPLICATION_JSON_TYPE)
        .header(HttpHeaders.ETAG, TaskView.etag(task));
  }
}
