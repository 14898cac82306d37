package dev.todoai.adapter.in.rest;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Renders every error response of the server as {@code application/problem+json}: Micronaut calls
 * it for unknown routes (404), 405, 406, 415, binding errors, unhandled exceptions (500), and the
 * exception handlers of this adapter and of micronaut-security delegate to it. Replaces Micronaut's
 * default processor (which yields when another {@link ErrorResponseProcessor} bean exists).
 */
@Singleton
final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<byte[]> {

  @Override
  @SuppressWarnings("unchecked")
  public MutableHttpResponse<byte[]> processResponse(
      ErrorContext context, MutableHttpResponse<?> response) {
    MutableHttpResponse<byte[]> problemResponse = (MutableHttpResponse<byte[]>) response;
    if (context.getRequest().getMethod() == HttpMethod.HEAD) {
      return problemResponse;
    }
    Problem problem =
        Problems.describe(
            response.code(),
            context.getRootCause().orElse(null),
            context.getErrors(),
            context.getRequest().getPath());
    return problemResponse.body(Json.write(problem.toJson())).contentType(Problem.MEDIA_TYPE);
  }
}
