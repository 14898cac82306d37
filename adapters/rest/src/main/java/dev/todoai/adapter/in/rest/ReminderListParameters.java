package dev.todoai.adapter.in.rest;

import dev.todoai.adapter.contract.ApiNames;
import dev.todoai.adapter.contract.FieldErrors;
import dev.todoai.adapter.contract.InvalidInputException;
import dev.todoai.domain.reminder.ReminderStatus;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The query parameters of {@code GET /api/{user_id}/reminders}: a status and a limit. */
final class ReminderListParameters {
  private static final Set<String> KNOWN =
      Set.of("status", "limit", TaskListParameters.ACCESS_TOKEN);

  /** What to list; {@code status} is null for every status. */
  record ReminderListRequest(ReminderStatus status, int limit) {}

  private ReminderListParameters() {}

  /**
   * @param parameters every query parameter with all its values, in request order
   * @throws InvalidInputException naming every unknown parameter and bad value
   */
  static ReminderListRequest parse(Map<String, List<String>> parameters) {
    FieldErrors errors = new FieldErrors();
    QueryParameters.check(parameters, KNOWN, errors);
    String statusText = TaskListParameters.single(parameters, "status");
    ReminderStatus status =
        statusText == null
            ? null
            : errors.attempt(() -> ApiNames.parse(ReminderStatus.class, "status", statusText));
    int limit = TaskListParameters.limit(TaskListParameters.single(parameters, "limit"), errors);
    errors.throwIfAny();
    return new ReminderListRequest(status, limit);
  }
}
