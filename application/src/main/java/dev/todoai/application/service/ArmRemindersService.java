package dev.todoai.application.service;

import dev.todoai.application.port.in.ArmRemindersUseCase;
import dev.todoai.application.port.in.FireReminderUseCase.FireOutcome;
import dev.todoai.application.port.out.ClockPort;
import dev.todoai.application.port.out.ReminderStorePort;
import dev.todoai.application.port.out.ScheduleReminderPort;
import dev.todoai.domain.reminder.Reminder;
import java.time.Duration;
import java.time.Instant;

/** Arms every scheduled reminder at start-up and settles those that came due during downtime. */
public final class ArmRemindersService implements ArmRemindersUseCase {
  private final ClockPort clock;
  private final ReminderStorePort store;
  private final ScheduleReminderPort scheduler;
  private final FireReminderService fire;
  private final Duration catchUpWindow;

  public ArmRemindersService(
      ClockPort clock,
      ReminderStorePort store,
      ScheduleReminderPort scheduler,
      FireReminderService fire,
      Duration catchUpWindow) {
    this.clock = clock;
    this.store = store;
    this.scheduler = scheduler;
    this.fire = fire;
    this.catchUpWindow = catchUpWindow;
  }

  @Override
  public ArmReport armAll() {
    Instant now = clock.now();
    int scheduled = 0;
    int firedLate = 0;
    int missed = 0;
    for (Reminder reminder : store.allScheduled()) {
      if (reminder.remindAt().isAfter(now)) {
        scheduler.schedule(reminder.id(), reminder.remindAt());
        scheduled++;
      } else if (!reminder.remindAt().plus(catchUpWindow).isBefore(now)) {
        if (fire.fire(reminder.id()) == FireOutcome.SENT) {
          firedLate++;
        }
      } else if (fire.miss(reminder.id()) == FireOutcome.SENT) {
        missed++;
      }
    }
    return new ArmReport(scheduled, firedLate, missed);
  }
}
