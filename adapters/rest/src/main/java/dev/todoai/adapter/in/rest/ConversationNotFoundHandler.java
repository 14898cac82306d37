package dev.todoai.adapter.in.rest;

import dev.todoai.application.port.in.ConversationNotFoundException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * An unknown conversation, or another user's, is a 404 {@code /problems/not-found} naming the
 * conversation (rendered here: {@link Problems} does not know this exception).
 */
@Singleton
final class ConversationNotFoundHandler
    implements ExceptionHandler<ConversationNotFoundException, HttpResponse<byte[]>> {

  @Override
  @SuppressWarnings("rawtypes")
  public HttpResponse<byte[]> handle(HttpRequest request, ConversationNotFoundException exception) {
    Problem problem =
        new Problem(
            "/problems/not-found",
            "Not found",
            HttpStatus.NOT_FOUND.getCode(),
            exception.getMessage(),
            request.getPath(),
            List.of());
    return HttpResponse.<byte[]>status(HttpStatus.NOT_FOUND)
        .body(Json.write(problem.toJson()))
        .contentType(Problem.MEDIA_TYPE);
  }
}
