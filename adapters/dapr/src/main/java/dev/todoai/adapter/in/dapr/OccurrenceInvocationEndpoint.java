package dev.todoai.adapter.in.dapr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todoai.application.port.in.CreateNextOccurrenceUseCase;
import dev.todoai.application.port.in.OccurrenceRefusedException;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskId;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backend's internal method behind the recurring role, reached through Dapr service invocation
 * only ({@code internal/occurrences}): the app token filter turns away everybody but this app's
 * sidecar, and the sidecar's access-control policy lets only {@code recurring-service} call it. The
 * body names the predecessor ({@code user_id}, {@code predecessor_id}); any other field is ignored
 * — whether a successor is due, and when, is decided by the use case from the stored task. Creates
 * the next occurrence once per predecessor (a repeat answers with the one created before); a
 * predecessor that is not a completed recurring task of that user is refused with a 422.
 */
@Controller("/internal/occurrences")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = "todo.transport", value = "dapr")
@Requires(property = "todo.rest.enabled", notEquals = "false")
final class OccurrenceInvocationEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(OccurrenceInvocationEndpoint.class);

  private final CreateNextOccurrenceUseCase createNext;

  OccurrenceInvocationEndpoint(CreateNextOccurrenceUseCase createNext) {
    this.createNext = createNext;
  }

  /** Who asks for which predecessor's successor. */
  record Predecessor(UserId owner, TaskId task) {}

  @Post
  @Consumes({MediaType.APPLICATION_JSON, MediaType.ALL})
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<String> create(@Nullable @Body byte[] body) {
    Predecessor predecessor;
    try {
      predecessor = parse(body);
    } catch (IOException | RuntimeException e) {
      return problem(HttpStatus.BAD_REQUEST, "/problems/invalid-request", "Bad Request", e);
    }
    Optional<Task> created;
    try {
      created = createNext.createNext(predecessor.owner(), predecessor.task());
    } catch (OccurrenceRefusedException refused) {
      LOG.info("Refused a next occurrence: {}", refused.getMessage());
      return problem(
          HttpStatus.UNPROCESSABLE_ENTITY, "/problems/occurrence-refused", "Refused", refused);
    }
    String json =
        created
            .map(t -> "{\"created\":true,\"task_id\":" + t.id().value() + "}")
            .orElse("{\"created\":false}");
    return HttpResponse.ok(json).contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  private static HttpResponse<String> problem(
      HttpStatus status, String type, String title, Exception cause) {
    return HttpResponse.<String>status(status)
        .contentType(AppTokenFilter.PROBLEM_JSON)
        .body(
            "{\"type\":\""
                + type
                + "\",\"title\":\""
                + title
                + "\",\"status\":"
                + status.getCode()
                + ",\"detail\":"
                + Json.quote(String.valueOf(cause.getMessage()))
                + "}");
  }

  static Predecessor parse(@Nullable byte[] body) throws IOException {
    JsonNode n = Json.MAPPER.readTree(body == null ? new byte[0] : body);
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("expected a JSON object");
    }
    JsonNode user = n.get("user_id");
    JsonNode task = n.get("predecessor_id");
    if (user == null || !user.isTextual()) {
      throw new IllegalArgumentException("user_id must be a string");
    }
    if (task == null || !task.canConvertToLong() || !task.isIntegralNumber()) {
      throw new IllegalArgumentException("predecessor_id must be a whole number");
    }
    return new Predecessor(new UserId(user.textValue()), new TaskId(task.longValue()));
  }
}
