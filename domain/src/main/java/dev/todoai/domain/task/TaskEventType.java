package dev.todoai.domain.task;

/** Kinds of change a task goes through. */
public enum TaskEventType {
  CREATED,
  UPDATED,
  COMPLETED,
  UNCOMPLETED,
  DELETED
}
