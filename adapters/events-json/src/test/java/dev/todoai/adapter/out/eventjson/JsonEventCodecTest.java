package dev.todoai.adapter.out.eventjson;

import static dev.todoai.domain.task.TaskTestData.T0;
import static dev.todoai.domain.task.TaskTestData.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.todoai.application.event.OutboundEvent;
import dev.todoai.application.event.TaskEventMessage;
import dev.todoai.application.event.TaskUpdateMessage;
import dev.todoai.application.event.Topics;
import dev.todoai.application.event.UndecodableEventException;
import dev.todoai.domain.task.Priority;
import dev.todoai.domain.task.RecurrenceAnchor;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskChange;
import dev.todoai.domain.task.TaskEvent;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JsonEventCodecTest {
  private static final Path CONTRACTS = Path.of("../../contracts/events");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final JsonEventCodec codec = new JsonEventCodec();

  private static JsonSchema schema(String file) {
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    try (InputStream in = Files.newInputStream(CONTRACTS.resolve(file))) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Every kind of event the domain produces, over tasks with every kind of field value. */
  static Stream<TaskEvent> producedEvents() {
    Instant later = T0.plus(Duration.ofMinutes(3));
    List<Task> tasks =
        List.of(
            aTask().build(),
            aTask()
                .id(2)
                .titled("Pay rent — ünïcode ✓")
                .describedAs("first line\nsecond \"quoted\"")
                .priority(Priority.URGENT)
                .tagged("home", "finance/rent", "日本")
                .dueOn(LocalDate.of(2026, 3, 1))
                .inZone("Europe/Berlin")
                .recurring("FREQ=MONTHLY;BYMONTHDAY=1")
                .anchoredOn(RecurrenceAnchor.COMPLETION)
                .build(),
            aTask().id(3).dueAt(Instant.parse("2026-03-02T10:15:30.123456Z")).build());
    List<TaskEvent> events = new ArrayList<>();
    for (Task task : tasks) {
      TaskChange created = Task.create(task.id(), task.userId(), task.details(), T0);
      events.addAll(created.events());
      TaskChange updated =
          created.task().edit(created.task().details().withPriority(Priority.LOW), later);
      events.addAll(updated.events());
      TaskChange completed = updated.task().setCompleted(true, later);
      events.addAll(completed.events());
      TaskChange reopened = completed.task().setCompleted(false, later);
      events.addAll(reopened.events());
      events.addAll(reopened.task().delete(later).events());
    }
    return events.stream();
  }

  @ParameterizedTest
  @MethodSource("producedEvents")
  void everyProducedTaskEventMatchesItsSchema(TaskEvent event) throws Exception {
    OutboundEvent encoded = codec.encodeTaskEvent(event);

    Set<ValidationMessage> errors =
        schema("task-event.schema.json").validate(MAPPER.readTree(encoded.payload()));

    assertThat(errors).isEmpty();
    assertThat(encoded.topic()).isEqualTo(Topics.TASK_EVENTS);
    assertThat(encoded.eventId()).isEqualTo(event.eventId());
    assertThat(encoded.partitionKey()).isEqualTo(event.task().userId().value());
  }

  @ParameterizedTest
  @MethodSource("producedEvents")
  void everyProducedTaskUpdateMatchesItsSchema(TaskEvent event) throws Exception {
    OutboundEvent encoded = codec.encodeTaskUpdate(event);

    Set<ValidationMessage> errors =
        schema("task-update-event.schema.json").validate(MAPPER.readTree(encoded.payload()));

    assertThat(errors).isEmpty();
    assertThat(encoded.topic()).isEqualTo(Topics.TASK_UPDATES);
  }

  @Test
  void theSchemaRejectsADocumentThatBreaksTheContract() throws Exception {
    TaskEvent event = producedEvents().findFirst().orElseThrow();
    ObjectNode doc = (ObjectNode) MAPPER.readTree(codec.encodeTaskEvent(event).payload());
    doc.put("event_type", "renamed");
    ((ObjectNode) doc.get("task")).put("due_date", "2026-03-01");
    ((ObjectNode) doc.get("task")).put("due_at", "2026-03-01T10:00:00Z");

    assertThat(schema("task-event.schema.json").validate(doc)).hasSizeGreaterThanOrEqualTo(2);
  }

  @ParameterizedTest
  @MethodSource("producedEvents")
  void aTaskEventDecodesToTheSameSnapshot(TaskEvent event) {
    TaskEventMessage decoded = codec.decodeTaskEvent(codec.encodeTaskEvent(event).payload());

    assertThat(decoded.eventId()).isEqualTo(event.eventId());
    assertThat(decoded.eventType())
        .isEqualTo(event.type().name().toLowerCase(java.util.Locale.ROOT));
    assertThat(decoded.occurredAt()).isEqualTo(event.occurredAt());
    assertThat(decoded.task()).isEqualTo(event.task());
    assertThat(decoded.changedFields()).containsExactlyInAnyOrderElementsOf(event.changedFields());
  }

  @Test
  void unknownFieldsAreIgnored() throws Exception {
    TaskEvent event = producedEvents().findFirst().orElseThrow();
    ObjectNode doc = (ObjectNode) MAPPER.readTree(codec.encodeTaskEvent(event).payload());
    doc.put("schema_version", "1.7");
    doc.put("added_in_1_7", "whatever");
    ((ObjectNode) doc.get("task")).put("colour", "red");

    TaskEventMessage decoded = codec.decodeTaskEvent(MAPPER.writeValueAsString(doc));

    assertThat(decoded.task()).isEqualTo(event.task());
  }

  @Test
  void anUnknownMajorVersionIsRefused() throws Exception {
    TaskEvent event = producedEvents().findFirst().orElseThrow();
    ObjectNode doc = (ObjectNode) MAPPER.readTree(codec.encodeTaskUpdate(event).payload());
    doc.put("schema_version", "2.0");

    assertThatThrownBy(() -> codec.decodeTaskUpdate(MAPPER.writeValueAsString(doc)))
        .isInstanceOf(UndecodableEventException.class)
        .hasMessageContaining("2.0");
  }

  @Test
  void malformedPayloadsAreRefused() {
    for (String bad :
        new String[] {
          "",
          "not json",
          "[]",
          "{}",
          "{\"schema_version\":\"1.0\"}",
          "{\"schema_version\":1}",
          "{\"schema_version\":\"1.0\",\"event_id\":\"x\",\"event_type\":\"created\"}"
        }) {
      assertThatThrownBy(() -> codec.decodeTaskEvent(bad))
          .as(bad)
          .isInstanceOf(UndecodableEventException.class);
    }
  }

  @Test
  void aTaskUpdateCarriesTheNoticeFields() {
    TaskEvent event = producedEvents().findFirst().orElseThrow();

    TaskUpdateMessage decoded = codec.decodeTaskUpdate(codec.encodeTaskUpdate(event).payload());

    assertThat(decoded.eventId()).isEqualTo(event.eventId());
    assertThat(decoded.userId()).isEqualTo(event.task().userId());
    assertThat(decoded.taskId()).isEqualTo(event.task().id().value());
    assertThat(decoded.eventType()).isEqualTo("created");
  }

  @Test
  void theReminderSchemaIsAValidSchemaDocument() throws Exception {
    JsonNode reminder =
        MAPPER.readTree(
            "{\"schema_version\":\"1.0\",\"event_id\":\"5b0f7f0e-6f3e-4a53-9a0e-0f4c2b7c1a11\","
                + "\"reminder_id\":1,\"task_id\":2,\"user_id\":\"alice\",\"title\":\"x\","
                + "\"due_at\":null,\"due_date\":\"2026-03-01\",\"remind_at\":\"2026-03-01T08:00:00Z\","
                + "\"fired_at\":\"2026-03-01T08:00:00.2Z\"}");

    assertThat(schema("reminder-event.schema.json").validate(reminder)).isEmpty();
  }

  @Test
  void aProducedReminderEventMatchesItsSchemaAndDecodesBack() throws Exception {
    dev.todoai.application.event.ReminderMessage message =
        new dev.todoai.application.event.ReminderMessage(
            java.util.UUID.randomUUID(),
            7,
            42,
            new dev.todoai.domain.shared.UserId("alice"),
            "Pay rent",
            null,
            LocalDate.of(2026, 12, 1),
            Instant.parse("2026-12-01T08:00:00Z"),
            Instant.parse("2026-12-01T08:00:00.25Z"),
            true);

    OutboundEvent encoded = codec.encodeReminder(message);

    assertThat(schema("reminder-event.schema.json").validate(MAPPER.readTree(encoded.payload())))
        .isEmpty();
    assertThat(encoded.topic()).isEqualTo(Topics.REMINDERS);
    assertThat(encoded.partitionKey()).isEqualTo("alice");
    assertThat(codec.decodeReminder(encoded.payload())).isEqualTo(message);
  }
}
