package dev.todoai.adapter.in.rest;

import dev.todoai.adapter.contract.FieldError;
import dev.todoai.domain.shared.PlainText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Refuses control characters (C0 and DEL, tab included) in a request's path, query parameters
 * (names and decoded values) and header values with a 400 problem that names the field, before any
 * route sees them: nothing downstream — a log line, a SQL parameter, a header echoed back — has to
 * cope with NUL or an escape sequence. Bodies are checked by the JSON reader and the value objects.
 */
@ServerFilter({"/api/**", "/mcp", "/mcp/**"})
final class ControlCharacterFilter implements Ordered {

  @RequestFilter
  @Nullable
  HttpResponse<?> refuseControlCharacters(HttpRequest<?> request) {
    List<FieldError> errors = new ArrayList<>();
    if (!PlainText.isPlain(request.getPath(), false)) {
      errors.add(new FieldError("path", "must not contain control characters"));
    }
    for (Map.Entry<String, List<String>> parameter : QueryParameters.of(request).entrySet()) {
      String name = parameter.getKey();
      if (!PlainText.isPlain(name, false)) {
        errors.add(new FieldError("query", "a parameter name contains control characters"));
        continue;
      }
      for (String value : parameter.getValue()) {
        if (!PlainText.isPlain(value, false)) {
          errors.add(new FieldError(name, "must not contain control characters"));
          break;
        }
      }
    }
    for (String name : request.getHeaders().names()) {
      for (String value : request.getHeaders().getAll(name)) {
        if (!PlainText.isPlain(value.replace('\t', ' '), false)) {
          errors.add(new FieldError(name, "header must not contain control characters"));
          break;
        }
      }
    }
    if (errors.isEmpty()) {
      return null;
    }
    Problem problem =
        new Problem(
            Problems.VALIDATION_FAILED,
            "Your request is not valid",
            400,
            "Control characters are not allowed in paths, query parameters or headers.",
            PlainText.isPlain(request.getPath(), false) ? request.getPath() : "",
            errors);
    return HttpResponse.status(HttpStatus.BAD_REQUEST)
        .contentType(Problem.MEDIA_TYPE)
        .body(Json.write(problem.toJson()));
  }

  @Override
  public int getOrder() {
    // before security: a malformed request is refused whoever sends it
    return ServerFilterPhase.FIRST.before();
  }
}
