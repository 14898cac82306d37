package dev.todoai.application.tools;

import dev.todoai.application.assistant.ToolResult;
import dev.todoai.application.port.in.AddTaskUseCase;
import dev.todoai.application.port.in.AddTaskUseCase.AddTaskCommand;
import dev.todoai.application.port.in.CompleteTaskUseCase;
import dev.todoai.application.port.in.CompleteTaskUseCase.CompleteTaskCommand;
import dev.todoai.application.port.in.DeleteReminderUseCase;
import dev.todoai.application.port.in.DeleteTaskUseCase;
import dev.todoai.application.port.in.DeleteTaskUseCase.DeleteTaskCommand;
import dev.todoai.application.port.in.DescribeRecurrenceQuery;
import dev.todoai.application.port.in.ExecuteToolUseCase;
import dev.todoai.application.port.in.GetTaskQuery;
import dev.todoai.application.port.in.ListRemindersQuery;
import dev.todoai.application.port.in.ListTasksQuery;
import dev.todoai.application.port.in.ReminderNotFoundException;
import dev.todoai.application.port.in.SetReminderUseCase;
import dev.todoai.application.port.in.SetReminderUseCase.SetReminderCommand;
import dev.todoai.application.port.in.TaskNotFoundException;
import dev.todoai.application.port.in.UpdateTaskUseCase;
import dev.todoai.application.port.in.UpdateTaskUseCase.UpdateTaskCommand;
import dev.todoai.application.port.in.VersionMismatchException;
import dev.todoai.application.tools.ToolErrors.BadToolArguments;
import dev.todoai.domain.reminder.Reminder;
import dev.todoai.domain.reminder.ReminderId;
import dev.todoai.domain.reminder.ReminderSpec;
import dev.todoai.domain.shared.InvalidValueException;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskDetails;
import dev.todoai.domain.task.TaskFilter;
import dev.todoai.domain.task.TaskId;
import dev.todoai.domain.task.TaskPage;
import dev.todoai.domain.task.TaskPageRequest;
import dev.todoai.domain.task.TaskSort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The task tools (add_task, list_tasks, get_task, update_task, complete_task, delete_task,
 * search_tasks, set_reminder, list_reminders, delete_reminder) on the same use cases as the REST
 * API, with its field names, defaults and messages. Bad input comes back as an error result whose
 * message names the argument ({@code "priority: must be one of none, low, ..."}).
 */
public final class TaskToolsService implements ExecuteToolUseCase {
  /** The optional argument every tool accepts; it must name the caller. */
  public static final String USER_ID = "user_id";

  public static final String USER_MISMATCH = "user_id does not match the authenticated user";
  static final int SEARCH_DEFAULT_LIMIT = 20;
  private static final String TASK_ID = "task_id";
  private static final String REMINDER_ID = "reminder_id";
  private static final int UPDATE_ATTEMPTS = 3;
  private static final Set<String> LIST_FIELDS =
      Set.of(
          "status",
          "priority",
          "tags",
          "tag_mode",
          "due_after",
          "due_before",
          "overdue",
          "has_due",
          "search",
          "sort_by",
          "sort_order",
          "limit",
          "cursor",
          USER_ID);

  private final AddTaskUseCase addTask;
  private final GetTaskQuery getTask;
  private final ListTasksQuery listTasks;
  private final UpdateTaskUseCase updateTask;
  private final CompleteTaskUseCase completeTask;
  private final DeleteTaskUseCase deleteTask;
  private final SetReminderUseCase setReminder;
  private final ListRemindersQuery listReminders;
  private final DeleteReminderUseCase deleteReminder;
  private final DescribeRecurrenceQuery describeRecurrence;

  public TaskToolsService(
      AddTaskUseCase addTask,
      GetTaskQuery getTask,
      ListTasksQuery listTasks,
      UpdateTaskUseCase updateTask,
      CompleteTaskUseCase completeTask,
      DeleteTaskUseCase deleteTask,
      SetReminderUseCase setReminder,
      ListRemindersQuery listReminders,
      DeleteReminderUseCase deleteReminder,
      DescribeRecurrenceQuery describeRecurrence) {
    this.addTask = Objects.requireNonNull(addTask, "addTask");
    this.getTask = Objects.requireNonNull(getTask, "getTask");
    this.listTasks = Objects.requireNonNull(listTasks, "listTasks");
    this.updateTask = Objects.requireNonNull(updateTask, "updateTask");
    this.completeTask = Objects.requireNonNull(completeTask, "completeTask");
    this.deleteTask = Objects.requireNonNull(deleteTask, "deleteTask");
    this.setReminder = Objects.requireNonNull(setReminder, "setReminder");
    this.listReminders = Objects.requireNonNull(listReminders, "listReminders");
    this.deleteReminder = Objects.requireNonNull(deleteReminder, "deleteReminder");
    this.describeRecurrence = Objects.requireNonNull(describeRecurrence, "describeRecurrence");
  }

  @Override
  public ToolResult execute(UserId user, String tool, Map<String, Object> arguments) {
    Objects.requireNonNull(user, "user");
    if (tool == null || !TOOLS.contains(tool)) {
      return ToolResult.error(
          "tool: unknown tool '" + tool + "'; known are " + String.join(", ", TOOLS));
    }
    Map<String, Object> args = arguments == null ? Map.of() : arguments;
    Object claimed = args.get(USER_ID);
    if (claimed != null && !user.value().equals(String.valueOf(claimed))) {
      return ToolResult.error(USER_MISMATCH);
    }
    try {
      return ToolResult.ok(run(user, tool, args));
    } catch (BadToolArguments e) {
      return ToolResult.error(e.getMessage());
    } catch (InvalidValueException e) {
      return ToolResult.error(e.field() + ": " + e.getMessage());
    } catch (TaskNotFoundException e) {
      return ToolResult.error(TASK_ID + ": " + e.getMessage());
    } catch (ReminderNotFoundException e) {
      return ToolResult.error(REMINDER_ID + ": " + e.getMessage());
    } catch (VersionMismatchException e) {
      return ToolResult.error("version: " + e.getMessage());
    }
  }

  private Object run(UserId user, String tool, Map<String, Object> args) {
    return switch (tool) {
      case "add_task" -> add(user, args);
      case "list_tasks" -> list(user, args);
      case "get_task" -> get(user, args);
      case "update_task" -> update(user, args);
      case "complete_task" -> complete(user, args);
      case "delete_task" -> delete(user, args);
      case "search_tasks" -> search(user, args);
      case "set_reminder" -> setReminder(user, args);
      case "list_reminders" -> listReminders(user, args);
      case "delete_reminder" -> deleteReminder(user, args);
      default -> throw new IllegalStateException("unhandled tool " + tool);
    };
  }

  private Map<String, Object> add(UserId user, Map<String, Object> raw) {
    ToolErrors errors = new ToolErrors();
    ToolArguments args = new ToolArguments(raw, errors);
    List<String> known = new ArrayList<>(TaskArgumentParser.taskFields());
    known.add(USER_ID);
    if (args.has(TaskArgumentParser.COMPLETED)) {
      errors.add(
          TaskArgumentParser.COMPLETED,
          "cannot be set when creating a task; complete it afterwards");
      known.add(TaskArgumentParser.COMPLETED);
    }
    args.rejectUnknown(known);
    TaskDetails details = TaskArgumentParser.details(args);
    List<ReminderSpec> reminders = TaskArgumentParser.reminders(args, false);
    errors.throwIfAny();
    Task task = addTask.add(new AddTaskCommand(user, details, null, null, reminders)).task();
    return task(task);
  }

  private Map<String, Object> get(UserId user, Map<String, Object> raw) {
    ToolErrors errors = new ToolErrors();
    ToolArguments args = new ToolArguments(raw, errors);
    args.rejectUnknown(Set.of(TASK_ID, USER_ID));
    TaskId id = args.taskId(TASK_ID);
    errors.throwIfAny();
    return task(getTask.get(user, id));
  }

  private Map<String, Object> update(UserId user, Map<String, Object> raw) {
    ToolErrors errors = new ToolErrors();
    ToolArguments args = new ToolArguments(raw, errors);
    List<String> known = new ArrayList<>(TaskArgumentParser.taskFields());
    known.addAll(List.of(TASK_ID, TaskArgumentParser.COMPLETED, USER_ID));
    args.rejectUnknown(known);
    TaskId id = args.taskId(TASK_ID);
    if (args.has(TaskArgumentParser.COMPLETED) && !args.hasValue(TaskArgumentParser.COMPLETED)) {
      errors.add(TaskArgumentParser.COMPLETED, "must be true or false");
    }
    Boolean completed = args.bool(TaskArgumentParser.COMPLETED);
    List<ReminderSpec> reminders = TaskArgumentParser.reminders(args, true);
    errors.throwIfAny();
    for (int attempt = 1; ; attempt++) {
      Task current = getTask.get(user, id);
      ToolErrors mergeErrors = new ToolErrors();
      Map<String, Object> merged =
          TaskArgumentParser.merge(current, new ToolArguments(raw, mergeErrors));
      TaskDetails details = TaskArgumentParser.details(new ToolArguments(merged, mergeErrors));
      mergeErrors.throwIfAny();
      try {
        return task(
            updateTask.update(
                new UpdateTaskCommand(user, id, details, completed, current.version(), reminders)));
      } catch (VersionMismatchException concurrentChange) {
        // Someone changed the task between reading and writing it: merge into the new state.
        if (attempt == UPDATE_ATTEMPTS) {
          throw concurrentChange;
        }
      }
    }
  }

  private Map<String, Object> complete(UserId user, Map<String, Object> raw) {
    ToolErrors errors = new ToolErrors();
    ToolArguments args = new ToolArguments(raw, errors);
    args.rejectUnknown(Set.of(TASK_ID, TaskArgumentParser.COMPLETED, USER_ID));
    TaskId id = args.taskId(TASK_ID);
    Boolean completed = args.bool(TaskArgumentParser.COMPLETED);
    errors.throwIfAny();
    return task(
        completeTask.complete(
            new CompleteTaskCommand(user, id, completed == null ? Boolean.TRUE : completed, null)));
  }

  private Map<String, Object> delete(UserId user, Map<String, Object> raw) {
    ToolErrors errors = new ToolErrors();
    ToolArguments args = new ToolArguments(raw, errors);
    args.rejectUnknown(Set.of(TASK_ID, USER_ID));
    TaskId id = args.taskId(TASK_ID);
    errors.throwIfAny();
    deleteTask.delete(new DeleteTaskCommand(user, id, null));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("deleted", true);
    result.put(TASK_ID, id.value());
    return result;
  }

  private Map<String, Object> list(UserId user, Map<String, Object> raw) {
    ToolErrors errors = new ToolErrors();
    ToolArguments args = new ToolArguments(raw, errors);
    args.rejectUnknown(LIST_FIELDS);
    TaskFilter filter = TaskArgumentParser.filter(args, TaskFilter.Status.PENDING);
    TaskSort.Field sortBy = args.choice("sort_by", TaskSort.Field.values());
    TaskSort.Order sortOrder = args.choice("sort_order", TaskSort.Order.values());
    int limit = args.limit("limit", 1, TaskPageRequest.MAX_LIMIT, TaskPageRequest.DEFAULT_LIMIT);
    String cursor = args.string("cursor");
    errors.throwIfAny();
    TaskPage page =
        listTasks.list(
            user, filter, TaskSort.of(sortBy, sortOrder), new TaskPageRequest(limit, cursor));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("tasks", tasks(page.items()));
    result.put("next_cursor", page.nextCursor());
    return result;
  }

  private Map<String, Object> search(UserId user, Map<String, Object> raw) {
    ToolErrors errors = new ToolErrors();
    ToolArguments args = new ToolArguments(raw, errors);
    args.rejectUnknown(Set.of("query", "limit", USER_ID));
    String query = TaskArgumentParser.search(args.requiredString("query"), "query", errors);
    int limit = args.limit("limit", 1, TaskPageRequest.MAX_LIMIT, SEARCH_DEFAULT_LIMIT);
    errors.throwIfAny();
    List<Task> found = new ArrayList<>(matching(user, TaskFilter.Status.PENDING, query, limit));
    if (found.size() < limit) {
      found.addAll(matching(user, TaskFilter.Status.COMPLETED, query, limit - found.size()));
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("tasks", tasks(found));
    return result;
  }

  private List<Task> matching(UserId user, TaskFilter.Status status, String query, int limit) {
    TaskFilter filter = new TaskFilter(status, null, null, null, null, null, null, null, query);
    return listTasks.list(user, filter, TaskSort.DEFAULT, TaskPageRequest.first(limit)).items();
  }

  private Map<String, Object> setReminder(UserId user, Map<String, Object> raw) {
    ToolErrors errors = new ToolErrors();
    ToolArguments args = new ToolArguments(raw, errors);
    List<String> known = new ArrayList<>(TaskArgumentParser.REMINDER_FIELDS);
    known.addAll(List.of(TASK_ID, USER_ID));
    args.rejectUnknown(known);
    TaskId id = args.taskId(TASK_ID);
    Map<String, Object> reminderFields = new LinkedHashMap<>();
    for (String field : TaskArgumentParser.REMINDER_FIELDS) {
      if (args.has(field)) {
        reminderFields.put(field, args.raw(field));
      }
    }
    ReminderSpec spec =
        TaskArgumentParser.reminder(reminderFields, "", TaskArgumentParser.REMIND_AT, errors);
    errors.throwIfAny();
    Reminder reminder = setReminder.set(new SetReminderCommand(user, id, spec));
    return ToolJson.reminder(reminder);
  }

  private Map<String, Object> listReminders(UserId user, Map<String, Object> raw) {
    ToolErrors errors = new ToolErrors();
    ToolArguments args = new ToolArguments(raw, errors);
    args.rejectUnknown(Set.of(TASK_ID, USER_ID));
    TaskId id = args.taskId(TASK_ID);
    errors.throwIfAny();
    List<Map<String, Object>> reminders = new ArrayList<>();
    listReminders.forTask(user, id).forEach(r -> reminders.add(ToolJson.reminder(r)));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put(TASK_ID, id.value());
    result.put("reminders", reminders);
    return result;
  }

  private Map<String, Object> deleteReminder(UserId user, Map<String, Object> raw) {
    ToolErrors errors = new ToolErrors();
    ToolArguments args = new ToolArguments(raw, errors);
    args.rejectUnknown(Set.of(TASK_ID, REMINDER_ID, USER_ID));
    TaskId id = args.taskId(TASK_ID);
    ReminderId reminderId = args.reminderId(REMINDER_ID);
    errors.throwIfAny();
    deleteReminder.delete(user, id, reminderId);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("deleted", true);
    result.put(TASK_ID, id.value());
    result.put(REMINDER_ID, reminderId.value());
    return result;
  }

  private Map<String, Object> task(Task task) {
    return ToolJson.task(task, describeRecurrence.describe(task));
  }

  private List<Map<String, Object>> tasks(List<Task> tasks) {
    List<Map<String, Object>> json = new ArrayList<>(tasks.size());
    tasks.forEach(t -> json.add(task(t)));
    return json;
  }
}
