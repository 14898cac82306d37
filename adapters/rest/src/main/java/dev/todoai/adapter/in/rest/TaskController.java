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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The task resources of one user: translates HTTP to use-case calls and back. */
@Controller("/api/{userId}/tasks")
@ProblemResponses.BadRequest
@ProblemResponses.Unauthorized
@ProblemResponses.Forbidden
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = ApiDocsController.BEARER)
@ExecuteOn(RequestExecutorFactory.NAME)
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
  @Status(HttpStatus.CREATED)
  @Operation(summary = "Create a task (with its reminders).")
  @ApiResponse(
      responseCode = "201",
      description = "The new task (or, for a repeated Idempotency-Key, the first one).",
      headers = {
        @Header(
            name = HttpHeaders.ETAG,
            description = "The task's version, quoted: send it as If-Match."),
        @Header(name = HttpHeaders.LOCATION, description = "The new task."),
        @Header(
            name = IDEMPOTENT_REPLAYED,
            description = "true when this answers an earlier request with the same key.")
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TaskView.class)))
  @ProblemResponses.UnsupportedMediaType
  @ProblemResponses.IdempotencyKeyReused
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  HttpResponse<TaskView> create(
      @PathVariable String userId,
      Authentication authentication,
      HttpRequest<?> request,
      @RequestBody(content = @Content(schema = @Schema(implementation = TaskInput.class)))
          @Nullable
          @Body
          byte[] body,
      @Parameter(
              required = false,
              description =
                  "1-255 visible ASCII characters: a repeated request with the same key and body"
                      + " answers with the first result (and Idempotent-Replayed: true) instead of"
                      + " acting twice.",
              schema = @Schema(type = "string", minLength = 1, maxLength = 255))
          @io.micronaut.http.annotation.Header(
              value = Preconditions.IDEMPOTENCY_KEY,
              defaultValue = "")
          String idempotencyKey) {
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
  @Operation(summary = "List the user's tasks: filtered, sorted, in keyset pages.")
  @ApiResponse(
      responseCode = "200",
      description = "One page of tasks.",
      headers = {
        @Header(
            name = HttpHeaders.LINK,
            description = "<...>; rel=\"next\": the next page, when there is one."),
        @Header(name = NEXT_CURSOR, description = "The cursor of the next page, when there is one.")
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              array = @ArraySchema(schema = @Schema(implementation = TaskView.class))))
  @Produces(MediaType.APPLICATION_JSON)
  HttpResponse<List<TaskView>> list(
      @PathVariable String userId,
      Authentication authentication,
      HttpRequest<?> request,
      @Parameter(
              required = false,
              description = "Which tasks by completion; all by default.",
              schema =
                  @Schema(
                      type = "string",
                      allowableValues = {"all", "pending", "completed"}))
          @QueryValue(value = "status", defaultValue = "")
          String status,
      @Parameter(
              required = false,
              description =
                  "Only these priorities (none, low, medium, high, urgent), comma-separated or repeated.",
              schema = @Schema(type = "string"))
          @QueryValue(value = "priority", defaultValue = "")
          String priority,
      @Parameter(
              required = false,
              description = "Only tasks with these tags, comma-separated or repeated.",
              schema = @Schema(type = "string"))
          @QueryValue(value = "tags", defaultValue = "")
          String tags,
      @Parameter(
              required = false,
              description = "Whether a task needs all of the tags (default) or any.",
              schema =
                  @Schema(
                      type = "string",
                      allowableValues = {"all", "any"}))
          @QueryValue(value = "tag_mode", defaultValue = "")
          String tagMode,
      @Parameter(
              required = false,
              description =
                  "Due on or after: a date YYYY-MM-DD or an ISO-8601 instant with offset.",
              schema = @Schema(type = "string"))
          @QueryValue(value = "due_after", defaultValue = "")
          String dueAfter,
      @Parameter(
              required = false,
              description =
                  "Due on or before: a date YYYY-MM-DD or an ISO-8601 instant with offset.",
              schema = @Schema(type = "string"))
          @QueryValue(value = "due_before", defaultValue = "")
          String dueBefore,
      @Parameter(
              required = false,
              description = "true: only open tasks past their due; false: only the others.",
              schema = @Schema(implementation = Boolean.class))
          @QueryValue(value = "overdue", defaultValue = "")
          String overdue,
      @Parameter(
              required = false,
              description = "true: only tasks with a due; false: only tasks without.",
              schema = @Schema(implementation = Boolean.class))
          @QueryValue(value = "has_due", defaultValue = "")
          String hasDue,
      @Parameter(
              required = false,
              description = "Text to find in title or description (at most 200 characters).",
              schema = @Schema(type = "string", maxLength = 200))
          @QueryValue(value = "search", defaultValue = "")
          String search,
      @Parameter(
              required = false,
              description = "Sort key; created_at by default.",
              schema =
                  @Schema(
                      type = "string",
                      allowableValues = {"created_at", "updated_at", "due", "priority", "title"}))
          @QueryValue(value = "sort_by", defaultValue = "")
          String sortBy,
      @Parameter(
              required = false,
              description = "asc or desc; the sort key's natural order by default.",
              schema =
                  @Schema(
                      type = "string",
                      allowableValues = {"asc", "desc"}))
          @QueryValue(value = "sort_order", defaultValue = "")
          String sortOrder,
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
          @QueryValue(value = "cursor", defaultValue = "")
          String cursor) {
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
  @Operation(summary = "One task.")
  @ApiResponse(
      responseCode = "200",
      description = "The task.",
      headers = {
        @Header(
            name = HttpHeaders.ETAG,
            description = "The task's version, quoted: send it as If-Match.")
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TaskView.class)))
  @ProblemResponses.NotFound
  @Produces(MediaType.APPLICATION_JSON)
  HttpResponse<TaskView> get(
      @PathVariable String userId, @PathVariable String id, Authentication authentication) {
    UserId owner = owner(userId, authentication);
    TaskId taskId = TaskRequestParser.taskId(id);
    return taskResponse(HttpStatus.OK, getTask.get(owner, taskId));
  }

  @Put("/{id}")
  @Operation(
      summary = "Replace the editable fields of a task; absent optional fields take defaults.",
      description = "reminders, when given, replace the pending reminders.")
  @ApiResponse(
      responseCode = "200",
      description = "The changed task.",
      headers = {
        @Header(
            name = HttpHeaders.ETAG,
            description = "The task's version, quoted: send it as If-Match.")
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TaskView.class)))
  @ProblemResponses.NotFound
  @ProblemResponses.PreconditionFailed
  @ProblemResponses.UnsupportedMediaType
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
          byte[] body,
      @Parameter(
              required = false,
              description =
                  "Only if the task still has this version: its ETag (\"3\"), W/\"3\" or 3; * for"
                      + " any. Otherwise 412.")
          @io.micronaut.http.annotation.Header(value = Preconditions.IF_MATCH, defaultValue = "")
          String ifMatch) {
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
  @Operation(
      summary = "Change some fields of a task (a JSON merge patch: null clears a field).",
      description =
          "Setting due_at clears due_date and vice versa unless both are given; reminders, when"
              + " given, replace the pending reminders.")
  @ApiResponse(
      responseCode = "200",
      description = "The changed task.",
      headers = {
        @Header(
            name = HttpHeaders.ETAG,
            description = "The task's version, quoted: send it as If-Match.")
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TaskView.class)))
  @ProblemResponses.NotFound
  @ProblemResponses.PreconditionFailed
  @ProblemResponses.UnsupportedMediaType
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
          byte[] body,
      @Parameter(
              required = false,
              description =
                  "Only if the task still has this version: its ETag (\"3\"), W/\"3\" or 3; * for"
                      + " any. Otherwise 412.")
          @io.micronaut.http.annotation.Header(value = Preconditions.IF_MATCH, defaultValue = "")
          String ifMatch) {
    UserId owner = owner(userId, authentication);
    TaskId taskId = TaskRequestParser.taskId(id);
    Long expectedVersion = expectedVersion(request);
    TaskPatch patch = TaskRequestParser.patch(JsonInput.parse(body));
    Task task = patchTask.patch(new PatchTaskCommand(owner, taskId, patch, expectedVersion));
    return taskResponse(HttpStatus.OK, task);
  }

  @Patch("/{id}/complete")
  @Operation(
      summary = "Complete a task, or open it again; without a body, toggle.",
      description = "Completing a recurring task creates its next occurrence.")
  @ApiResponse(
      responseCode = "200",
      description = "The changed task.",
      headers = {
        @Header(
            name = HttpHeaders.ETAG,
            description = "The task's version, quoted: send it as If-Match.")
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TaskView.class)))
  @ProblemResponses.NotFound
  @ProblemResponses.PreconditionFailed
  @ProblemResponses.UnsupportedMediaType
  @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH_JSON})
  @Produces(MediaType.APPLICATION_JSON)
  HttpResponse<TaskView> complete(
      @PathVariable String userId,
      @PathVariable String id,
      Authentication authentication,
      HttpRequest<?> request,
      @RequestBody(
              required = false,
              content = @Content(schema = @Schema(implementation = CompletionInput.class)))
          @Nullable
          @Body
          byte[] body,
      @Parameter(
              required = false,
              description =
                  "Only if the task still has this version: its ETag (\"3\"), W/\"3\" or 3; * for"
                      + " any. Otherwise 412.")
          @io.micronaut.http.annotation.Header(value = Preconditions.IF_MATCH, defaultValue = "")
          String ifMatch) {
    UserId owner = owner(userId, authentication);
    FieldErrors errors = new FieldErrors();
    TaskId taskId = TaskRequestParser.taskId(id, errors);
    Long expectedVersion = expectedVersion(request);
    Boolean completed = completion(parseForErrors(body, errors), errors);
    errors.throwIfAny();
    Task task =
        completeTask.complete(new CompleteTaskCommand(owner, taskId, completed, expectedVersion));
    return taskResponse(HttpStatus.OK, task);
  }

  @Delete("/{id}")
  @Status(HttpStatus.NO_CONTENT)
  @Operation(summary = "Delete a task and its reminders.")
  @ProblemResponses.NotFound
  @ProblemResponses.PreconditionFailed
  HttpResponse<Void> delete(
      @PathVariable String userId,
      @PathVariable String id,
      Authentication authentication,
      HttpRequest<?> request,
      @Parameter(
              required = false,
              description =
                  "Only if the task still has this version: its ETag (\"3\"), W/\"3\" or 3; * for"
                      + " any. Otherwise 412.")
          @io.micronaut.http.annotation.Header(value = Preconditions.IF_MATCH, defaultValue = "")
          String ifMatch) {
    UserId owner = owner(userId, authentication);
    TaskId taskId = TaskRequestParser.taskId(id);
    deleteTask.delete(new DeleteTaskCommand(owner, taskId, expectedVersion(request)));
    return HttpResponse.noContent();
  }

  /** The optional body of {@code PATCH .../complete}: {@code {"completed": true|false}}. */
  @Serdeable
  @Schema(name = "CompletionInput", description = "Whether the task is to be completed.")
  record CompletionInput(
      @Schema(
              types = {"boolean", "null"},
              description = "true completes, false opens again; absent or null toggles.")
          Boolean completed) {}

  /** The wanted completion; null (toggle) when there is no body or it does not say. */
  static Boolean completion(JsonNode body, FieldErrors errors) {
    if (body == null || body.isMissingNode()) {
      return null;
    }
    if (!body.isObject()) {
      errors.add(Json.BODY, "must be a JSON object like {\"completed\": true}, or empty");
      return null;
    }
    return JsonInput.read(
            body,
            CompletionInput.class,
            "",
            (name, known) -> "is not a known field; only completed may be sent",
            errors)
        .completed();
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
