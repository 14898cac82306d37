package dev.todoai.application.port.in;

/**
 * Run at start-up: schedules the pending reminders due within the arming horizon; those that came
 * due while the service was down fire now when they are less than the catch-up window late, and are
 * reported missed (with a notification saying so) when they are later than that — never dropped,
 * never twice. Run periodically afterwards: moves the horizon forward over later reminders.
 */
public interface ArmRemindersUseCase {

  /** What arming found. */
  record ArmReport(int scheduled, int firedLate, int missed) {}

  ArmReport armAll();

  /** Arms the reminders that the horizon, moved to now + horizon, newly covers. */
  ArmReport advance();
}
