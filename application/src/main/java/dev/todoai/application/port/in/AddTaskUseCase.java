package dev.todoai.application.port.in;

import dev.todoai.domain.reminder.ReminderSpec;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskDetails;
import java.util.List;
import java.util.Objects;

/** Creates a task; with an idempotency key a retried request returns the first result. */
public interface AddTaskUseCase {

  AddTaskResult add(AddTaskCommand command);

  /**
   * @param idempotencyKey optional client key; a repeat within 24 h creates nothing new
   * @param requestHash fingerprint of the request body, compared on a repeat of the key
   * @param reminders reminders to add with the task (none when empty)
   */
  record AddTaskCommand(
      UserId owner,
      TaskDetails details,
      String idempotencyKey,
      String requestHash,
      List<ReminderSpec> reminders) {
    public AddTaskCommand {
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(details, "details");
      if (idempotencyKey != null) {
        Objects.requireNonNull(requestHash, "requestHash");
      }
      reminders = reminders == null ? List.of() : List.copyOf(reminders);
    }

    public AddTaskCommand(
        UserId owner, TaskDetails details, String idempotencyKey, String requestHash) {
      this(owner, details, idempotencyKey, requestHash, List.of());
    }

    public AddTaskCommand(UserId owner, TaskDetails details) {
      this(owner, details, null, null, List.of());
    }
  }

  /** The task, and whether it was created by an earlier request with the same key. */
  record AddTaskResult(Task task, boolean replayed) {}
}
