package dev.todoai.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.todoai.domain.reminder.ReminderSpec;
import dev.todoai.domain.shared.IsoText;
import dev.todoai.domain.task.Description;
import dev.todoai.domain.task.Due;
import dev.todoai.domain.task.Priority;
import dev.todoai.domain.task.RecurrenceAnchor;
import dev.todoai.domain.task.RecurrenceRule;
import dev.todoai.domain.task.Tags;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskDetails;
import dev.todoai.domain.task.TaskId;
import dev.todoai.domain.task.TaskTimeZone;
import dev.todoai.domain.task.Title;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns task request bodies (JSON trees) into {@link TaskDetails}, field by field, collecting every
 * error. Value objects of the domain decide what is valid; this class only checks JSON types and
 * formats and names the fields.
 */
final class TaskRequestParser {
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
  static final Set<String> READ_ONLY =
      Set.of(
          "id",
          "user_id",
          "completed_at",
          "is_recurring",
          "series_id",
          "created_at",
          "updated_at",
          "version",
          "recurrence_text");
  static final Set<String> RESERVED = Set.of();
  static final String RECURRENCE_PRESET = "recurrence";
  static final String COMPLETED = "completed";
  static final String REMINDERS = "reminders";

  private static final Pattern TASK_ID = Pattern.compile("[0-9]{1,18}");

  /**
   * What a request wants the task to become; {@code completed} is null when not given, {@code
   * reminders} is null when the request does not mention them.
   */
  record TaskInput(TaskDetails details, Boolean completed, List<ReminderSpec> reminders) {}

  /** Which request the body belongs to: a POST may not set {@code completed}. */
  enum Mode {
    CREATE,
    REPLACE
  }

  private TaskRequestParser() {}

  static TaskInput parse(JsonNode body, Mode mode) {
    FieldErrors errors = new FieldErrors();
    TaskInput input = parse(body, mode, errors);
    errors.throwIfAny();
    return input;
  }

  /** Parses into {@code errors}; returns null when there are any. */
  static TaskInput parse(JsonNode body, Mode mode, FieldErrors errors) {
    if (body == null) {
      errors.add(Json.BODY, "a JSON object is required");
      return null;
    }
    if (!body.isObject()) {
      errors.add(Json.BODY, "must be a JSON object");
      return null;
    }
    checkFieldNames(body, mode, errors);

    Title title = null;
    JsonNode titleNode = body.get("title");
    if (titleNode == null || titleNode.isNull()) {
      errors.add("title", "is required");
    } else if (!titleNode.isTextual()) {
      errors.add("title", "must be a string");
    } else {
      title = errors.attempt(() -> new Title(titleNode.textValue()));
    }
    String descriptionText = string(body, "description", errors);
    Description description =
        descriptionText == null ? null : errors.attempt(() -> new Description(descriptionText));
    String priorityText = string(body, "priority", errors);
    Priority priority =
        priorityText == null
            ? null
            : errors.attempt(() -> Priority.fromApiName("priority", priorityText));
    Tags tags = tags(body, errors);
    Instant dueAt = dueAt(body, errors);
    LocalDate dueDate = date(string(body, "due_date", errors), "due_date", errors);
    Due due = null;
    if (!errors.has("due_at") && !errors.has("due_date")) {
      due = errors.attempt(() -> Due.of(dueAt, dueDate));
    }
    String zoneText = string(body, "time_zone", errors);
    TaskTimeZone zone = zoneText == null ? null : errors.attempt(() -> TaskTimeZone.of(zoneText));
    String ruleText = string(body, RecurrenceRule.FIELD, errors);
    String presetText = string(body, RECURRENCE_PRESET, errors);
    RecurrenceRule rule = null;
    if (ruleText != null && presetText != null) {
      errors.add(RECURRENCE_PRESET, "give either recurrence_rule or recurrence, not both");
    } else if (ruleText != null) {
      rule = errors.attempt(() -> new RecurrenceRule(ruleText));
    } else if (presetText != null) {
      rule = errors.attempt(() -> RecurrenceRule.fromPreset(presetText));
    }
    String anchorText = string(body, "recurrence_anchor", errors);
    RecurrenceAnchor anchor =
        anchorText == null
            ? null
            : errors.attempt(() -> RecurrenceAnchor.fromApiName("recurrence_anchor", anchorText));
    Boolean completed = completed(body, errors);
    List<ReminderSpec> reminders =
        ReminderRequestParser.parseList(body.get(REMINDERS), REMINDERS, errors);
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
    return details == null ? null : new TaskInput(details, completed, reminders);
  }

  /**
   * Applies a JSON merge patch to the editable fields of {@code current} and parses the result as a
   * PUT body. Setting one of due_at/due_date to a value clears the other unless the patch names it.
   * {@code reminders} is replaced whole when the patch names it ({@code null} removes the pending
   * ones, like {@code []}) and left alone otherwise.
   */
  static TaskInput patch(Task current, JsonNode patch) {
    FieldErrors errors = new FieldErrors();
    if (patch == null) {
      throw RequestValidationException.of(Json.BODY, "a JSON merge patch object is required");
    }
    if (!patch.isObject()) {
      throw RequestValidationException.of(Json.BODY, "must be a JSON object (a JSON merge patch)");
    }
    ObjectNode effective = ((ObjectNode) patch).deepCopy();
    if (effective.has("title") && effective.get("title").isNull()) {
      errors.add("title", "cannot be removed: a task needs a title");
      effective.remove("title");
    }
    if (effective.has(COMPLETED) && effective.get(COMPLETED).isNull()) {
      errors.add(COMPLETED, "must be true or false");
      effective.remove(COMPLETED);
    }
    if (effective.has(REMINDERS) && effective.get(REMINDERS).isNull()) {
      effective.putArray(REMINDERS);
    }
    clearsTheOtherDue(effective, "due_at", "due_date");
    clearsTheOtherDue(effective, RECURRENCE_PRESET, RecurrenceRule.FIELD);
    clearsTheOtherDue(effective, "due_date", "due_at");
    READ_ONLY.forEach(effective::remove);
    JsonNode merged = MergePatch.apply(TaskJson.editable(current), effective);
    TaskInput input = parse(merged, Mode.REPLACE, errors);
    errors.throwIfAny();
    return input;
  }

  /** A task id from a path segment: a positive number. */
  static TaskId taskId(String text, FieldErrors errors) {
    return taskId(text, "id", errors);
  }

  /** A task id from the path segment that {@code field} names. */
  static TaskId taskId(String text, String field, FieldErrors errors) {
    if (text == null || !TASK_ID.matcher(text).matches() || Long.parseLong(text) < 1) {
      errors.add(field, "must be a positive number");
      return null;
    }
    return errors.attempt(() -> new TaskId(Long.parseLong(text)));
  }

  static TaskId taskId(String text) {
    FieldErrors errors = new FieldErrors();
    TaskId id = taskId(text, errors);
    errors.throwIfAny();
    return id;
  }

  /** Parses an ISO-8601 date-time with offset (or Z) into an instant; null after an error. */
  static Instant instant(String text, String field, FieldErrors errors) {
    return text == null
        ? null
        : errors.attempt(() -> IsoText.instant(text, field, " (for a whole day use due_date)"));
  }

  /** Parses a calendar date {@code YYYY-MM-DD}; null after an error. */
  static LocalDate date(String text, String field, FieldErrors errors) {
    return text == null ? null : errors.attempt(() -> IsoText.date(text, field));
  }

  private static void checkFieldNames(JsonNode body, Mode mode, FieldErrors errors) {
    Iterator<String> names = body.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (EDITABLE.contains(name)
          || READ_ONLY.contains(name)
          || name.equals(REMINDERS)
          || name.equals(RECURRENCE_PRESET)) {
        continue;
      }
      if (name.equals(COMPLETED)) {
        if (mode == Mode.CREATE) {
          errors.add(name, "cannot be set when creating a task; complete it afterwards");
        }
      } else if (RESERVED.contains(name)) {
        errors.add(name, "is not supported yet");
      } else {
        errors.add(name, "is not a known field");
      }
    }
  }

  private static void clearsTheOtherDue(ObjectNode patch, String set, String other) {
    JsonNode value = patch.get(set);
    if (value != null && !value.isNull() && !patch.has(other)) {
      patch.putNull(other);
    }
  }

  private static String string(JsonNode body, String field, FieldErrors errors) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      errors.add(field, "must be a string or null");
      return null;
    }
    return node.textValue();
  }

  private static Tags tags(JsonNode body, FieldErrors errors) {
    JsonNode node = body.get("tags");
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isArray()) {
      errors.add("tags", "must be an array of strings");
      return null;
    }
    List<String> texts = new ArrayList<>();
    for (JsonNode element : node) {
      if (!element.isTextual()) {
        errors.add("tags", "must be an array of strings");
        return null;
      }
      texts.add(element.textValue());
    }
    return errors.attempt(() -> Tags.of(texts));
  }

  private static Instant dueAt(JsonNode body, FieldErrors errors) {
    return instant(string(body, "due_at", errors), "due_at", errors);
  }

  private static Boolean completed(JsonNode body, FieldErrors errors) {
    JsonNode node = body.get(COMPLETED);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isBoolean()) {
      errors.add(COMPLETED, "must be true or false");
      return null;
    }
    return node.booleanValue();
  }
}
