package dev.todoai.adapter.out.persistence.testsupport;

import static dev.todoai.adapter.out.persistence.testsupport.TaskTestData.T0;

import dev.todoai.domain.reminder.Reminder;
import dev.todoai.domain.reminder.ReminderId;
import dev.todoai.domain.reminder.ReminderStatus;
import dev.todoai.domain.task.Task;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;

/**
 * Builds stored-looking reminders for tests: {@code ReminderTestData.aReminder(task).id(id)
 * .remindAt(t)}; owner and task come from the task. Scheduled at {@code T0 + 1h} by default.
 */
public final class ReminderTestData {
  private final Task task;
  private ReminderId id = new ReminderId(1);
  private Duration beforeDue;
  private LocalTime timeOfDay;
  private Instant remindAt = T0.plusSeconds(3_600);
  private ReminderStatus status = ReminderStatus.SCHEDULED;
  private Instant sentAt;
  private Instant createdAt = T0;

  private ReminderTestData(Task task) {
    this.task = task;
  }

  public static ReminderTestData aReminder(Task task) {
    return new ReminderTestData(task);
  }

  public ReminderTestData id(ReminderId value) {
    id = value;
    return this;
  }

  public ReminderTestData remindAt(Instant value) {
    remindAt = value;
    return this;
  }

  /** A relative reminder; {@code timeOfDay} only for a task with an all-day due (else null). */
  public ReminderTestData beforeDue(Duration value, LocalTime timeOfDayOrNull) {
    beforeDue = value;
    timeOfDay = timeOfDayOrNull;
    return this;
  }

  /** Sent or missed at {@code at}. */
  public ReminderTestData finished(ReminderStatus value, Instant at) {
    status = value;
    sentAt = at;
    return this;
  }

  public ReminderTestData cancelled() {
    status = ReminderStatus.CANCELLED;
    sentAt = null;
    return this;
  }

  public ReminderTestData createdAt(Instant value) {
    createdAt = value;
    return this;
  }

  public Reminder build() {
    return Reminder.rehydrate(
        id, task.id(), task.userId(), beforeDue, timeOfDay, remindAt, status, sentAt, createdAt);
  }
}
