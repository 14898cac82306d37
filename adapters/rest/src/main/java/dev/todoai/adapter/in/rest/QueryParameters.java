package dev.todoai.adapter.in.rest;

import dev.todoai.adapter.contract.FieldErrors;
import io.micronaut.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query string of a request as names with all their values, and the checks every route makes.
 */
final class QueryParameters {
  private QueryParameters() {}

  /** Every query parameter with all its values, in request order. */
  static Map<String, List<String>> of(HttpRequest<?> request) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (String name : request.getParameters().names()) {
      parameters.put(name, request.getParameters().getAll(name));
    }
    return parameters;
  }

  /**
   * Records every parameter that is not in {@code known}, and every known one given more than once.
   * {@code access_token} is accepted but not advertised.
   */
  static void check(Map<String, List<String>> parameters, Set<String> known, FieldErrors errors) {
    List<String> advertised =
        known.stream()
            .filter(name -> !name.equals(TaskListParameters.ACCESS_TOKEN))
            .sorted()
            .toList();
    for (Map.Entry<String, List<String>> entry : parameters.entrySet()) {
      if (!known.contains(entry.getKey())) {
        errors.add(
            entry.getKey(),
            "is not a known query parameter; known are " + String.join(", ", advertised));
      } else if (entry.getValue().size() > 1) {
        errors.add(entry.getKey(), "must be given at most once");
      }
    }
  }
}
