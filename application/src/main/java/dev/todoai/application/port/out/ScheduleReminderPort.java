package dev.todoai.application.port.out;

import dev.todoai.domain.reminder.ReminderId;
import java.time.Instant;

/**
 * Arranges for a reminder to fire at its instant (an in-process timer, or a Dapr job): the
 * transport then calls the fire use case, at least once and never early. Scheduling an id again
 * replaces its previous time.
 */
public interface ScheduleReminderPort {
  void schedule(ReminderId id, Instant at);

  void cancel(ReminderId id);
}
