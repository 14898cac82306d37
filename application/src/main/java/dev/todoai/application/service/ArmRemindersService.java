package dev.todoai.application.service;

import dev.todoai.application.port.in.ArmRemindersUseCase;
import dev.todoai.application.port.in.FireReminderUseCase.FireOutcome;
import dev.todoai.application.port.out.ClockPort;
import dev.todoai.application.port.out.ReminderStorePort;
import dev.todoai.application.port.out.ScheduleReminderPort;
import dev.todoai.domain.reminder.Reminder;
import dev.todoai.domain.reminder.ReminderId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Arms the scheduled reminders due within the arming horizon at start-up, settles those that came
 * due during downtime, and later moves the horizon forward ({@link #advance()}), one page of
 * reminders at a time: start-up time and memory depend on the reminders due within the horizon, not
 * on all pending ones. Without a horizon every pending reminder is armed.
 */
public final class ArmRemindersService implements ArmRemindersUseCase {
  static final int PAGE = 1_000;

  private final ClockPort clock;
  private final ReminderStorePort store;
  private final ScheduleReminderPort scheduler;
  private final FireReminderService fire;
  private final Duration catchUpWindow;
  private final Duration armHorizon;
  private final ReminderHorizon horizon;
  private volatile boolean armed;

  /** Arms every pending reminder (no horizon). */
  public ArmRemindersService(
      ClockPort clock,
      ReminderStorePort store,
      ScheduleReminderPort scheduler,
      FireReminderService fire,
      Duration catchUpWindow) {
    this(clock, store, scheduler, fire, catchUpWindow, null, new ReminderHorizon());
  }

  /**
   * @param armHorizon how far ahead to arm; null arms every pending reminder
   * @param horizon shared with {@link ReminderSync}, which arms newly set reminders within it
   */
  public ArmRemindersService(
      ClockPort clock,
      ReminderStorePort store,
      ScheduleReminderPort scheduler,
      FireReminderService fire,
      Duration catchUpWindow,
      Duration armHorizon,
      ReminderHorizon horizon) {
    if (armHorizon != null && (armHorizon.isNegative() || armHorizon.isZero())) {
      throw new IllegalArgumentException("the arming horizon must be positive");
    }
    this.clock = clock;
    this.store = store;
    this.scheduler = scheduler;
    this.fire = fire;
    this.catchUpWindow = catchUpWindow;
    this.armHorizon = armHorizon;
    this.horizon = horizon;
  }

  @Override
  public ArmReport armAll() {
    Instant now = clock.now();
    Instant until = armHorizon == null ? null : now.plus(armHorizon);
    if (until != null) {
      horizon.extendTo(until);
    }
    ArmReport report = arm(null, null, until);
    armed = true;
    return report;
  }

  @Override
  public ArmReport advance() {
    if (!armed || armHorizon == null) {
      return new ArmReport(0, 0, 0);
    }
    Instant from = horizon.armedUntil();
    Instant until = clock.now().plus(armHorizon);
    if (from != null && !until.isAfter(from)) {
      return new ArmReport(0, 0, 0);
    }
    horizon.extendTo(until);
    return arm(from, from == null ? null : new ReminderId(Long.MAX_VALUE), until);
  }

  /** Arms or settles the scheduled reminders after (afterAt, afterId) up to {@code until}. */
  private ArmReport arm(Instant afterAt, ReminderId afterId, Instant until) {
    int scheduled = 0;
    int firedLate = 0;
    int missed = 0;
    while (true) {
      List<Reminder> page = store.scheduledAfter(afterAt, afterId, until, PAGE);
      Instant now = clock.now();
      for (Reminder reminder : page) {
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
      if (page.size() < PAGE) {
        return new ArmReport(scheduled, firedLate, missed);
      }
      Reminder last = page.get(page.size() - 1);
      afterAt = last.remindAt();
      afterId = last.id();
    }
  }
}
