package dev.todoai.domain.task;

/** What the next occurrence of a recurring task is computed from: its due or its completion. */
public enum RecurrenceAnchor {
  DUE,
  COMPLETION
}
