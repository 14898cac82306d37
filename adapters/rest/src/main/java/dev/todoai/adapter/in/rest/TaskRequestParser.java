package dev.todoai.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todoai.adapter.contract.FieldErrors;
import dev.todoai.adapter.contract.JsonInput;
import dev.todoai.adapter.contract.TaskInput;
import dev.todoai.adapter.contract.TaskInputs;
import dev.todoai.adapter.contract.TaskInputs.Draft;
import dev.todoai.application.port.in.TaskPatch;
import dev.todoai.domain.task.TaskId;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads task request bodies into the contract's {@link TaskInput} (every error at once) and maps
 * them to commands: a whole task for POST and PUT, a {@link TaskPatch} for a JSON merge patch.
 */
final class TaskRequestParser {
  private static final Pattern TASK_ID = Pattern.compile("[0-9]{1,18}");

  /** Which request the body belongs to: a POST may not set {@code completed}. */
  enum Mode {
    CREATE,
    REPLACE
  }

  private TaskRequestParser() {}

  static Draft parse(JsonNode body, Mode mode) {
    FieldErrors errors = new FieldErrors();
    Draft draft = parse(body, mode, errors);
    errors.throwIfAny();
    return draft;
  }

  /** Parses into {@code errors}; returns null when there are any. */
  static Draft parse(JsonNode body, Mode mode, FieldErrors errors) {
    TaskInput input = read(body, "a JSON object is required", "must be a JSON object", errors);
    return input == null ? null : TaskInputs.draft(input, named(body), mode == Mode.CREATE, errors);
  }

  /**
   * A JSON merge patch (RFC 7396) of the editable fields as a typed patch: a member set to null
   * clears the field, an absent one leaves it.
   */
  static TaskPatch patch(JsonNode body) {
    FieldErrors errors = new FieldErrors();
    TaskInput input =
        read(
            body,
            "a JSON merge patch object is required",
            "must be a JSON object (a JSON merge patch)",
            errors);
    errors.throwIfAny();
    TaskPatch patch = TaskInputs.patch(input, named(body), errors);
    errors.throwIfAny();
    return patch;
  }

  /** A task id from a path segment: a positive number. */
  static TaskId taskId(String text, FieldErrors errors) {
    return taskId(text, "id", errors);
  }

  /** A task id from the path segment that {@code field} names. */
  static TaskId taskId(String text, String field, FieldErrors errors) {
    if (text == null || !TASK_ID.matcher(text).matches() || Long.parseLong(text) < 1) {
      errors.add(field, "must be a positive number");
      return null;
    }
    return errors.attempt(() -> new TaskId(Long.parseLong(text)));
  }

  static TaskId taskId(String text) {
    FieldErrors errors = new FieldErrors();
    TaskId id = taskId(text, errors);
    errors.throwIfAny();
    return id;
  }

  private static TaskInput read(
      JsonNode body, String missing, String notAnObject, FieldErrors errors) {
    if (body == null) {
      errors.add(JsonInput.BODY, missing);
      return null;
    }
    if (!body.isObject()) {
      errors.add(JsonInput.BODY, notAnObject);
      return null;
    }
    return JsonInput.read(body, TaskInput.class, "", JsonInput.UnknownMember.FIELD, errors);
  }

  private static Set<String> named(JsonNode body) {
    Set<String> names = new LinkedHashSet<>();
    body.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
