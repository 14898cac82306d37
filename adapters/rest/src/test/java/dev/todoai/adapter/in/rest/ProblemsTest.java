package dev.todoai.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todoai.adapter.contract.FieldError;
import dev.todoai.adapter.contract.InvalidInputException;
import dev.todoai.application.port.in.TaskNotFoundException;
import dev.todoai.application.port.in.VersionMismatchException;
import dev.todoai.domain.shared.InvalidValueException;
import io.micronaut.http.server.exceptions.response.Error;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProblemsTest {

  @Test
  void validationProblemListsEveryFieldError() {
    Problem problem =
        Problems.describe(
            400,
            new InvalidInputException(
                List.of(
                    new FieldError("title", "is required"),
                    new FieldError("priority", "must be one of none, low"))),
            List.of(),
            "/api/u1/tasks");

    JsonNode json = problem.toJson();
    assertThat(json.get("type").asText()).isEqualTo("/problems/validation-failed");
    assertThat(json.get("status").asInt()).isEqualTo(400);
    assertThat(json.get("instance").asText()).isEqualTo("/api/u1/tasks");
    assertThat(json.get("errors").findValuesAsText("field")).containsExactly("title", "priority");
    assertThat(json.get("errors").get(0).get("message").asText()).isEqualTo("is required");
  }

  @Test
  void invalidValueFromTheDomainBecomesAFieldError() {
    Problem problem =
        Problems.describe(
            400, new InvalidValueException("cursor", "is not a cursor"), List.of(), "/x");

    assertThat(problem.errors()).containsExactly(new FieldError("cursor", "is not a cursor"));
  }

  @Test
  void useCaseExceptionsHaveTheirOwnProblemTypes() {
    assertThat(Problems.describe(404, new TaskNotFoundException("no task 3"), List.of(), "/x"))
        .extracting(Problem::type, Problem::detail)
        .containsExactly("/problems/not-found", "no task 3");
    assertThat(Problems.describe(412, new VersionMismatchException(1, 2), List.of(), "/x").type())
        .isEqualTo("/problems/version-mismatch");
  }

  @Test
  void serverErrorsNeverRevealTheirCause() {
    Problem problem =
        Problems.describe(
            500,
            new IllegalStateException("password=hunter2"),
            List.of(message("Internal Server Error: password=hunter2")),
            "/x");

    assertThat(problem.type()).isEqualTo("/problems/internal-error");
    assertThat(problem.toJson().toString()).doesNotContain("hunter2");
  }

  @Test
  void frameworkStatusesGetProblemTypesAndKeepTheirMessages() {
    Problem notAllowed =
        Problems.describe(405, null, List.of(message("Method [PUT] not allowed")), "/x");
    Problem unsupported =
        Problems.describe(
            415, null, List.of(message("Content Type [text/plain] not allowed")), "/x");

    assertThat(notAllowed.type()).isEqualTo("/problems/method-not-allowed");
    assertThat(notAllowed.detail()).isEqualTo("Method [PUT] not allowed");
    assertThat(unsupported.type()).isEqualTo("/problems/unsupported-media-type");
  }

  @Test
  void frameworkBindingErrorWithAPathBecomesAFieldError() {
    Error error =
        new Error() {
          @Override
          public String getMessage() {
            return "bad value";
          }

          @Override
          public Optional<String> getPath() {
            return Optional.of("limit");
          }
        };

    Problem problem = Problems.describe(400, null, List.of(error), "/x");

    assertThat(problem.type()).isEqualTo(Problems.VALIDATION_FAILED);
    assertThat(problem.errors()).containsExactly(new FieldError("limit", "bad value"));
  }

  @Test
  void problemWithoutFieldErrorsHasNoErrorsMember() {
    JsonNode json = Problems.describe(404, null, List.of(), "/nothing").toJson();

    assertThat(json.has("errors")).isFalse();
    assertThat(json.get("detail").asText()).contains("/nothing");
  }

  private static Error message(String text) {
    return () -> text;
  }
}
