package dev.todoai.application.fakes;

import dev.todoai.application.event.OutboundEvent;
import dev.todoai.application.event.ReminderMessage;
import dev.todoai.application.event.TaskEventMessage;
import dev.todoai.application.event.TaskUpdateMessage;
import dev.todoai.application.event.Topics;
import dev.todoai.application.event.UndecodableEventException;
import dev.todoai.application.port.out.EventCodecPort;
import dev.todoai.domain.task.TaskEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A codec for use-case tests: payloads are short readable strings, and decoding looks the original
 * event up. Payloads starting with "v9|" stand for an unknown major version.
 */
public final class FakeEventCodec implements EventCodecPort {
  private final Map<String, TaskEvent> sent = new ConcurrentHashMap<>();
  private final Map<String, ReminderMessage> reminders = new ConcurrentHashMap<>();

  @Override
  public OutboundEvent encodeTaskEvent(TaskEvent event) {
    String payload =
        "task-event|"
            + event.eventId()
            + "|"
            + event.type().name().toLowerCase(java.util.Locale.ROOT);
    sent.put(payload, event);
    return new OutboundEvent(
        event.eventId(),
        Topics.TASK_EVENTS,
        event.type().name().toLowerCase(java.util.Locale.ROOT),
        event.task().userId().value(),
        payload);
  }

  @Override
  public OutboundEvent encodeTaskUpdate(TaskEvent event) {
    String payload =
        "task-update|"
            + event.eventId()
            + "|"
            + event.type().name().toLowerCase(java.util.Locale.ROOT);
    sent.put(payload, event);
    return new OutboundEvent(
        event.eventId(),
        Topics.TASK_UPDATES,
        event.type().name().toLowerCase(java.util.Locale.ROOT),
        event.task().userId().value(),
        payload);
  }

  @Override
  public TaskEventMessage decodeTaskEvent(String payload) {
    TaskEvent e = lookUp(payload, "task-event|");
    return new TaskEventMessage(
        e.eventId(),
        e.type().name().toLowerCase(java.util.Locale.ROOT),
        e.occurredAt(),
        e.task().userId(),
        e.task().id().value(),
        e.task(),
        "{\"id\":" + e.task().id().value() + "}",
        List.copyOf(e.changedFields()));
  }

  @Override
  public TaskUpdateMessage decodeTaskUpdate(String payload) {
    TaskEvent e = lookUp(payload, "task-update|");
    return new TaskUpdateMessage(
        e.eventId(),
        e.type().name().toLowerCase(java.util.Locale.ROOT),
        e.task().userId(),
        e.task().id().value(),
        e.occurredAt(),
        payload);
  }

  private TaskEvent lookUp(String payload, String prefix) {
    if (payload.startsWith("v9|")) {
      throw new UndecodableEventException("unsupported schema_version 9.0");
    }
    TaskEvent e = sent.get(payload);
    if (e == null || !payload.startsWith(prefix)) {
      throw new UndecodableEventException("not a known event: " + payload);
    }
    return e;
  }

  @Override
  public OutboundEvent encodeReminder(ReminderMessage message) {
    String payload = "reminder|" + message.eventId() + "|" + message.reminderId();
    reminders.put(payload, message);
    return new OutboundEvent(
        message.eventId(),
        Topics.REMINDERS,
        message.missed() ? "missed" : "fired",
        message.userId().value(),
        payload);
  }

  @Override
  public ReminderMessage decodeReminder(String payload) {
    ReminderMessage m = reminders.get(payload);
    if (m == null) {
      throw new UndecodableEventException("not a known reminder event: " + payload);
    }
    return m;
  }
}
