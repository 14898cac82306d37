package dev.todoai.application.service;

import java.time.Instant;

/**
 * How far ahead reminder timers are armed. Reminders due within the horizon get a timer as soon as
 * they are set; later ones stay in the store only, until {@link ArmRemindersService#advance()}
 * moves the horizon over them. So the number of armed timers is bounded by the reminders due within
 * one horizon, not by all pending reminders. Unbounded (every pending reminder armed as it is set)
 * until arming first sets it.
 */
public final class ReminderHorizon {
  private volatile Instant armedUntil;

  /** True when a reminder due at {@code at} is to be armed now. */
  public boolean covers(Instant at) {
    Instant until = armedUntil;
    return until == null || !at.isAfter(until);
  }

  /** The end of the armed range; null while unbounded. */
  public Instant armedUntil() {
    return armedUntil;
  }

  /**
   * Moves the end of the armed range to {@code until} (never back). Called before the store is read
   * for the newly covered range, so that a reminder set meanwhile arms itself.
   */
  synchronized void extendTo(Instant until) {
    if (armedUntil == null || until.isAfter(armedUntil)) {
      armedUntil = until;
    }
  }
}
