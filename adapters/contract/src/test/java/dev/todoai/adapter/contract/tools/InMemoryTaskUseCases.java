package dev.todoai.adapter.contract.tools;

import dev.todoai.application.port.in.AddTaskUseCase;
import dev.todoai.application.port.in.CompleteTaskUseCase;
import dev.todoai.application.port.in.DeleteReminderUseCase;
import dev.todoai.application.port.in.DeleteTaskUseCase;
import dev.todoai.application.port.in.DescribeRecurrenceQuery;
import dev.todoai.application.port.in.GetTaskQuery;
import dev.todoai.application.port.in.ListRemindersQuery;
import dev.todoai.application.port.in.ListTasksQuery;
import dev.todoai.application.port.in.PatchTaskUseCase;
import dev.todoai.application.port.in.ReminderNotFoundException;
import dev.todoai.application.port.in.SetReminderUseCase;
import dev.todoai.application.port.in.TaskNotFoundException;
import dev.todoai.application.port.in.TaskPatch;
import dev.todoai.application.port.in.VersionMismatchException;
import dev.todoai.domain.reminder.Reminder;
import dev.todoai.domain.reminder.ReminderId;
import dev.todoai.domain.reminder.ReminderSpec;
import dev.todoai.domain.reminder.ReminderStatus;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskFilter;
import dev.todoai.domain.task.TaskId;
import dev.todoai.domain.task.TaskPage;
import dev.todoai.domain.task.TaskPageRequest;
import dev.todoai.domain.task.TaskSort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every in-port the tools use, over two maps in memory: just enough behaviour (ownership, versions,
 * filters by status, priority, tag and text, offset cursors) to test the tools against.
 */
final class InMemoryTaskUseCases
    implements AddTaskUseCase,
        GetTaskQuery,
        ListTasksQuery,
        PatchTaskUseCase,
        CompleteTaskUseCase,
        DeleteTaskUseCase,
        SetReminderUseCase,
        ListRemindersQuery,
        DeleteReminderUseCase,
        DescribeRecurrenceQuery {

  static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  final Map<TaskId, Task> tasks = new LinkedHashMap<>();
  final Map<ReminderId, Reminder> reminders = new LinkedHashMap<>();
  final List<TaskFilter> filters = new ArrayList<>();
  final List<TaskSort> sorts = new ArrayList<>();
  final List<PatchTaskCommand> patches = new ArrayList<>();
  private long nextTaskId = 1;
  private long nextReminderId = 1;

  TaskTools tools() {
    return new TaskTools(this, this, this, this, this, this, this, this, this, this);
  }

  @Override
  public AddTaskResult add(AddTaskCommand command) {
    Task task =
        Task.create(new TaskId(nextTaskId++), command.owner(), command.details(), NOW).task();
    tasks.put(task.id(), task);
    command.reminders().forEach(spec -> addReminder(task, spec));
    return new AddTaskResult(task, false);
  }

  @Override
  public Task get(UserId owner, TaskId id) {
    Task task = tasks.get(id);
    if (task == null || !task.isOwnedBy(owner)) {
      throw new TaskNotFoundException("no task with id " + id);
    }
    return task;
  }

  @Override
  public TaskPage list(UserId owner, TaskFilter filter, TaskSort sort, TaskPageRequest page) {
    filters.add(filter);
    sorts.add(sort);
    List<Task> matching =
        tasks.values().stream()
            .filter(t -> t.isOwnedBy(owner))
            .filter(t -> matches(t, filter))
            .sorted(Comparator.comparing((Task t) -> t.id().value()).reversed())
            .toList();
    int offset = page.cursor() == null ? 0 : Integer.parseInt(page.cursor());
    int end = Math.min(matching.size(), offset + page.limit());
    String next = end < matching.size() ? Integer.toString(end) : null;
    return new TaskPage(matching.subList(Math.min(offset, end), end), next);
  }

  private static boolean matches(Task task, TaskFilter filter) {
    if (filter.status() == TaskFilter.Status.PENDING && task.completed()) {
      return false;
    }
    if (filter.status() == TaskFilter.Status.COMPLETED && !task.completed()) {
      return false;
    }
    if (!filter.priorities().isEmpty()
        && !filter.priorities().contains(task.details().priority())) {
      return false;
    }
    if (!filter.tags().isEmpty()) {
      boolean all = task.details().tags().values().containsAll(filter.tags());
      boolean any = filter.tags().stream().anyMatch(task.details().tags().values()::contains);
      if (filter.tagMode() == TaskFilter.TagMode.ALL ? !all : !any) {
        return false;
      }
    }
    if (filter.search() != null) {
      String term = filter.search().toLowerCase(Locale.ROOT);
      String text =
          (task.details().title().value() + "\n" + task.details().description().value())
              .toLowerCase(Locale.ROOT);
      return text.contains(term);
    }
    return true;
  }

  @Override
  public Task patch(PatchTaskCommand command) {
    patches.add(command);
    Task current = get(command.owner(), command.id());
    if (command.expectedVersion() != null && command.expectedVersion() != current.version()) {
      throw new VersionMismatchException(command.expectedVersion(), current.version());
    }
    TaskPatch patch = command.patch();
    Task next = current.edit(patch.applyTo(current.details()), NOW).task();
    if (patch.completion() != null) {
      next = next.setCompleted(patch.completion(), NOW).task();
    }
    tasks.put(next.id(), next);
    if (patch.newReminders() != null) {
      reminders.values().removeIf(r -> r.taskId().equals(current.id()) && r.isPending());
      Task owner = next;
      patch.newReminders().forEach(spec -> addReminder(owner, spec));
    }
    return next;
  }

  @Override
  public Task complete(CompleteTaskCommand command) {
    Task current = get(command.owner(), command.id());
    Task next =
        (command.completed() == null
                ? current.toggleCompleted(NOW)
                : current.setCompleted(command.completed(), NOW))
            .task();
    tasks.put(next.id(), next);
    return next;
  }

  @Override
  public void delete(DeleteTaskCommand command) {
    Task current = get(command.owner(), command.id());
    tasks.remove(current.id());
  }

  @Override
  public Reminder set(SetReminderCommand command) {
    return addReminder(get(command.owner(), command.taskId()), command.spec());
  }

  private Reminder addReminder(Task task, ReminderSpec spec) {
    ReminderId id = new ReminderId(nextReminderId++);
    Reminder reminder =
        spec.isRelative()
            ? Reminder.beforeDue(id, task, spec.beforeDue(), spec.timeOfDay(), NOW)
            : Reminder.at(id, task, spec.remindAt(), NOW);
    reminders.put(id, reminder);
    return reminder;
  }

  @Override
  public List<Reminder> forTask(UserId owner, TaskId taskId) {
    get(owner, taskId);
    return reminders.values().stream().filter(r -> r.taskId().equals(taskId)).toList();
  }

  @Override
  public List<Reminder> byStatus(UserId owner, ReminderStatus status, int limit) {
    return reminders.values().stream()
        .filter(r -> r.userId().equals(owner) && (status == null || r.status() == status))
        .limit(limit)
        .toList();
  }

  @Override
  public void delete(UserId owner, TaskId taskId, ReminderId reminderId) {
    Reminder reminder = reminders.get(reminderId);
    if (reminder == null || !reminder.userId().equals(owner) || !reminder.taskId().equals(taskId)) {
      throw new ReminderNotFoundException("task " + taskId + " has no reminder " + reminderId);
    }
    reminders.remove(reminderId);
  }

  @Override
  public String describe(Task task) {
    return task.isRecurring() ? "Recurs: " + task.details().recurrenceRule().text() : null;
  }
}
