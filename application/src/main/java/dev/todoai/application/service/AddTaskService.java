package dev.todoai.application.service;

import dev.todoai.application.port.in.AddTaskUseCase;
import dev.todoai.application.port.in.IdempotencyKeyReusedException;
import dev.todoai.application.port.in.TaskNotFoundException;
import dev.todoai.application.port.out.ClockPort;
import dev.todoai.application.port.out.IdempotencyKeysPort;
import dev.todoai.application.port.out.IdempotencyKeysPort.IdempotencyRecord;
import dev.todoai.application.port.out.LoadTaskPort;
import dev.todoai.application.port.out.RecurrencePort;
import dev.todoai.application.port.out.SaveTaskPort;
import dev.todoai.application.port.out.TransactionPort;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskChange;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Creates tasks; honours idempotency keys for 24 hours, also under concurrent retries. */
public final class AddTaskService implements AddTaskUseCase {
  static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);
  private static final int ATTEMPTS = 3;

  private final ClockPort clock;
  private final TransactionPort transactions;
  private final SaveTaskPort saveTask;
  private final LoadTaskPort loadTask;
  private final IdempotencyKeysPort idempotencyKeys;
  private final TaskEventRecorder events;
  private final ReminderSync reminders;
  private final RecurrencePort recurrence;

  public AddTaskService(
      ClockPort clock,
      TransactionPort transactions,
      SaveTaskPort saveTask,
      LoadTaskPort loadTask,
      IdempotencyKeysPort idempotencyKeys,
      TaskEventRecorder events,
      ReminderSync reminders,
      RecurrencePort recurrence) {
    this.clock = clock;
    this.transactions = transactions;
    this.saveTask = saveTask;
    this.loadTask = loadTask;
    this.idempotencyKeys = idempotencyKeys;
    this.events = events;
    this.reminders = reminders;
    this.recurrence = recurrence;
  }

  private record Outcome(AddTaskResult result, ReminderSync.Changes reminderChanges) {}

  @Override
  public AddTaskResult add(AddTaskCommand command) {
    RecurrenceValidation.check(recurrence, command.details());
    for (int attempt = 1; ; attempt++) {
      try {
        Outcome outcome = transactions.inTransaction(() -> tryAdd(command));
        outcome.reminderChanges().afterCommit();
        return outcome.result();
      } catch (LostKeyRace race) {
        if (attempt == ATTEMPTS) {
          throw new IllegalStateException("idempotency key kept changing hands; giving up", race);
        }
      }
    }
  }

  private Outcome tryAdd(AddTaskCommand command) {
    Instant now = clock.now();
    Instant notBefore = now.minus(IDEMPOTENCY_WINDOW);
    String key = command.idempotencyKey();
    if (key != null) {
      Optional<IdempotencyRecord> earlier = idempotencyKeys.find(command.owner(), key, notBefore);
      if (earlier.isPresent()) {
        return new Outcome(replay(command, earlier.get()), reminders.none());
      }
    }
    TaskChange change = Task.create(saveTask.nextId(), command.owner(), command.details(), now);
    saveTask.insert(change.task());
    events.record(change.events());
    ReminderSync.Changes reminderChanges = reminders.add(change.task(), command.reminders(), now);
    if (key != null
        && !idempotencyKeys.record(
            command.owner(), key, command.requestHash(), change.task().id(), now, notBefore)) {
      // A concurrent request with the same key committed first: roll back, then replay its result.
      throw new LostKeyRace();
    }
    return new Outcome(new AddTaskResult(change.task(), false), reminderChanges);
  }

  private AddTaskResult replay(AddTaskCommand command, IdempotencyRecord earlier) {
    if (!earlier.requestHash().equals(command.requestHash())) {
      throw new IdempotencyKeyReusedException();
    }
    Task task =
        loadTask
            .load(command.owner(), earlier.taskId())
            .orElseThrow(
                () ->
                    new TaskNotFoundException(
                        "the task created with this Idempotency-Key has been deleted"));
    return new AddTaskResult(task, true);
  }

  private static final class LostKeyRace extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LostKeyRace() {
      super(null, null, false, false);
    }
  }
}
