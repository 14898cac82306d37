package dev.todoai.application.fakes;

import dev.todoai.application.event.TaskUpdateMessage;
import dev.todoai.application.port.out.LiveUpdatesPort;
import dev.todoai.domain.notification.Notification;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Records what would have been pushed to live streams. */
public final class RecordingLiveUpdates implements LiveUpdatesPort {
  public final List<TaskUpdateMessage> updates = Collections.synchronizedList(new ArrayList<>());
  public final List<Notification> notifications = Collections.synchronizedList(new ArrayList<>());

  @Override
  public void push(TaskUpdateMessage update) {
    updates.add(update);
  }

  @Override
  public void pushNotification(Notification notification) {
    notifications.add(notification);
  }
}
