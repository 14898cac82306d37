package dev.todoai.adapter.contract;

import dev.todoai.application.port.in.FieldPatch;
import dev.todoai.application.port.in.TaskPatch;
import dev.todoai.domain.reminder.ReminderSpec;
import dev.todoai.domain.shared.InvalidValueException;
import dev.todoai.domain.task.Description;
import dev.todoai.domain.task.Due;
import dev.todoai.domain.task.Priority;
import dev.todoai.domain.task.RecurrenceAnchor;
import dev.todoai.domain.task.RecurrenceRule;
import dev.todoai.domain.task.Tag;
import dev.todoai.domain.task.Tags;
import dev.todoai.domain.task.TaskDetails;
import dev.todoai.domain.task.TaskFilter;
import dev.todoai.domain.task.TaskFilter.DueBound;
import dev.todoai.domain.task.TaskPageRequest;
import dev.todoai.domain.task.TaskSort;
import dev.todoai.domain.task.TaskTimeZone;
import dev.todoai.domain.task.Title;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns the contract's input records into the application's commands, field by field, collecting
 * every error under the field's API name. The domain's value objects decide what is valid; this
 * class maps API spellings (names, text forms of time, presets) to them.
 */
public final class TaskInputs {
  public static final String TITLE = "title";
  public static final String RULE = "recurrence_rule";
  public static final int MAX_SEARCH = 200;
  private static final String BOTH_RULES = "give either recurrence_rule or recurrence, not both";

  /** A task as a whole (POST, PUT, add_task): details, wanted completion, reminders. */
  public record Draft(TaskDetails details, Boolean completed, List<ReminderSpec> reminders) {}

  /** What a list request asks for. */
  public record Query(TaskFilter filter, TaskSort sort, TaskPageRequest page) {}

  private TaskInputs() {}

  /**
   * The whole task; null (with errors recorded) when invalid.
   *
   * @param named the members the input names (a creation may not name {@code completed})
   */
  public static Draft draft(TaskInput in, Set<String> named, boolean creating, FieldErrors errors) {
    if (creating && named.contains(TaskInput.COMPLETED)) {
      errors.add(TaskInput.COMPLETED, "cannot be set when creating a task; complete it afterwards");
    }
    Title title = null;
    if (in.title() == null) {
      if (!errors.has(TITLE)) {
        errors.add(TITLE, "is required");
      }
    } else {
      title = errors.attempt(() -> new Title(in.title()));
    }
    Description description = parse(in.description(), Description::new, errors);
    Priority priority =
        parse(in.priority(), t -> ApiNames.parse(Priority.class, "priority", t), errors);
    Tags tags = in.tags() == null ? null : errors.attempt(() -> Tags.of(in.tags()));
    Instant dueAt =
        parse(in.dueAt(), t -> ApiTime.instant(t, "due_at", ApiTime.DUE_DATE_HINT), errors);
    LocalDate dueDate = parse(in.dueDate(), t -> ApiTime.date(t, "due_date"), errors);
    Due due = null;
    if (!errors.has("due_at") && !errors.has("due_date")) {
      due = errors.attempt(() -> Due.of(dueAt, dueDate));
    }
    TaskTimeZone zone = parse(in.timeZone(), TaskTimeZone::of, errors);
    RecurrenceRule rule = null;
    if (in.recurrenceRule() != null && in.recurrence() != null) {
      errors.add(TaskInput.RECURRENCE_PRESET, BOTH_RULES);
    } else if (in.recurrenceRule() != null) {
      rule = errors.attempt(() -> new RecurrenceRule(in.recurrenceRule()));
    } else if (in.recurrence() != null) {
      rule = errors.attempt(() -> preset(in.recurrence()));
    }
    RecurrenceAnchor anchor = anchor(in.recurrenceAnchor(), errors);
    List<ReminderSpec> reminders = reminders(in.reminders(), TaskInput.REMINDERS, errors);
    if (!errors.isEmpty()) {
      return null;
    }
    Title checkedTitle = title;
    Due checkedDue = due;
    RecurrenceRule checkedRule = rule;
    TaskDetails details =
        errors.attempt(
            () ->
                new TaskDetails(
                    checkedTitle,
                    description,
                    priority,
                    tags,
                    checkedDue,
                    zone,
                    checkedRule,
                    anchor));
    return details == null ? null : new Draft(details, in.completed(), reminders);
  }

  /**
   * A partial change: each named member is cleared (null) or set; null (with errors recorded) when
   * invalid.
   */
  public static TaskPatch patch(TaskInput in, Set<String> named, FieldErrors errors) {
    if (named.contains(TITLE) && in.title() == null && !errors.has(TITLE)) {
      errors.add(TITLE, TaskPatch.TITLE_NEEDED);
    }
    if (named.contains(TaskInput.COMPLETED)
        && in.completed() == null
        && !errors.has(TaskInput.COMPLETED)) {
      errors.add(TaskInput.COMPLETED, TaskPatch.COMPLETION_IS_BOOLEAN);
    }
    FieldPatch<Title> title = field(named, TITLE, in.title(), Title::new, errors);
    FieldPatch<Description> description =
        field(named, "description", in.description(), Description::new, errors);
    FieldPatch<Priority> priority =
        field(
            named,
            "priority",
            in.priority(),
            t -> ApiNames.parse(Priority.class, "priority", t),
            errors);
    FieldPatch<Tags> tags = field(named, "tags", in.tags(), Tags::of, errors);
    FieldPatch<Instant> dueAt =
        field(
            named,
            "due_at",
            in.dueAt(),
            t -> ApiTime.instant(t, "due_at", ApiTime.DUE_DATE_HINT),
            errors);
    FieldPatch<LocalDate> dueDate =
        field(named, "due_date", in.dueDate(), t -> ApiTime.date(t, "due_date"), errors);
    FieldPatch<TaskTimeZone> zone =
        field(named, "time_zone", in.timeZone(), TaskTimeZone::of, errors);
    FieldPatch<RecurrenceRule> rule =
        field(named, RULE, in.recurrenceRule(), RecurrenceRule::new, errors);
    if (in.recurrence() != null) {
      if (in.recurrenceRule() != null) {
        errors.add(TaskInput.RECURRENCE_PRESET, BOTH_RULES);
      } else {
        RecurrenceRule fromPreset = errors.attempt(() -> preset(in.recurrence()));
        rule = fromPreset == null ? rule : FieldPatch.set(fromPreset);
      }
    }
    FieldPatch<RecurrenceAnchor> anchor =
        field(
            named,
            "recurrence_anchor",
            in.recurrenceAnchor(),
            t -> ApiNames.parse(RecurrenceAnchor.class, "recurrence_anchor", t),
            errors);
    FieldPatch<Boolean> completed =
        named.contains(TaskInput.COMPLETED) && in.completed() != null
            ? FieldPatch.set(in.completed())
            : FieldPatch.absent();
    FieldPatch<List<ReminderSpec>> reminders = FieldPatch.absent();
    if (named.contains(TaskInput.REMINDERS)) {
      List<ReminderSpec> specs = reminders(in.reminders(), TaskInput.REMINDERS, errors);
      reminders = FieldPatch.set(specs == null ? List.of() : specs);
    }
    if (!errors.isEmpty()) {
      return null;
    }
    return new TaskPatch(
        title,
        description,
        priority,
        tags,
        dueAt,
        dueDate,
        zone,
        rule,
        anchor,
        completed,
        reminders);
  }

  /** The reminders of a task input: null when absent, else one spec per element. */
  public static List<ReminderSpec> reminders(
      List<ReminderInput> inputs, String field, FieldErrors errors) {
    if (inputs == null) {
      return null;
    }
    List<ReminderSpec> specs = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      String element = field + "[" + i + "]";
      ReminderSpec spec = reminder(inputs.get(i), element + ".", element, errors);
      if (spec != null) {
        specs.add(spec);
      }
    }
    return specs;
  }

  /**
   * One reminder; {@code prefix} goes before each member's name in errors, {@code objectField}
   * names the whole object. Null (with errors recorded) when invalid or when {@code in} is null.
   */
  public static ReminderSpec reminder(
      ReminderInput in, String prefix, String objectField, FieldErrors errors) {
    if (in == null || errors.hasUnder(prefix) || errors.has(objectField)) {
      return null;
    }
    int before = errors.size();
    boolean hasRemindAt = in.remindAt() != null;
    boolean hasBeforeDue = in.beforeDue() != null;
    if (hasRemindAt && hasBeforeDue) {
      errors.add(prefix + "remind_at", "give either remind_at or before_due, not both");
      errors.add(prefix + "before_due", "give either remind_at or before_due, not both");
    } else if (!hasRemindAt && !hasBeforeDue) {
      errors.add(objectField, "give either remind_at (an instant) or before_due (a duration)");
    }
    if (hasRemindAt && in.timeOfDay() != null) {
      errors.add(prefix + "time_of_day", "only applies together with before_due");
    }
    Instant remindAt =
        in.remindAt() == null
            ? null
            : errors.attempt(() -> ApiTime.instant(in.remindAt(), prefix + "remind_at", ""));
    Duration beforeDue =
        in.beforeDue() == null
            ? null
            : errors.attempt(() -> ApiTime.duration(in.beforeDue(), prefix + "before_due"));
    LocalTime timeOfDay =
        in.timeOfDay() == null
            ? null
            : errors.attempt(() -> ApiTime.timeOfDay(in.timeOfDay(), prefix + "time_of_day"));
    if (errors.size() > before) {
      return null;
    }
    return errors.attempt(prefix, () -> new ReminderSpec(remindAt, beforeDue, timeOfDay));
  }

  /**
   * What to list; null (with errors recorded) when invalid.
   *
   * @param defaultStatus the status when the input names none
   */
  public static Query query(
      TaskListInput in, TaskFilter.Status defaultStatus, int defaultLimit, FieldErrors errors) {
    int before = errors.size();
    TaskFilter.Status status = choice(TaskFilter.Status.class, "status", in.status(), errors);
    Set<Priority> priorities = new LinkedHashSet<>();
    for (String item : items(in.priority())) {
      Priority priority = errors.attempt(() -> ApiNames.parse(Priority.class, "priority", item));
      if (priority != null) {
        priorities.add(priority);
      }
    }
    Set<Tag> tags = new LinkedHashSet<>();
    for (String item : items(in.tags())) {
      Tag tag = errors.attempt(() -> new Tag(item));
      if (tag != null) {
        tags.add(tag);
      }
    }
    TaskFilter.TagMode tagMode = choice(TaskFilter.TagMode.class, "tag_mode", in.tagMode(), errors);
    DueBound dueAfter = dueBound(in.dueAfter(), "due_after", errors);
    DueBound dueBefore = dueBound(in.dueBefore(), "due_before", errors);
    String search = in.search() == null || in.search().isEmpty() ? null : in.search();
    if (search != null && search.codePointCount(0, search.length()) > MAX_SEARCH) {
      errors.add("search", "must be at most " + MAX_SEARCH + " characters");
    }
    TaskSort.Field sortBy = choice(TaskSort.Field.class, "sort_by", in.sortBy(), errors);
    TaskSort.Order sortOrder = choice(TaskSort.Order.class, "sort_order", in.sortOrder(), errors);
    int limit = defaultLimit;
    if (in.limit() != null) {
      if (in.limit() < 1 || in.limit() > TaskPageRequest.MAX_LIMIT) {
        errors.add("limit", limitHint());
      } else {
        limit = in.limit();
      }
    }
    if (errors.size() > before) {
      return null;
    }
    TaskFilter filter =
        new TaskFilter(
            status == null ? defaultStatus : status,
            priorities,
            tags,
            tagMode,
            dueAfter,
            dueBefore,
            in.overdue(),
            in.hasDue(),
            search);
    return new Query(
        filter,
        TaskSort.of(sortBy, sortOrder),
        new TaskPageRequest(
            limit, in.cursor() == null || in.cursor().isEmpty() ? null : in.cursor()));
  }

  /** The message for a page size out of range. */
  public static String limitHint() {
    return "must be a whole number from 1 to " + TaskPageRequest.MAX_LIMIT;
  }

  /**
   * The rule for a convenience name, anchored on the due (the series start supplies the weekday,
   * day of month and time).
   *
   * @throws InvalidValueException naming {@code recurrence}
   */
  public static RecurrenceRule preset(String name) {
    String rule =
        switch (name == null ? "" : name) {
          case "daily" -> "FREQ=DAILY";
          case "weekdays" -> "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR";
          case "weekly" -> "FREQ=WEEKLY";
          case "monthly" -> "FREQ=MONTHLY";
          case "yearly" -> "FREQ=YEARLY";
          default -> null;
        };
    if (rule == null) {
      throw new InvalidValueException(
          TaskInput.RECURRENCE_PRESET, "must be one of daily, weekdays, weekly, monthly, yearly");
    }
    return new RecurrenceRule(rule);
  }

  private static RecurrenceAnchor anchor(String text, FieldErrors errors) {
    return parse(text, t -> ApiNames.parse(RecurrenceAnchor.class, "recurrence_anchor", t), errors);
  }

  private static <T> T parse(String text, Function<String, T> parser, FieldErrors errors) {
    return text == null ? null : errors.attempt(() -> parser.apply(text));
  }

  private static <S, T> FieldPatch<T> field(
      Set<String> named, String name, S value, Function<S, T> parser, FieldErrors errors) {
    if (!named.contains(name)) {
      return FieldPatch.absent();
    }
    if (value == null) {
      return name.equals(TITLE) ? FieldPatch.absent() : FieldPatch.cleared();
    }
    T parsed = errors.attempt(() -> parser.apply(value));
    return parsed == null ? FieldPatch.absent() : FieldPatch.set(parsed);
  }

  private static <E extends Enum<E>> E choice(
      Class<E> type, String field, String text, FieldErrors errors) {
    return text == null || text.isEmpty()
        ? null
        : errors.attempt(() -> ApiNames.parse(type, field, text));
  }

  private static DueBound dueBound(String text, String field, FieldErrors errors) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    if (ApiTime.isDate(text)) {
      LocalDate date = errors.attempt(() -> ApiTime.date(text, field));
      return date == null ? null : DueBound.of(date);
    }
    try {
      return DueBound.of(ApiTime.instant(text, field, ""));
    } catch (InvalidValueException e) {
      errors.add(field, ApiTime.DUE_BOUND_HINT);
      return null;
    }
  }

  private static List<String> items(List<String> values) {
    List<String> items = new ArrayList<>();
    if (values != null) {
      for (String value : values) {
        for (String item : value.split(",", -1)) {
          if (!item.isBlank()) {
            items.add(item.strip());
          }
        }
      }
    }
    return items;
  }
}
