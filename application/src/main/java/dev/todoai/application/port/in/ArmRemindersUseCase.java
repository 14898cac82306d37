package dev.todoai.application.port.in;

/**
 * Run at start-up: schedules every pending reminder; those that came due while the service was down
 * fire now when they are less than the catch-up window late, and are reported missed (with a
 * notification saying so) when they are later than that — never dropped, never twice.
 */
public interface ArmRemindersUseCase {

  /** What arming found. */
  record ArmReport(int scheduled, int firedLate, int missed) {}

  ArmReport armAll();
}
