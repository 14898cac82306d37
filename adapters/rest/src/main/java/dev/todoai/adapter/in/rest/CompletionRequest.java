package dev.todoai.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todoai.adapter.contract.FieldErrors;
import dev.todoai.adapter.contract.TaskInput;
import java.util.Iterator;

/** The optional body of {@code PATCH .../complete}: {@code {"completed": true|false}}. */
final class CompletionRequest {
  private CompletionRequest() {}

  /** The wanted completion; null (toggle) when there is no body or it does not say. */
  static Boolean completed(JsonNode body, FieldErrors errors) {
    if (body == null || body.isMissingNode()) {
      return null;
    }
    if (!body.isObject()) {
      errors.add(Json.BODY, "must be a JSON object like {\"completed\": true}, or empty");
      return null;
    }
    Iterator<String> names = body.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!name.equals(TaskInput.COMPLETED)) {
        errors.add(name, "is not a known field; only completed may be sent");
      }
    }
    JsonNode completed = body.get(TaskInput.COMPLETED);
    if (completed == null || completed.isNull()) {
      return null;
    }
    if (!completed.isBoolean()) {
      errors.add(TaskInput.COMPLETED, "must be true or false");
      return null;
    }
    return completed.booleanValue();
  }
}
