package dev.todoai.application.tools;

import dev.todoai.domain.reminder.ReminderSpec;
import dev.todoai.domain.shared.InvalidValueException;
import dev.todoai.domain.shared.IsoText;
import dev.todoai.domain.task.Description;
import dev.todoai.domain.task.Due;
import dev.todoai.domain.task.Priority;
import dev.todoai.domain.task.RecurrenceAnchor;
import dev.todoai.domain.task.RecurrenceRule;
import dev.todoai.domain.task.Tag;
import dev.todoai.domain.task.Tags;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskDetails;
import dev.todoai.domain.task.TaskFilter;
import dev.todoai.domain.task.TaskFilter.DueBound;
import dev.todoai.domain.task.TaskTimeZone;
import dev.todoai.domain.task.Title;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns tool arguments into task details, reminder specs and list filters, the way the REST API
 * reads its request bodies: the domain's value objects decide what is valid, this class checks JSON
 * types and formats and names the arguments.
 */
final class TaskArgumentParser {
  static final List<String> EDITABLE =
      List.of(
          "title",
          "description",
          "priority",
          "tags",
          "due_at",
          "due_date",
          "time_zone",
          "recurrence_rule",
          "recurrence_anchor");
  static final String RECURRENCE_PRESET = "recurrence";
  static final String REMINDERS = "reminders";
  static final String COMPLETED = "completed";
  static final String REMIND_AT = "remind_at";
  static final String BEFORE_DUE = "before_due";
  static final String TIME_OF_DAY = "time_of_day";
  static final List<String> REMINDER_FIELDS = List.of(REMIND_AT, BEFORE_DUE, TIME_OF_DAY);
  private static final int MAX_SEARCH = 200;

  private TaskArgumentParser() {}

  /** The arguments that describe a task (add_task; update_task adds task_id and completed). */
  static List<String> taskFields() {
    List<String> fields = new ArrayList<>(EDITABLE);
    fields.add(RECURRENCE_PRESET);
    fields.add(REMINDERS);
    return fields;
  }

  /** Task details from a complete set of fields; null (with errors recorded) when invalid. */
  static TaskDetails details(ToolArguments args) {
    ToolErrors errors = args.errors();
    int before = errors.size();
    Title title = null;
    if (!args.hasValue("title")) {
      errors.add("title", "is required");
    } else {
      String text = args.string("title");
      title = text == null ? null : errors.attempt(() -> new Title(text));
    }
    String descriptionText = args.string("description");
    Description description =
        descriptionText == null ? null : errors.attempt(() -> new Description(descriptionText));
    String priorityText = args.string("priority");
    Priority priority =
        priorityText == null
            ? null
            : errors.attempt(() -> Priority.fromApiName("priority", priorityText));
    List<String> tagTexts = args.stringArray("tags");
    Tags tags = tagTexts == null ? null : errors.attempt(() -> Tags.of(tagTexts));
    Instant dueAt = ToolArguments.instant(args.string("due_at"), "due_at", errors);
    LocalDate dueDate = ToolArguments.date(args.string("due_date"), "due_date", errors);
    Due due = null;
    if (!errors.has("due_at") && !errors.has("due_date")) {
      due = errors.attempt(() -> Due.of(dueAt, dueDate));
    }
    String zoneText = args.string("time_zone");
    TaskTimeZone zone = zoneText == null ? null : errors.attempt(() -> TaskTimeZone.of(zoneText));
    String ruleText = args.string(RecurrenceRule.FIELD);
    String presetText = args.string(RECURRENCE_PRESET);
    RecurrenceRule rule = null;
    if (ruleText != null && presetText != null) {
      errors.add(RECURRENCE_PRESET, "give either recurrence_rule or recurrence, not both");
    } else if (ruleText != null) {
      rule = errors.attempt(() -> new RecurrenceRule(ruleText));
    } else if (presetText != null) {
      rule = errors.attempt(() -> RecurrenceRule.fromPreset(presetText));
    }
    String anchorText = args.string("recurrence_anchor");
    RecurrenceAnchor anchor =
        anchorText == null
            ? null
            : errors.attempt(() -> RecurrenceAnchor.fromApiName("recurrence_anchor", anchorText));
    if (errors.size() > before) {
      return null;
    }
    Title checkedTitle = title;
    Due checkedDue = due;
    RecurrenceRule checkedRule = rule;
    return errors.attempt(
        () ->
            new TaskDetails(
                checkedTitle, description, priority, tags, checkedDue, zone, checkedRule, anchor));
  }

  /**
   * The full field set after merging the given arguments into {@code current}: only named fields
   * change, null clears, and setting due_at (due_date) clears due_date (due_at) unless both are
   * named; a recurrence preset replaces the rule.
   */
  static Map<String, Object> merge(Task current, ToolArguments patch) {
    Map<String, Object> merged = new LinkedHashMap<>(ToolJson.editable(current));
    for (String field : EDITABLE) {
      if (patch.has(field)) {
        merged.put(field, patch.raw(field));
      }
    }
    if (patch.has("title") && !patch.hasValue("title")) {
      patch.errors().add("title", "cannot be removed: a task needs a title");
      merged.put("title", current.details().title().value());
    }
    if (patch.has(RECURRENCE_PRESET)) {
      merged.put(RECURRENCE_PRESET, patch.raw(RECURRENCE_PRESET));
    }
    clearsTheOther(patch, merged, "due_at", "due_date");
    clearsTheOther(patch, merged, "due_date", "due_at");
    clearsTheOther(patch, merged, RECURRENCE_PRESET, RecurrenceRule.FIELD);
    return merged;
  }

  private static void clearsTheOther(
      ToolArguments patch, Map<String, Object> merged, String set, String other) {
    if (patch.hasValue(set) && !patch.has(other)) {
      merged.put(other, null);
    }
  }

  /**
   * The {@code reminders} argument: null when absent, else one spec per element ({@code null} when
   * {@code nullMeansNone} is set counts as an empty list).
   */
  static List<ReminderSpec> reminders(ToolArguments args, boolean nullMeansNone) {
    if (!args.hasValue(REMINDERS)) {
      return args.has(REMINDERS) && nullMeansNone ? List.of() : null;
    }
    ToolErrors errors = args.errors();
    List<Map<?, ?>> objects =
        args.objectArray(
            REMINDERS, "must be an array of reminder objects, e.g. [{\"before_due\":\"PT1H\"}]");
    if (objects == null) {
      return null;
    }
    List<ReminderSpec> specs = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      String element = REMINDERS + "[" + i + "]";
      Map<?, ?> object = objects.get(i);
      if (object == null) {
        errors.add(element, "must be an object with remind_at or before_due");
        continue;
      }
      ReminderSpec spec = reminder(object, element + ".", element, errors);
      if (spec != null) {
        specs.add(spec);
      }
    }
    return specs;
  }

  /** One reminder from an object; {@code prefix} goes before each field name in errors. */
  static ReminderSpec reminder(
      Map<?, ?> object, String prefix, String objectField, ToolErrors errors) {
    int before = errors.size();
    for (Object name : object.keySet()) {
      if (!REMINDER_FIELDS.contains(String.valueOf(name))) {
        errors.add(
            prefix + name, "is not a known field; known are " + String.join(", ", REMINDER_FIELDS));
      }
    }
    String remindAtText = text(object, REMIND_AT, prefix, errors);
    String beforeDueText = text(object, BEFORE_DUE, prefix, errors);
    String timeText = text(object, TIME_OF_DAY, prefix, errors);
    boolean hasRemindAt = object.get(REMIND_AT) != null;
    boolean hasBeforeDue = object.get(BEFORE_DUE) != null;
    if (hasRemindAt && hasBeforeDue) {
      errors.add(prefix + REMIND_AT, "give either remind_at or before_due, not both");
    } else if (!hasRemindAt && !hasBeforeDue) {
      errors.add(objectField, "give either remind_at (an instant) or before_due (a duration)");
    }
    if (hasRemindAt && object.get(TIME_OF_DAY) != null) {
      errors.add(prefix + TIME_OF_DAY, "only applies together with before_due");
    }
    Instant remindAt = remindAt(remindAtText, prefix + REMIND_AT, errors);
    Duration beforeDue = ToolArguments.duration(beforeDueText, prefix + BEFORE_DUE, errors);
    LocalTime timeOfDay = ToolArguments.time(timeText, prefix + TIME_OF_DAY, errors);
    if (errors.size() > before) {
      return null;
    }
    try {
      return new ReminderSpec(remindAt, beforeDue, timeOfDay);
    } catch (InvalidValueException e) {
      errors.add(prefix + e.field(), e.getMessage());
      return null;
    }
  }

  private static Instant remindAt(String text, String field, ToolErrors errors) {
    if (text != null && ToolArguments.isDate(text)) {
      errors.add(field, IsoText.INSTANT_HINT);
      return null;
    }
    return ToolArguments.instant(text, field, errors);
  }

  private static String text(Map<?, ?> object, String name, String prefix, ToolErrors errors) {
    Object value = object.get(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s)) {
      errors.add(prefix + name, "must be a string");
      return null;
    }
    return s;
  }

  /** The list_tasks filter; {@code defaultStatus} applies when status is absent. */
  static TaskFilter filter(ToolArguments args, TaskFilter.Status defaultStatus) {
    ToolErrors errors = args.errors();
    TaskFilter.Status status = args.choice("status", TaskFilter.Status.values());
    Set<Priority> priorities = new LinkedHashSet<>();
    for (String item : args.stringList("priority")) {
      Priority priority = errors.attempt(() -> Priority.fromApiName("priority", item));
      if (priority != null) {
        priorities.add(priority);
      }
    }
    Set<Tag> tags = new LinkedHashSet<>();
    for (String item : args.stringList("tags")) {
      Tag tag = errors.attempt(() -> new Tag(item));
      if (tag != null) {
        tags.add(tag);
      }
    }
    TaskFilter.TagMode tagMode = args.choice("tag_mode", TaskFilter.TagMode.values());
    DueBound dueAfter = dueBound(args.string("due_after"), "due_after", errors);
    DueBound dueBefore = dueBound(args.string("due_before"), "due_before", errors);
    Boolean overdue = args.bool("overdue");
    Boolean hasDue = args.bool("has_due");
    String search = search(args.string("search"), "search", errors);
    return new TaskFilter(
        status == null ? defaultStatus : status,
        priorities,
        tags,
        tagMode,
        dueAfter,
        dueBefore,
        overdue,
        hasDue,
        search);
  }

  /** A search text: at most 200 characters; null when empty. */
  static String search(String text, String field, ToolErrors errors) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    if (text.codePointCount(0, text.length()) > MAX_SEARCH) {
      errors.add(field, "must be at most " + MAX_SEARCH + " characters");
      return null;
    }
    return text;
  }

  private static DueBound dueBound(String text, String name, ToolErrors errors) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    if (ToolArguments.isDate(text)) {
      LocalDate date = ToolArguments.date(text, name, errors);
      return date == null ? null : DueBound.of(date);
    }
    Instant instant = ToolArguments.instant(text, name, new ToolErrors());
    if (instant == null) {
      errors.add(
          name,
          "must be a date like 2026-01-31 or a date-time with offset like 2026-01-31T09:00:00Z");
      return null;
    }
    return DueBound.of(instant);
  }
}
