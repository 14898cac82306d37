package dev.todoai.adapter.in.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.todoai.adapter.contract.FieldError;
import java.util.List;

/** An RFC 9457 problem detail; {@code type} is a relative URI such as /problems/not-found. */
record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors) {
  static final String MEDIA_TYPE = "application/problem+json";

  Problem {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  ObjectNode toJson() {
    ObjectNode json = Json.object();
    json.put("type", type);
    json.put("title", title);
    json.put("status", status);
    json.put("detail", detail);
    json.put("instance", instance);
    if (!errors.isEmpty()) {
      ArrayNode list = json.putArray("errors");
      for (FieldError error : errors) {
        list.addObject().put("field", error.field()).put("message", error.message());
      }
    }
    return json;
  }
}
