package dev.todoai.adapter.out.assistant;

import dev.todoai.adapter.out.assistant.DateGrammar.ReminderTime;
import dev.todoai.adapter.out.assistant.DateGrammar.When;
import java.util.List;
import java.util.Map;

/** What a message asks for, before any tool is called. */
sealed interface Command {

  /** A task named by id ("task 12") or by words of its title. */
  record TaskRef(Long id, String query) {
    String describe() {
      return id != null ? "task #" + id : Replies.quote(query);
    }
  }

  record Add(QuickAdd task) implements Command {}

  /**
   * @param label how the reply names the selection, e.g. "due this week"
   */
  record ListTasks(Map<String, Object> arguments, List<String> adjectives, String label)
      implements Command {}

  record Search(String query) implements Command {}

  record Show(TaskRef ref) implements Command {}

  record Complete(TaskRef ref, boolean completed) implements Command {}

  record Delete(TaskRef ref) implements Command {}

  record Reschedule(TaskRef ref, When when) implements Command {}

  record Postpone(TaskRef ref, Amount by) implements Command {}

  record Rename(TaskRef ref, String title) implements Command {}

  record SetPriority(TaskRef ref, String priority) implements Command {}

  record Retag(TaskRef ref, List<String> add, List<String> remove) implements Command {}

  record SetReminder(TaskRef ref, ReminderTime time) implements Command {}

  record ListReminders(TaskRef ref) implements Command {}

  record DeleteReminder(TaskRef ref, long reminderId) implements Command {}

  /** Not understood; {@code hint} says what was missing, or null for the general help. */
  record Unknown(String hint) implements Command {}
}
