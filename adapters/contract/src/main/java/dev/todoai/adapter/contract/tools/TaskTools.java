package dev.todoai.adapter.contract.tools;

import static dev.todoai.adapter.contract.tools.TaskToolCatalog.REMINDER_ID;
import static dev.todoai.adapter.contract.tools.TaskToolCatalog.TASK_ID;
import static dev.todoai.adapter.contract.tools.TaskToolCatalog.USER_ID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.todoai.adapter.contract.FieldErrors;
import dev.todoai.adapter.contract.InvalidInputException;
import dev.todoai.adapter.contract.JsonInput;
import dev.todoai.adapter.contract.ReminderInput;
import dev.todoai.adapter.contract.ReminderView;
import dev.todoai.adapter.contract.TaskInput;
import dev.todoai.adapter.contract.TaskInputs;
import dev.todoai.adapter.contract.TaskInputs.Draft;
import dev.todoai.adapter.contract.TaskInputs.Query;
import dev.todoai.adapter.contract.TaskListInput;
import dev.todoai.adapter.contract.TaskView;
import dev.todoai.application.assistant.ToolInvoker;
import dev.todoai.application.assistant.ToolResult;
import dev.todoai.application.port.in.AddTaskUseCase;
import dev.todoai.application.port.in.AddTaskUseCase.AddTaskCommand;
import dev.todoai.application.port.in.CompleteTaskUseCase;
import dev.todoai.application.port.in.CompleteTaskUseCase.CompleteTaskCommand;
import dev.todoai.application.port.in.DeleteReminderUseCase;
import dev.todoai.application.port.in.DeleteTaskUseCase;
import dev.todoai.application.port.in.DeleteTaskUseCase.DeleteTaskCommand;
import dev.todoai.application.port.in.DescribeRecurrenceQuery;
import dev.todoai.application.port.in.GetTaskQuery;
import dev.todoai.application.port.in.ListRemindersQuery;
import dev.todoai.application.port.in.ListTasksQuery;
import dev.todoai.application.port.in.PatchTaskUseCase;
import dev.todoai.application.port.in.PatchTaskUseCase.PatchTaskCommand;
import dev.todoai.application.port.in.ReminderNotFoundException;
import dev.todoai.application.port.in.SetReminderUseCase;
import dev.todoai.application.port.in.SetReminderUseCase.SetReminderCommand;
import dev.todoai.application.port.in.TaskNotFoundException;
import dev.todoai.application.port.in.TaskPatch;
import dev.todoai.application.port.in.VersionMismatchException;
import dev.todoai.application.port.out.TaskToolsPort;
import dev.todoai.domain.reminder.Reminder;
import dev.todoai.domain.reminder.ReminderId;
import dev.todoai.domain.reminder.ReminderSpec;
import dev.todoai.domain.shared.InvalidValueException;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskFilter;
import dev.todoai.domain.task.TaskId;
import dev.todoai.domain.task.TaskPage;
import dev.todoai.domain.task.TaskPageRequest;
import dev.todoai.domain.task.TaskSort;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Runs the task tools of {@link TaskToolCatalog} for a user: JSON-like arguments are read into the
 * contract's input records (the ones the REST API reads, with its messages), turned into the same
 * commands and answered with the same views, as JSON-like values. Bad input is an error result
 * naming the argument ({@code "priority: must be one of none, low, ..."}), never an exception.
 */
public final class TaskTools implements TaskToolsPort {
  public static final String USER_MISMATCH = "user_id does not match the authenticated user";
  static final int SEARCH_DEFAULT_LIMIT = 20;
  private static final Pattern WHOLE = Pattern.compile("[0-9]{1,18}");

  private final AddTaskUseCase addTask;
  private final GetTaskQuery getTask;
  private final ListTasksQuery listTasks;
  private final PatchTaskUseCase patchTask;
  private final CompleteTaskUseCase completeTask;
  private final DeleteTaskUseCase deleteTask;
  private final SetReminderUseCase setReminder;
  private final ListRemindersQuery listReminders;
  private final DeleteReminderUseCase deleteReminder;
  private final DescribeRecurrenceQuery describeRecurrence;

  public TaskTools(
      AddTaskUseCase addTask,
      GetTaskQuery getTask,
      ListTasksQuery listTasks,
      PatchTaskUseCase patchTask,
      CompleteTaskUseCase completeTask,
      DeleteTaskUseCase deleteTask,
      SetReminderUseCase setReminder,
      ListRemindersQuery listReminders,
      DeleteReminderUseCase deleteReminder,
      DescribeRecurrenceQuery describeRecurrence) {
    this.addTask = Objects.requireNonNull(addTask, "addTask");
    this.getTask = Objects.requireNonNull(getTask, "getTask");
    this.listTasks = Objects.requireNonNull(listTasks, "listTasks");
    this.patchTask = Objects.requireNonNull(patchTask, "patchTask");
    this.completeTask = Objects.requireNonNull(completeTask, "completeTask");
    this.deleteTask = Objects.requireNonNull(deleteTask, "deleteTask");
    this.setReminder = Objects.requireNonNull(setReminder, "setReminder");
    this.listReminders = Objects.requireNonNull(listReminders, "listReminders");
    this.deleteReminder = Objects.requireNonNull(deleteReminder, "deleteReminder");
    this.describeRecurrence = Objects.requireNonNull(describeRecurrence, "describeRecurrence");
  }

  @Override
  public ToolInvoker asUser(UserId user) {
    Objects.requireNonNull(user, "user");
    return (tool, arguments) -> call(user, tool, arguments);
  }

  static final String OUT_OF_RANGE =
      "arguments: hold a number out of range (whole numbers must fit in 64 bits)";

  /** Runs one tool for {@code user}; bad input and unknown ids are error results. */
  public ToolResult call(UserId user, String tool, Map<String, Object> arguments) {
    Objects.requireNonNull(user, "user");
    if (tool == null || !TaskToolCatalog.NAMES.contains(tool)) {
      return ToolResult.error(
          "tool: unknown tool '"
              + tool
              + "'; known are "
              + String.join(", ", TaskToolCatalog.NAMES));
    }
    Map<String, Object> args = new LinkedHashMap<>(arguments == null ? Map.of() : arguments);
    Object claimed = args.remove(USER_ID);
    if (claimed != null && !user.value().equals(String.valueOf(claimed))) {
      return ToolResult.error(USER_MISMATCH);
    }
    JsonNode tree;
    try {
      tree = JsonInput.tree(args);
    } catch (IllegalArgumentException e) {
      // e.g. a whole number beyond 64 bits, which no argument can hold
      return ToolResult.error(OUT_OF_RANGE);
    }
    try {
      return ToolResult.ok(run(user, tool, ids(tree)));
    } catch (InvalidInputException e) {
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

  /**
   * Ids as a path segment would carry them: digits in a string, or a whole number written as a
   * decimal, are the number (models often quote ids).
   */
  private static JsonNode ids(JsonNode args) {
    for (String member : List.of(TASK_ID, REMINDER_ID)) {
      JsonNode id = args.get(member);
      if (id != null && id.isTextual() && WHOLE.matcher(id.textValue()).matches()) {
        ((ObjectNode) args).put(member, Long.parseLong(id.textValue()));
      } else if (id != null
          && id.isFloatingPointNumber()
          && id.canConvertToExactIntegral()
          && id.canConvertToLong()) {
        ((ObjectNode) args).put(member, id.longValue());
      }
    }
    return args;
  }

  private Object run(UserId user, String tool, JsonNode args) {
    return switch (tool) {
      case TaskToolCatalog.ADD_TASK -> add(user, args);
      case TaskToolCatalog.LIST_TASKS -> list(user, args);
      case TaskToolCatalog.GET_TASK -> view(getTask.get(user, taskId(args)));
      case TaskToolCatalog.UPDATE_TASK -> update(user, args);
      case TaskToolCatalog.COMPLETE_TASK -> complete(user, args);
      case TaskToolCatalog.DELETE_TASK -> delete(user, args);
      case TaskToolCatalog.SEARCH_TASKS -> search(user, args);
      case TaskToolCatalog.SET_REMINDER -> setReminder(user, args);
      case TaskToolCatalog.LIST_REMINDERS -> listReminders(user, args);
      case TaskToolCatalog.DELETE_REMINDER -> deleteReminder(user, args);
      default -> throw new IllegalStateException("unhandled tool " + tool);
    };
  }

  private Object add(UserId user, JsonNode args) {
    FieldErrors errors = new FieldErrors();
    TaskInput input = read(args, TaskInput.class, errors);
    Draft draft = TaskInputs.draft(input, names(args), true, errors);
    errors.throwIfAny();
    Task task =
        addTask
            .add(new AddTaskCommand(user, draft.details(), null, null, draft.reminders()))
            .task();
    return view(task);
  }

  private Object update(UserId user, JsonNode args) {
    FieldErrors errors = new FieldErrors();
    TaskId id = taskId(args, errors, TASK_ID);
    ObjectNode fields = without(args, TASK_ID);
    TaskInput input = read(fields, TaskInput.class, errors, TASK_ID);
    TaskPatch patch = TaskInputs.patch(input, names(fields), errors);
    errors.throwIfAny();
    return view(patchTask.patch(new PatchTaskCommand(user, id, patch, null)));
  }

  private Object complete(UserId user, JsonNode args) {
    FieldErrors errors = new FieldErrors();
    ToolArguments.Completion input = read(args, ToolArguments.Completion.class, errors);
    TaskId id = taskId(input.taskId(), TASK_ID, errors);
    errors.throwIfAny();
    Boolean completed = input.completed() == null ? Boolean.TRUE : input.completed();
    return view(completeTask.complete(new CompleteTaskCommand(user, id, completed, null)));
  }

  private Object delete(UserId user, JsonNode args) {
    TaskId id = taskId(args);
    deleteTask.delete(new DeleteTaskCommand(user, id, null));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("deleted", true);
    result.put(TASK_ID, id.value());
    return result;
  }

  private Object list(UserId user, JsonNode args) {
    FieldErrors errors = new FieldErrors();
    ObjectNode lists = (ObjectNode) args.deepCopy();
    for (String member : ToolArguments.LIST_MEMBERS) {
      JsonNode value = lists.get(member);
      if (value != null && value.isTextual()) {
        lists.putArray(member).add(value.textValue());
      }
    }
    TaskListInput input = read(lists, TaskListInput.class, errors);
    Query query =
        TaskInputs.query(input, TaskFilter.Status.PENDING, TaskPageRequest.DEFAULT_LIMIT, errors);
    errors.throwIfAny();
    TaskPage page = listTasks.list(user, query.filter(), query.sort(), query.page());
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("tasks", views(page.items()));
    result.put("next_cursor", page.nextCursor());
    return result;
  }

  private Object search(UserId user, JsonNode args) {
    FieldErrors errors = new FieldErrors();
    ToolArguments.Search input = read(args, ToolArguments.Search.class, errors);
    String text = input.query();
    if (!errors.has("query")) {
      if (text == null) {
        errors.add("query", "is required");
      } else if (text.isBlank()) {
        errors.add("query", "must not be blank");
      } else if (text.codePointCount(0, text.length()) > TaskInputs.MAX_SEARCH) {
        errors.add("query", "must be at most " + TaskInputs.MAX_SEARCH + " characters");
      }
    }
    int limit = SEARCH_DEFAULT_LIMIT;
    if (input.limit() != null) {
      if (input.limit() < 1 || input.limit() > TaskPageRequest.MAX_LIMIT) {
        errors.add("limit", ToolArguments.LIMIT);
      } else {
        limit = input.limit();
      }
    }
    errors.throwIfAny();
    List<Task> found = new ArrayList<>(matching(user, TaskFilter.Status.PENDING, text, limit));
    if (found.size() < limit) {
      found.addAll(matching(user, TaskFilter.Status.COMPLETED, text, limit - found.size()));
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("tasks", views(found));
    return result;
  }

  private List<Task> matching(UserId user, TaskFilter.Status status, String text, int limit) {
    TaskFilter filter = new TaskFilter(status, null, null, null, null, null, null, null, text);
    return listTasks.list(user, filter, TaskSort.DEFAULT, TaskPageRequest.first(limit)).items();
  }

  private Object setReminder(UserId user, JsonNode args) {
    FieldErrors errors = new FieldErrors();
    TaskId id = taskId(args, errors, TASK_ID);
    ReminderInput input = read(without(args, TASK_ID), ReminderInput.class, errors, TASK_ID);
    ReminderSpec spec = TaskInputs.reminder(input, "", "remind_at", errors);
    errors.throwIfAny();
    Reminder reminder = setReminder.set(new SetReminderCommand(user, id, spec));
    return plain(ReminderView.of(reminder));
  }

  private Object listReminders(UserId user, JsonNode args) {
    TaskId id = taskId(args);
    List<Object> reminders = new ArrayList<>();
    listReminders.forTask(user, id).forEach(r -> reminders.add(plain(ReminderView.of(r))));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put(TASK_ID, id.value());
    result.put("reminders", reminders);
    return result;
  }

  private Object deleteReminder(UserId user, JsonNode args) {
    FieldErrors errors = new FieldErrors();
    ToolArguments.ReminderId input = read(args, ToolArguments.ReminderId.class, errors);
    TaskId id = taskId(input.taskId(), TASK_ID, errors);
    Long reminder = positive(input.reminderId(), REMINDER_ID, errors);
    errors.throwIfAny();
    deleteReminder.delete(user, id, new ReminderId(reminder));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("deleted", true);
    result.put(TASK_ID, id.value());
    result.put(REMINDER_ID, reminder);
    return result;
  }

  /** The task of a tool that takes only a task id. */
  private static TaskId taskId(JsonNode args) {
    FieldErrors errors = new FieldErrors();
    ToolArguments.TaskId input = read(args, ToolArguments.TaskId.class, errors);
    TaskId id = taskId(input.taskId(), TASK_ID, errors);
    errors.throwIfAny();
    return id;
  }

  /** The task id member of arguments that carry more (update_task, set_reminder). */
  private static TaskId taskId(JsonNode args, FieldErrors errors, String member) {
    ObjectNode only = JsonInput.object();
    if (args.has(member)) {
      only.set(member, args.get(member));
    }
    ToolArguments.TaskId input =
        JsonInput.read(only, ToolArguments.TaskId.class, "", JsonInput.UnknownMember.FIELD, errors);
    return taskId(input.taskId(), member, errors);
  }

  private static TaskId taskId(Long value, String member, FieldErrors errors) {
    Long id = positive(value, member, errors);
    return id == null ? null : new TaskId(id);
  }

  private static Long positive(Long value, String member, FieldErrors errors) {
    if (errors.has(member)) {
      return null;
    }
    if (value == null) {
      errors.add(member, "is required");
      return null;
    }
    if (value < 1) {
      errors.add(member, ToolArguments.POSITIVE);
      return null;
    }
    return value;
  }

  /**
   * Reads arguments into an input record; an unknown argument's message lists every argument the
   * tool knows ({@code extra} ones and {@code user_id} too).
   */
  private static <R extends Record> R read(
      JsonNode args, Class<R> type, FieldErrors errors, String... extra) {
    return JsonInput.read(
        args,
        type,
        "",
        (name, known) -> {
          Set<String> all = new TreeSet<>(known);
          all.addAll(List.of(extra));
          all.add(USER_ID);
          return "is not a known argument; known are " + String.join(", ", all);
        },
        errors);
  }

  private static ObjectNode without(JsonNode args, String member) {
    ObjectNode rest = (ObjectNode) args.deepCopy();
    rest.remove(member);
    return rest;
  }

  private static Set<String> names(JsonNode args) {
    Set<String> names = new LinkedHashSet<>();
    args.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private Map<String, Object> view(Task task) {
    return plain(TaskView.of(task, describeRecurrence.describe(task)));
  }

  private List<Object> views(Collection<Task> tasks) {
    List<Object> views = new ArrayList<>(tasks.size());
    tasks.forEach(task -> views.add(view(task)));
    return views;
  }

  /** A view as JSON-like values (maps keep member order; nulls and empty values are kept). */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> plain(Record view) {
    return (Map<String, Object>) JsonInput.plain(JsonInput.tree(view));
  }
}
