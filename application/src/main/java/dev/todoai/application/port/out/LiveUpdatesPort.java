package dev.todoai.application.port.out;

import dev.todoai.application.event.TaskUpdateMessage;

/** Pushes change notices to the user's open live connections (SSE) on this process. */
public interface LiveUpdatesPort {
  void push(TaskUpdateMessage update);
}
