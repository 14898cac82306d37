package dev.todoai.adapter.in.rest;

import dev.todoai.adapter.contract.FieldError;
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
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.security.authentication.AuthorizationException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Decides the problem document for an error response: from the exception when it is one this API
 * knows, otherwise from the HTTP status and the framework's messages. Server errors never reveal
 * their cause.
 */
final class Problems {
  static final String VALIDATION_FAILED = "/problems/validation-failed";
  static final String INTERNAL_DETAIL =
      "An unexpected error occurred on the server. It has been logged; please try again later.";

  private Problems() {}

  static Problem describe(int status, Throwable cause, List<Error> errors, String instance) {
    if (status >= 500) {
      return new Problem(
          status == 500 ? "/problems/internal-error" : "/problems/http-" + status,
          status == 500 ? "Internal server error" : "Server error",
          status,
          INTERNAL_DETAIL,
          instance,
          List.of());
    }
    if (cause instanceof InvalidInputException invalid) {
      return validationFailed(invalid.errors(), instance);
    }
    if (cause instanceof InvalidValueException invalid) {
      return validationFailed(
          List.of(new FieldError(invalid.field(), invalid.getMessage())), instance);
    }
    if (cause instanceof TaskNotFoundException
        || cause instanceof ReminderNotFoundException
        || cause instanceof NotificationNotFoundException) {
      return new Problem(
          "/problems/not-found", "Not found", status, cause.getMessage(), instance, List.of());
    }
    if (cause instanceof VersionMismatchException) {
      return new Problem(
          "/problems/version-mismatch",
          "Version mismatch",
          status,
          cause.getMessage(),
          instance,
          List.of());
    }
    if (cause instanceof IdempotencyKeyReusedException) {
      return new Problem(
          "/problems/idempotency-key-reused",
          "Idempotency key reused",
          status,
          cause.getMessage(),
          instance,
          List.of());
    }
    if (cause instanceof EmailTakenException) {
      return new Problem(
          "/problems/email-taken",
          "E-mail address taken",
          status,
          cause.getMessage(),
          instance,
          List.of());
    }
    if (cause instanceof InvalidCredentialsException) {
      return new Problem(
          "/problems/invalid-credentials",
          "Invalid credentials",
          status,
          cause.getMessage(),
          instance,
          List.of());
    }
    if (cause instanceof TooManyLoginAttemptsException) {
      return new Problem(
          "/problems/too-many-login-attempts",
          "Too many log-in attempts",
          status,
          cause.getMessage(),
          instance,
          List.of());
    }
    if (cause instanceof TooManySignUpsException) {
      return new Problem(
          "/problems/too-many-sign-ups",
          "Too many sign-ups",
          status,
          cause.getMessage(),
          instance,
          List.of());
    }
    if (cause instanceof RateLimitedException limited) {
      return new Problem(
          limited.type(), limited.title(), status, limited.getMessage(), instance, List.of());
    }
    if (cause instanceof ForbiddenUserException) {
      return forbidden(cause.getMessage(), instance);
    }
    if (cause instanceof AuthorizationException denied) {
      return denied.isForbidden()
          ? forbidden("Your token does not allow this request.", instance)
          : unauthorized(instance);
    }
    return fromStatus(status, errors, instance);
  }

  private static Problem fromStatus(int status, List<Error> errors, String instance) {
    List<FieldError> fieldErrors = new ArrayList<>();
    for (Error error : errors) {
      error.getPath().ifPresent(path -> fieldErrors.add(new FieldError(path, error.getMessage())));
    }
    String messages =
        errors.stream().map(Error::getMessage).distinct().collect(Collectors.joining("; "));
    return switch (status) {
      case 400 ->
          fieldErrors.isEmpty()
              ? new Problem(
                  "/problems/bad-request", "Bad request", status, messages, instance, List.of())
              : validationFailed(fieldErrors, instance);
      case 401 -> unauthorized(instance);
      case 403 -> forbidden("You may not access this resource.", instance);
      case 404 ->
          new Problem(
              "/problems/not-found",
              "Not found",
              status,
              "There is nothing at " + instance + ".",
              instance,
              List.of());
      case 405 ->
          new Problem(
              "/problems/method-not-allowed",
              "Method not allowed",
              status,
              messages,
              instance,
              List.of());
      case 406 ->
          new Problem(
              "/problems/not-acceptable", "Not acceptable", status, messages, instance, List.of());
      case 413 ->
          new Problem(
              "/problems/payload-too-large",
              "Payload too large",
              status,
              messages,
              instance,
              List.of());
      case 415 ->
          new Problem(
              "/problems/unsupported-media-type",
              "Unsupported media type",
              status,
              messages,
              instance,
              List.of());
      default ->
          new Problem(
              "/problems/http-" + status, "Client error", status, messages, instance, List.of());
    };
  }

  private static Problem validationFailed(List<FieldError> errors, String instance) {
    String fields =
        errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", "));
    return new Problem(
        VALIDATION_FAILED,
        "Your request is not valid",
        400,
        "Invalid: " + fields + ". See errors for details.",
        instance,
        errors);
  }

  private static Problem unauthorized(String instance) {
    return new Problem(
        "/problems/unauthorized",
        "Unauthorized",
        401,
        "A valid bearer token is required (Authorization: Bearer <token>).",
        instance,
        List.of());
  }

  private static Problem forbidden(String detail, String instance) {
    return new Problem("/problems/forbidden", "Forbidden", 403, detail, instance, List.of());
  }
}
