package dev.todoai.application.port.out;

import dev.todoai.application.event.OutboundEvent;
import dev.todoai.application.event.ReminderMessage;
import dev.todoai.application.event.TaskEventMessage;
import dev.todoai.application.event.TaskUpdateMessage;
import dev.todoai.application.event.UndecodableEventException;
import dev.todoai.domain.task.TaskEvent;

/** Encodes domain events into the versioned wire contracts and decodes them back. */
public interface EventCodecPort {
  /** The {@code TaskEvent} document for topic {@code task-events}. */
  OutboundEvent encodeTaskEvent(TaskEvent event);

  /** The {@code TaskUpdateEvent} notice for topic {@code task-updates}. */
  OutboundEvent encodeTaskUpdate(TaskEvent event);

  /**
   * @throws UndecodableEventException for malformed payloads and unknown major versions
   */
  TaskEventMessage decodeTaskEvent(String payload);

  /**
   * @throws UndecodableEventException for malformed payloads and unknown major versions
   */
  TaskUpdateMessage decodeTaskUpdate(String payload);

  /** The {@code ReminderEvent} document for topic {@code reminders}. */
  OutboundEvent encodeReminder(ReminderMessage message);

  /**
   * @throws UndecodableEventException for malformed payloads and unknown major versions
   */
  ReminderMessage decodeReminder(String payload);
}
