package dev.todoai.application.fakes;

import dev.todoai.application.port.out.ScheduleReminderPort;
import dev.todoai.domain.reminder.ReminderId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Remembers which reminder timers are armed, as a timer wheel would hold them. */
public final class RecordingScheduler implements ScheduleReminderPort {
  private final Map<Long, Instant> armed = new LinkedHashMap<>();

  @Override
  public synchronized void schedule(ReminderId id, Instant at) {
    armed.put(id.value(), at);
  }

  @Override
  public synchronized void cancel(ReminderId id) {
    armed.remove(id.value());
  }

  public synchronized Map<Long, Instant> armed() {
    return Map.copyOf(armed);
  }
}
