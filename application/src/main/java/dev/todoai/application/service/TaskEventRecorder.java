package dev.todoai.application.service;

import dev.todoai.application.event.OutboundEvent;
import dev.todoai.application.port.out.EventCodecPort;
import dev.todoai.application.port.out.OutboxPort;
import dev.todoai.domain.task.TaskEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the events of a task change to the outbox — in the caller's transaction, so that a change
 * and its events commit together: each event goes to {@code task-events} and, as a short notice, to
 * {@code task-updates}.
 */
public final class TaskEventRecorder {
  private final EventCodecPort codec;
  private final OutboxPort outbox;

  public TaskEventRecorder(EventCodecPort codec, OutboxPort outbox) {
    this.codec = codec;
    this.outbox = outbox;
  }

  void record(List<TaskEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    List<OutboundEvent> encoded = new ArrayList<>(events.size() * 2);
    for (TaskEvent event : events) {
      encoded.add(codec.encodeTaskEvent(event));
      encoded.add(codec.encodeTaskUpdate(event));
    }
    outbox.append(encoded);
  }
}
