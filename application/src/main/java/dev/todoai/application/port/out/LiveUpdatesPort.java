package dev.todoai.application.port.out;

import dev.todoai.application.event.TaskUpdateMessage;
import dev.todoai.domain.notification.Notification;

/** Pushes change notices and notifications to the user's open live connections (SSE). */
public interface LiveUpdatesPort {
  void push(TaskUpdateMessage update);

  /** Sends a new notification to the user's streams as a {@code notification} event. */
  void pushNotification(Notification notification);
}
