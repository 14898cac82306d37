package dev.todoai.adapter.out.assistant;

import dev.todoai.adapter.out.assistant.DateGrammar.ReminderTime;
import java.util.List;

/**
 * What a message asks for, as understood, before any tool is called: the seam between reading a
 * message ({@link Interpreter}) and acting on it ({@link Executor}).
 */
sealed interface Intent {

  /** A new task. */
  record Create(QuickAdd task) implements Intent {}

  /** Changes to existing task(s). */
  record Change(Target target, Edit edit) implements Intent {}

  /**
   * Tags for an existing task, or a new task with them when {@code target} names none ("put new
   * shoes on my shopping list", "file the fridge under home").
   */
  record TagOrCreate(Target target, List<String> tags, QuickAdd create) implements Intent {}

  /**
   * A change of the task the words clearly name, or else a new task ("schedule a call with Tom for
   * wednesday at 2": moves such a task if there is one, adds it if not).
   */
  record ChangeOrCreate(Target target, Edit edit, QuickAdd create) implements Intent {}

  record Complete(Target target, boolean done) implements Intent {}

  record Delete(Target target) implements Intent {}

  record Query(ListQuery query) implements Intent {}

  /** A guess that a word or two name tasks ("errands please"): listed if any, else help. */
  record Lookup(ListQuery query) implements Intent {}

  record Show(Target target) implements Intent {}

  /**
   * Reminders on an existing task; when {@code target} names none, {@code create} (a task with the
   * reminders) is added instead, if given.
   */
  record Remind(Target target, List<ReminderTime> times, QuickAdd create) implements Intent {}

  /**
   * "remind me to X at T": a reminder on the open task X when one clearly has that title, else the
   * new task X due at T with a reminder then.
   */
  record RemindToDo(QuickAdd task) implements Intent {}

  record Unremind(Target target) implements Intent {}

  record ListReminders(Target target) implements Intent {}

  /** Revert the assistant's last change. */
  record Undo() implements Intent {}

  /** Not understood; {@code hint} says what was missing, or null for the general help. */
  record Unknown(String hint) implements Intent {}
}
