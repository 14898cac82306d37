package dev.todoai.adapter.in.dapr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todoai.application.event.NextOccurrenceRequest;
import dev.todoai.application.port.in.CreateNextOccurrenceUseCase;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Due;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The backend's internal method behind the recurring role, reached through Dapr service invocation
 * only ({@code internal/occurrences}; the app token filter turns everybody else away). Creates the
 * next occurrence once per predecessor; a repeat answers with the occurrence created before.
 */
@Controller("/internal/occurrences")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = "todo.transport", value = "dapr")
@Requires(property = "todo.rest.enabled", notEquals = "false")
final class OccurrenceInvocationEndpoint {
  private final CreateNextOccurrenceUseCase createNext;

  OccurrenceInvocationEndpoint(CreateNextOccurrenceUseCase createNext) {
    this.createNext = createNext;
  }

  @Post
  @Consumes({MediaType.APPLICATION_JSON, MediaType.ALL})
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<String> create(@Body byte[] body) {
    NextOccurrenceRequest request;
    try {
      request = parse(body);
    } catch (IOException | RuntimeException e) {
      return HttpResponse.<String>status(HttpStatus.BAD_REQUEST)
          .contentType(AppTokenFilter.PROBLEM_JSON)
          .body(
              "{\"type\":\"/problems/invalid-request\",\"title\":\"Bad Request\",\"status\":400,"
                  + "\"detail\":"
                  + Json.quote(String.valueOf(e.getMessage()))
                  + "}");
    }
    Optional<Task> created = createNext.createNext(request);
    String json =
        created
            .map(t -> "{\"created\":true,\"task_id\":" + t.id().value() + "}")
            .orElse("{\"created\":false}");
    return HttpResponse.ok(json).contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  static NextOccurrenceRequest parse(@Nullable byte[] body) throws IOException {
    JsonNode n = Json.MAPPER.readTree(body == null ? new byte[0] : body);
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("expected a JSON object");
    }
    return new NextOccurrenceRequest(
        new UserId(n.path("user_id").asText(null)),
        new TaskId(n.path("predecessor_id").asLong()),
        due(n, "due"),
        n.path("index").asInt(),
        due(n, "series_start"));
  }

  private static Due due(JsonNode n, String prefix) {
    String at = n.path(prefix + "_at").asText(null);
    String date = n.path(prefix + "_date").asText(null);
    return Due.of(
        at == null ? null : Instant.parse(at), date == null ? null : LocalDate.parse(date));
  }
}
