package dev.todoai.adapter.in.rest;

import dev.todoai.adapter.contract.InvalidInputException;
import dev.todoai.application.port.in.EmailTakenException;
import dev.todoai.application.port.in.IdempotencyKeyReusedException;
import dev.todoai.application.port.in.InvalidCredentialsException;
import dev.todoai.application.port.in.NotificationNotFoundException;
import dev.todoai.application.port.in.ReminderNotFoundException;
import dev.todoai.application.port.in.TaskNotFoundException;
import dev.todoai.application.port.in.TooManyLoginAttemptsException;
import dev.todoai.application.port.in.TooManySignUpsException;
import dev.todoai.application.port.in.VersionMismatchException;
import dev.todoai.domain.shared.InvalidValueException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ErrorResponseProcessorExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Maps the exceptions of the use cases and of this adapter to HTTP statuses; {@link
 * ProblemErrorResponseProcessor} renders the body.
 */
final class ApiExceptionHandlers {
  private ApiExceptionHandlers() {}

  @Singleton
  static final class RequestValidationHandler
      extends ErrorResponseProcessorExceptionHandler<InvalidInputException> {
    RequestValidationHandler(ErrorResponseProcessor<?> processor) {
      super(processor);
    }

    @Override
    protected MutableHttpResponse<?> createResponse(InvalidInputException exception) {
      return HttpResponse.status(HttpStatus.BAD_REQUEST);
    }
  }

  @Singleton
  static final class InvalidValueHandler
      extends ErrorResponseProcessorExceptionHandler<InvalidValueException> {
    InvalidValueHandler(ErrorResponseProcessor<?> processor) {
      super(processor);
    }

    @Override
    protected MutableHttpResponse<?> createResponse(InvalidValueException exception) {
      return HttpResponse.status(HttpStatus.BAD_REQUEST);
    }
  }

  @Singleton
  static final class ForbiddenUserHandler
      extends ErrorResponseProcessorExceptionHandler<ForbiddenUserException> {
    ForbiddenUserHandler(ErrorResponseProcessor<?> processor) {
      super(processor);
    }

    @Override
    protected MutableHttpResponse<?> createResponse(ForbiddenUserException exception) {
      return HttpResponse.status(HttpStatus.FORBIDDEN);
    }
  }

  @Singleton
  static final class TaskNotFoundHandler
      extends ErrorResponseProcessorExceptionHandler<TaskNotFoundException> {
    TaskNotFoundHandler(ErrorResponseProcessor<?> processor) {
      super(processor);
    }

    @Override
    protected MutableHttpResponse<?> createResponse(TaskNotFoundException exception) {
      return HttpResponse.status(HttpStatus.NOT_FOUND);
    }
  }

  @Singleton
  static final class ReminderNotFoundHandler
      extends ErrorResponseProcessorExceptionHandler<ReminderNotFoundException> {
    ReminderNotFoundHandler(ErrorResponseProcessor<?> processor) {
      super(processor);
    }

    @Override
    protected MutableHttpResponse<?> createResponse(ReminderNotFoundException exception) {
      return HttpResponse.status(HttpStatus.NOT_FOUND);
    }
  }

  @Singleton
  static final class NotificationNotFoundHandler
      extends ErrorResponseProcessorExceptionHandler<NotificationNotFoundException> {
    NotificationNotFoundHandler(ErrorResponseProcessor<?> processor) {
      super(processor);
    }

    @Override
    protected MutableHttpResponse<?> createResponse(NotificationNotFoundException exception) {
      return HttpResponse.status(HttpStatus.NOT_FOUND);
    }
  }

  @Singleton
  static final class VersionMismatchHandler
      extends ErrorResponseProcessorExceptionHandler<VersionMismatchException> {
    VersionMismatchHandler(ErrorResponseProcessor<?> processor) {
      super(processor);
    }

    @Override
    protected MutableHttpResponse<?> createResponse(VersionMismatchException exception) {
      return HttpResponse.status(HttpStatus.PRECONDITION_FAILED)
          .header(HttpHeaders.ETAG, "\"" + exception.currentVersion() + "\"");
    }
  }

  @Singleton
  static final class IdempotencyKeyReusedHandler
      extends ErrorResponseProcessorExceptionHandler<IdempotencyKeyReusedException> {
    IdempotencyKeyReusedHandler(ErrorResponseProcessor<?> processor) {
      super(processor);
    }

    @Override
    protected MutableHttpResponse<?> createResponse(IdempotencyKeyReusedException exception) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY);
    }
  }

  @Singleton
  static final class EmailTakenHandler
      extends ErrorResponseProcessorExceptionHandler<EmailTakenException> {
    EmailTakenHandler(ErrorResponseProcessor<?> processor) {
      super(processor);
    }

    @Override
    protected MutableHttpResponse<?> createResponse(EmailTakenException exception) {
      return HttpResponse.status(HttpStatus.CONFLICT);
    }
  }

  @Singleton
  static final class InvalidCredentialsHandler
      extends ErrorResponseProcessorExceptionHandler<InvalidCredentialsException> {
    InvalidCredentialsHandler(ErrorResponseProcessor<?> processor) {
      super(processor);
    }

    @Override
    protected MutableHttpResponse<?> createResponse(InvalidCredentialsException exception) {
      return HttpResponse.status(HttpStatus.UNAUTHORIZED);
    }
  }

  @Singleton
  static final class TooManyLoginAttemptsHandler
      extends ErrorResponseProcessorExceptionHandler<TooManyLoginAttemptsException> {
    TooManyLoginAttemptsHandler(ErrorResponseProcessor<?> processor) {
      super(processor);
    }

    @Override
    protected MutableHttpResponse<?> createResponse(TooManyLoginAttemptsException exception) {
      long millis = exception.retryAfter() == null ? 0 : exception.retryAfter().toMillis();
      long seconds = Math.max(1, (millis + 999) / 1000);
      return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
          .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }
  }

  @Singleton
  static final class RateLimitedHandler
      extends ErrorResponseProcessorExceptionHandler<RateLimitedException> {
    RateLimitedHandler(ErrorResponseProcessor<?> processor) {
      super(processor);
    }

    @Override
    protected MutableHttpResponse<?> createResponse(RateLimitedException exception) {
      MutableHttpResponse<?> response = HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS);
      if (exception.retryAfter() != null) {
        long seconds = Math.max(1, (exception.retryAfter().toMillis() + 999) / 1000);
        response.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
      }
      return response;
    }
  }

  @Singleton
  static final class TooManySignUpsHandler
      extends ErrorResponseProcessorExceptionHandler<TooManySignUpsException> {
    TooManySignUpsHandler(ErrorResponseProcessor<?> processor) {
      super(processor);
    }

    @Override
    protected MutableHttpResponse<?> createResponse(TooManySignUpsException exception) {
      long millis = exception.retryAfter() == null ? 0 : exception.retryAfter().toMillis();
      long seconds = Math.max(1, (millis + 999) / 1000);
      return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
          .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }
  }
}
