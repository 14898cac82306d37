package dev.todoai.adapter.in.rest;

import dev.todoai.adapter.contract.FieldErrors;
import dev.todoai.adapter.contract.InvalidInputException;
import dev.todoai.domain.audit.AuditFilter;
import dev.todoai.domain.task.TaskPageRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The query parameters of {@code GET /api/{user_id}/audit}: a filter and a page. */
final class AuditListParameters {
  static final List<String> EVENT_TYPES =
      List.of("created", "updated", "completed", "uncompleted", "deleted");
  private static final Set<String> KNOWN =
      Set.of(
          "task_id",
          "event_type",
          "limit",
          TaskListParameters.CURSOR,
          TaskListParameters.ACCESS_TOKEN);
  private static final Pattern TASK_ID = Pattern.compile("[0-9]{1,18}");

  /** What to list. */
  record AuditListRequest(AuditFilter filter, TaskPageRequest page) {}

  private AuditListParameters() {}

  /**
   * @param parameters every query parameter with all its values, in request order
   * @throws InvalidInputException naming every unknown parameter and bad value
   */
  static AuditListRequest parse(Map<String, List<String>> parameters) {
    FieldErrors errors = new FieldErrors();
    QueryParameters.check(parameters, KNOWN, errors);
    Long taskId = taskId(TaskListParameters.single(parameters, "task_id"), errors);
    String eventType = TaskListParameters.single(parameters, "event_type");
    if (eventType != null && !EVENT_TYPES.contains(eventType)) {
      errors.add("event_type", "must be one of " + String.join(", ", EVENT_TYPES));
    }
    int limit = TaskListParameters.limit(TaskListParameters.single(parameters, "limit"), errors);
    String cursor = TaskListParameters.single(parameters, TaskListParameters.CURSOR);
    errors.throwIfAny();
    return new AuditListRequest(
        new AuditFilter(taskId, eventType), new TaskPageRequest(limit, cursor));
  }

  private static Long taskId(String text, FieldErrors errors) {
    if (text == null) {
      return null;
    }
    if (!TASK_ID.matcher(text).matches() || Long.parseLong(text) < 1) {
      errors.add("task_id", "must be a positive whole number");
      return null;
    }
    return Long.parseLong(text);
  }
}
