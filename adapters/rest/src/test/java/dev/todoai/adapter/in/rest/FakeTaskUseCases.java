package dev.todoai.adapter.in.rest;

import dev.todoai.application.port.in.AddTaskUseCase;
import dev.todoai.application.port.in.CompleteTaskUseCase;
import dev.todoai.application.port.in.DeleteTaskUseCase;
import dev.todoai.application.port.in.GetTaskQuery;
import dev.todoai.application.port.in.IdempotencyKeyReusedException;
import dev.todoai.application.port.in.ListTasksQuery;
import dev.todoai.application.port.in.PatchTaskUseCase;
import dev.todoai.application.port.in.TaskNotFoundException;
import dev.todoai.application.port.in.TaskPatch;
import dev.todoai.application.port.in.UpdateTaskUseCase;
import dev.todoai.application.port.in.VersionMismatchException;
import dev.todoai.domain.shared.InvalidValueException;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskChange;
import dev.todoai.domain.task.TaskFilter;
import dev.todoai.domain.task.TaskId;
import dev.todoai.domain.task.TaskPage;
import dev.todoai.domain.task.TaskPageRequest;
import dev.todoai.domain.task.TaskSort;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * In-memory stand-in for the task use cases: enough behaviour (versions, ownership, idempotency
 * keys, keyset pages by id) to exercise the HTTP adapter without the application services.
 */
@Singleton
final class FakeTaskUseCases
    implements AddTaskUseCase,
        PatchTaskUseCase,
        GetTaskQuery,
        ListTasksQuery,
        UpdateTaskUseCase,
        CompleteTaskUseCase,
        DeleteTaskUseCase {
  private final Map<Long, Task> tasks = new HashMap<>();
  private final Map<String, Object[]> keys = new HashMap<>();
  private final Map<UserId, AddTaskCommand> lastAdds = new HashMap<>();
  private final Map<UserId, UpdateTaskCommand> lastUpdates = new HashMap<>();
  private long lastId;

  /** The last create command of {@code owner}, as the controller built it. */
  synchronized AddTaskCommand lastAdd(UserId owner) {
    return lastAdds.get(owner);
  }

  /** The last update command of {@code owner}, as the controller built it. */
  synchronized UpdateTaskCommand lastUpdate(UserId owner) {
    return lastUpdates.get(owner);
  }

  @Override
  public synchronized AddTaskResult add(AddTaskCommand command) {
    lastAdds.put(command.owner(), command);
    String key = command.owner() + "/" + command.idempotencyKey();
    if (command.idempotencyKey() != null && keys.containsKey(key)) {
      Object[] earlier = keys.get(key);
      if (!earlier[0].equals(command.requestHash())) {
        throw new IdempotencyKeyReusedException();
      }
      return new AddTaskResult(tasks.get((Long) earlier[1]), true);
    }
    Task task =
        Task.create(new TaskId(++lastId), command.owner(), command.details(), Instant.now()).task();
    tasks.put(lastId, task);
    if (command.idempotencyKey() != null) {
      keys.put(key, new Object[] {command.requestHash(), lastId});
    }
    return new AddTaskResult(task, false);
  }

  @Override
  public synchronized Task get(UserId owner, TaskId id) {
    Task task = tasks.get(id.value());
    if (task == null || !task.isOwnedBy(owner)) {
      throw new TaskNotFoundException("no task with id " + id);
    }
    return task;
  }

  @Override
  public synchronized TaskPage list(
      UserId owner, TaskFilter filter, TaskSort sort, TaskPageRequest page) {
    long after;
    try {
      after = page.cursor() == null ? 0 : Long.parseLong(page.cursor());
    } catch (NumberFormatException e) {
      throw new InvalidValueException("cursor", "is not a cursor of this list");
    }
    List<Task> matching =
        tasks.values().stream()
            .filter(t -> t.isOwnedBy(owner) && t.id().value() > after)
            .filter(
                t ->
                    filter.priorities().isEmpty()
                        || filter.priorities().contains(t.details().priority()))
            .sorted(Comparator.comparingLong(t -> t.id().value()))
            .toList();
    List<Task> items = matching.subList(0, Math.min(page.limit(), matching.size()));
    String next =
        matching.size() > page.limit() ? items.get(items.size() - 1).id().toString() : null;
    return new TaskPage(items, next);
  }

  @Override
  public Task update(UpdateTaskCommand command) {
    synchronized (this) {
      lastUpdates.put(command.owner(), command);
    }
    return mutate(
        command.owner(),
        command.id(),
        command.expectedVersion(),
        task -> {
          Task edited = task.edit(command.details(), Instant.now()).task();
          return command.completed() == null
              ? edited
              : edited.setCompleted(command.completed(), Instant.now()).task();
        });
  }

  @Override
  public Task patch(PatchTaskCommand command) {
    return mutate(
        command.owner(),
        command.id(),
        command.expectedVersion(),
        task -> {
          TaskPatch patch = command.patch();
          UpdateTaskCommand merged =
              new UpdateTaskCommand(
                  command.owner(),
                  command.id(),
                  patch.applyTo(task.details()),
                  patch.completion(),
                  command.expectedVersion(),
                  patch.newReminders());
          synchronized (this) {
            lastUpdates.put(command.owner(), merged);
          }
          Task edited = task.edit(merged.details(), Instant.now()).task();
          return merged.completed() == null
              ? edited
              : edited.setCompleted(merged.completed(), Instant.now()).task();
        });
  }

  @Override
  public Task complete(CompleteTaskCommand command) {
    return mutate(
        command.owner(),
        command.id(),
        command.expectedVersion(),
        task -> {
          TaskChange change =
              command.completed() == null
                  ? task.toggleCompleted(Instant.now())
                  : task.setCompleted(command.completed(), Instant.now());
          return change.task();
        });
  }

  @Override
  public synchronized void delete(DeleteTaskCommand command) {
    Task task = get(command.owner(), command.id());
    checkVersion(task, command.expectedVersion());
    tasks.remove(command.id().value());
  }

  private synchronized Task mutate(
      UserId owner, TaskId id, Long expectedVersion, UnaryOperator<Task> change) {
    Task task = get(owner, id);
    checkVersion(task, expectedVersion);
    Task next = change.apply(task);
    tasks.put(id.value(), next);
    return next;
  }

  private static void checkVersion(Task task, Long expectedVersion) {
    if (expectedVersion != null && expectedVersion != task.version()) {
      throw new VersionMismatchException(expectedVersion, task.version());
    }
  }
}
