package dev.todoai.adapter.in.rest;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem+json error responses of the API for the OpenAPI document, one annotation per status;
 * put on an operation (or a controller, for all of its operations). {@link Problems} decides the
 * bodies; these only describe them.
 */
final class ProblemResponses {
  static final String PROBLEM_JSON = Problem.MEDIA_TYPE;

  private ProblemResponses() {}

  /** 400: a bad body, path segment, header or query parameter; every error is in errors[]. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.METHOD, ElementType.TYPE})
  @ApiResponse(
      responseCode = "400",
      description =
          "The request is not valid: errors[] names every bad field, path segment, header or query"
              + " parameter (/problems/validation-failed), or the body is malformed.",
      content =
          @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
  @interface BadRequest {}

  /** 401: no valid bearer token (or, for log-in, wrong credentials). */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.METHOD, ElementType.TYPE})
  @ApiResponse(
      responseCode = "401",
      description = "No valid bearer token (/problems/unauthorized).",
      content =
          @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
  @interface Unauthorized {}

  /** 401 of log-in: no account with this e-mail and password. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.METHOD, ElementType.TYPE})
  @ApiResponse(
      responseCode = "401",
      description =
          "No account with this e-mail address and password (/problems/invalid-credentials).",
      content =
          @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
  @interface InvalidCredentials {}

  /** 403: the path names another user than the token's subject. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.METHOD, ElementType.TYPE})
  @ApiResponse(
      responseCode = "403",
      description = "The path names another user than the token's (/problems/forbidden).",
      content =
          @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
  @interface Forbidden {}

  /** 404: no such resource of this user. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.METHOD, ElementType.TYPE})
  @ApiResponse(
      responseCode = "404",
      description = "The user has no such resource (/problems/not-found).",
      content =
          @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
  @interface NotFound {}

  /** 409: the e-mail address has an account already. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.METHOD, ElementType.TYPE})
  @ApiResponse(
      responseCode = "409",
      description = "The e-mail address has an account already (/problems/email-taken).",
      content =
          @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
  @interface Conflict {}

  /** 412: If-Match names another version than the current one. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.METHOD, ElementType.TYPE})
  @ApiResponse(
      responseCode = "412",
      description =
          "If-Match names another version than the task's current one, which the ETag header"
              + " carries (/problems/version-mismatch).",
      content =
          @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
  @interface PreconditionFailed {}

  /** 415: the body is not JSON. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.METHOD, ElementType.TYPE})
  @ApiResponse(
      responseCode = "415",
      description = "The body's media type is not accepted (/problems/unsupported-media-type).",
      content =
          @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
  @interface UnsupportedMediaType {}

  /** 422: the Idempotency-Key was used before with another body. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.METHOD, ElementType.TYPE})
  @ApiResponse(
      responseCode = "422",
      description =
          "The Idempotency-Key was used before with another body"
              + " (/problems/idempotency-key-reused).",
      content =
          @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
  @interface IdempotencyKeyReused {}

  /** 429: too many failed log-ins; Retry-After says when to try again. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.METHOD, ElementType.TYPE})
  @ApiResponse(
      responseCode = "429",
      description =
          "Too many failed log-ins; the Retry-After header says in how many seconds to try again"
              + " (/problems/too-many-login-attempts).",
      content =
          @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
  @interface TooManyRequests {}
}
