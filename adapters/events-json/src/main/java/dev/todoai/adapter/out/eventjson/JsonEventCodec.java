package dev.todoai.adapter.out.eventjson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.todoai.application.event.OutboundEvent;
import dev.todoai.application.event.ReminderMessage;
import dev.todoai.application.event.TaskEventMessage;
import dev.todoai.application.event.TaskUpdateMessage;
import dev.todoai.application.event.Topics;
import dev.todoai.application.event.UndecodableEventException;
import dev.todoai.application.port.out.EventCodecPort;
import dev.todoai.domain.shared.InvalidValueException;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Description;
import dev.todoai.domain.task.Due;
import dev.todoai.domain.task.Priority;
import dev.todoai.domain.task.RecurrenceAnchor;
import dev.todoai.domain.task.RecurrenceRule;
import dev.todoai.domain.task.SeriesId;
import dev.todoai.domain.task.Tags;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskDetails;
import dev.todoai.domain.task.TaskEvent;
import dev.todoai.domain.task.TaskId;
import dev.todoai.domain.task.TaskTimeZone;
import dev.todoai.domain.task.Title;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The version 1.0 JSON contracts of {@code contracts/events/}: {@code TaskEvent}, {@code
 * TaskUpdateEvent} and {@code ReminderEvent}. Decoding ignores unknown fields and refuses other
 * major versions.
 */
@Singleton
final class JsonEventCodec implements EventCodecPort {
  static final String SCHEMA_VERSION = "1.0";

  private final ObjectMapper mapper = new ObjectMapper();

  @Override
  public OutboundEvent encodeTaskEvent(TaskEvent event) {
    Task task = event.task();
    ObjectNode root = mapper.createObjectNode();
    root.put("schema_version", SCHEMA_VERSION);
    root.put("event_id", event.eventId().toString());
    root.put("event_type", wireName(event.type()));
    root.put("occurred_at", event.occurredAt().toString());
    root.put("user_id", task.userId().value());
    root.put("task_id", task.id().value());
    root.set("task", TaskSnapshotJson.write(mapper, task));
    ArrayNode changed = root.putArray("changed_fields");
    new TreeSet<>(event.changedFields()).forEach(changed::add);
    return new OutboundEvent(
        event.eventId(),
        Topics.TASK_EVENTS,
        wireName(event.type()),
        task.userId().value(),
        write(root));
  }

  @Override
  public OutboundEvent encodeTaskUpdate(TaskEvent event) {
    Task task = event.task();
    ObjectNode root = mapper.createObjectNode();
    root.put("schema_version", SCHEMA_VERSION);
    root.put("event_id", event.eventId().toString());
    root.put("event_type", wireName(event.type()));
    root.put("user_id", task.userId().value());
    root.put("task_id", task.id().value());
    root.put("occurred_at", event.occurredAt().toString());
    return new OutboundEvent(
        event.eventId(),
        Topics.TASK_UPDATES,
        wireName(event.type()),
        task.userId().value(),
        write(root));
  }

  @Override
  public TaskEventMessage decodeTaskEvent(String payload) {
    JsonNode root = readVersioned(payload);
    JsonNode taskNode = root.get("task");
    if (taskNode == null || !taskNode.isObject()) {
      throw new UndecodableEventException("TaskEvent has no task object");
    }
    List<String> changed = new ArrayList<>();
    JsonNode changedNode = root.get("changed_fields");
    if (changedNode != null && changedNode.isArray()) {
      changedNode.forEach(n -> changed.add(n.asText()));
    }
    Task task;
    try {
      task = TaskSnapshotJson.read(taskNode);
    } catch (InvalidValueException | IllegalArgumentException | java.time.DateTimeException e) {
      throw new UndecodableEventException(
          "TaskEvent has an invalid task snapshot: " + e.getMessage(), e);
    }
    return new TaskEventMessage(
        uuid(root, "event_id"),
        text(root, "event_type"),
        instant(root, "occurred_at"),
        userId(root),
        longValue(root, "task_id"),
        task,
        write(taskNode),
        changed);
  }

  @Override
  public TaskUpdateMessage decodeTaskUpdate(String payload) {
    JsonNode root = readVersioned(payload);
    return new TaskUpdateMessage(
        uuid(root, "event_id"),
        text(root, "event_type"),
        userId(root),
        longValue(root, "task_id"),
        instant(root, "occurred_at"),
        payload);
  }

  @Override
  public OutboundEvent encodeReminder(ReminderMessage m) {
    ObjectNode root = mapper.createObjectNode();
    root.put("schema_version", SCHEMA_VERSION);
    root.put("event_id", m.eventId().toString());
    root.put("reminder_id", m.reminderId());
    root.put("task_id", m.taskId());
    root.put("user_id", m.userId().value());
    root.put("title", m.title());
    if (m.dueAt() == null) {
      root.putNull("due_at");
    } else {
      root.put("due_at", m.dueAt().toString());
    }
    if (m.dueDate() == null) {
      root.putNull("due_date");
    } else {
      root.put("due_date", m.dueDate().toString());
    }
    root.put("remind_at", m.remindAt().toString());
    root.put("fired_at", m.firedAt().toString());
    root.put("missed", m.missed());
    return new OutboundEvent(
        m.eventId(),
        Topics.REMINDERS,
        m.missed() ? "missed" : "fired",
        m.userId().value(),
        write(root));
  }

  @Override
  public ReminderMessage decodeReminder(String payload) {
    JsonNode root = readVersioned(payload);
    String dueDate = optional(root, "due_date");
    String dueAt = optional(root, "due_at");
    JsonNode missed = root.get("missed");
    try {
      return new ReminderMessage(
          uuid(root, "event_id"),
          longValue(root, "reminder_id"),
          longValue(root, "task_id"),
          userId(root),
          text(root, "title"),
          dueAt == null ? null : Instant.parse(dueAt),
          dueDate == null ? null : LocalDate.parse(dueDate),
          instant(root, "remind_at"),
          instant(root, "fired_at"),
          missed != null && missed.asBoolean());
    } catch (java.time.DateTimeException e) {
      throw new UndecodableEventException("ReminderEvent has an invalid due: " + e.getMessage(), e);
    }
  }

  private static String optional(JsonNode root, String field) {
    JsonNode n = root.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  private JsonNode readVersioned(String payload) {
    JsonNode root;
    try {
      root = mapper.readTree(payload);
    } catch (JsonProcessingException e) {
      throw new UndecodableEventException("payload is not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new UndecodableEventException("payload is not a JSON object");
    }
    String version = text(root, "schema_version");
    if (!version.matches("[0-9]+\\.[0-9]+")) {
      throw new UndecodableEventException("schema_version '" + version + "' is not MAJOR.MINOR");
    }
    if (!version.startsWith("1.")) {
      throw new UndecodableEventException(
          "unsupported schema_version " + version + " (this build reads 1.x)");
    }
    return root;
  }

  private String write(JsonNode node) {
    try {
      return mapper.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise an event", e);
    }
  }

  static String text(JsonNode root, String field) {
    JsonNode n = root.get(field);
    if (n == null || !n.isTextual()) {
      throw new UndecodableEventException("field " + field + " is missing or not a string");
    }
    return n.asText();
  }

  private static UUID uuid(JsonNode root, String field) {
    try {
      return UUID.fromString(text(root, field));
    } catch (IllegalArgumentException e) {
      throw new UndecodableEventException("field " + field + " is not a UUID", e);
    }
  }

  private static Instant instant(JsonNode root, String field) {
    try {
      return Instant.parse(text(root, field));
    } catch (DateTimeParseException e) {
      throw new UndecodableEventException("field " + field + " is not an RFC 3339 instant", e);
    }
  }

  private static long longValue(JsonNode root, String field) {
    JsonNode n = root.get(field);
    if (n == null || !n.canConvertToExactIntegral() || !n.canConvertToLong()) {
      throw new UndecodableEventException("field " + field + " is missing or not an integer");
    }
    return n.asLong();
  }

  private static UserId userId(JsonNode root) {
    try {
      return new UserId(text(root, "user_id"));
    } catch (InvalidValueException e) {
      throw new UndecodableEventException("field user_id is invalid", e);
    }
  }

  /** The task document inside a TaskEvent: the same fields as the REST representation. */
  static final class TaskSnapshotJson {
    private TaskSnapshotJson() {}

    static ObjectNode write(ObjectMapper mapper, Task task) {
      TaskDetails d = task.details();
      ObjectNode n = mapper.createObjectNode();
      n.put("id", task.id().value());
      n.put("user_id", task.userId().value());
      n.put("title", d.title().value());
      n.put("description", d.description().value());
      n.put("completed", task.completed());
      putInstant(n, "completed_at", task.completedAt());
      n.put("priority", wireName(d.priority()));
      ArrayNode tags = n.putArray("tags");
      d.tags().texts().forEach(tags::add);
      putInstant(n, "due_at", d.due().dueAt());
      if (d.due().dueDate() == null) {
        n.putNull("due_date");
      } else {
        n.put("due_date", d.due().dueDate().toString());
      }
      n.put("time_zone", d.timeZone().id());
      if (d.recurrenceRule() == null) {
        n.putNull("recurrence_rule");
      } else {
        n.put("recurrence_rule", d.recurrenceRule().text());
      }
      n.put("recurrence_anchor", wireName(d.recurrenceAnchor()));
      n.put("is_recurring", d.isRecurring());
      if (task.seriesId() == null) {
        n.putNull("series_id");
      } else {
        n.put("series_id", task.seriesId().toString());
      }
      putInstant(n, "created_at", task.createdAt());
      putInstant(n, "updated_at", task.updatedAt());
      n.put("version", task.version());
      return n;
    }

    static Task read(JsonNode n) {
      List<String> tags = new ArrayList<>();
      JsonNode tagsNode = n.get("tags");
      if (tagsNode != null && tagsNode.isArray()) {
        tagsNode.forEach(t -> tags.add(t.asText()));
      }
      String rule = optionalText(n, "recurrence_rule");
      String dueDate = optionalText(n, "due_date");
      TaskDetails details =
          new TaskDetails(
              new Title(text(n, "title")),
              new Description(optionalText(n, "description")),
              wireValue(Priority.class, text(n, "priority")),
              Tags.of(tags),
              Due.of(
                  optionalInstant(n, "due_at"), dueDate == null ? null : LocalDate.parse(dueDate)),
              TaskTimeZone.of(text(n, "time_zone")),
              rule == null ? null : new RecurrenceRule(rule),
              wireValue(RecurrenceAnchor.class, text(n, "recurrence_anchor")));
      String series = optionalText(n, "series_id");
      JsonNode completed = n.get("completed");
      return Task.rehydrate(
          new TaskId(longValue(n, "id")),
          new UserId(text(n, "user_id")),
          details,
          completed != null && completed.asBoolean(),
          optionalInstant(n, "completed_at"),
          series == null ? null : new SeriesId(UUID.fromString(series)),
          Instant.parse(text(n, "created_at")),
          Instant.parse(text(n, "updated_at")),
          longValue(n, "version"));
    }

    private static void putInstant(ObjectNode n, String field, Instant value) {
      if (value == null) {
        n.putNull(field);
      } else {
        n.put(field, value.toString());
      }
    }

    private static String optionalText(JsonNode n, String field) {
      JsonNode v = n.get(field);
      return v == null || v.isNull() ? null : v.asText();
    }

    private static Instant optionalInstant(JsonNode n, String field) {
      String v = optionalText(n, field);
      return v == null ? null : Instant.parse(v);
    }
  }

  /** The events' spelling of an enumeration's constant: its name in lower case. */
  static String wireName(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException when {@code text} is not the wire name of a constant
   */
  static <E extends Enum<E>> E wireValue(Class<E> type, String text) {
    for (E value : type.getEnumConstants()) {
      if (wireName(value).equals(text)) {
        return value;
      }
    }
    throw new IllegalArgumentException("no " + type.getSimpleName() + " named '" + text + "'");
  }
}
