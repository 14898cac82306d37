package dev.todoai.domain.task;

import java.util.Locale;

/** Kinds of change a task goes through; the API/event name is the lower-case form. */
public enum TaskEventType {
  CREATED,
  UPDATED,
  COMPLETED,
  UNCOMPLETED,
  DELETED;

  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
