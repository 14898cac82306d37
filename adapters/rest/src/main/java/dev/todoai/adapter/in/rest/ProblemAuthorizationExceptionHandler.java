package dev.todoai.adapter.in.rest;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ErrorResponseProcessorExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Answers rejected requests with a 401 (plus {@code WWW-Authenticate: Bearer}) or 403 problem,
 * never with a redirect (micronaut-security's default redirects browsers that accept HTML).
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
final class ProblemAuthorizationExceptionHandler
    extends ErrorResponseProcessorExceptionHandler<AuthorizationException> {

  ProblemAuthorizationExceptionHandler(ErrorResponseProcessor<?> processor) {
    super(processor);
  }

  @Override
  protected MutableHttpResponse<?> createResponse(AuthorizationException exception) {
    if (exception.isForbidden()) {
      return HttpResponse.status(HttpStatus.FORBIDDEN);
    }
    return HttpResponse.status(HttpStatus.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
  }
}
