package dev.todoai.application.service;

import dev.todoai.application.event.DeliveryOutcome;
import dev.todoai.application.event.InboundEvent;
import dev.todoai.application.event.ReminderMessage;
import dev.todoai.application.event.Topics;
import dev.todoai.application.event.UndecodableEventException;
import dev.todoai.application.port.in.HandleEventUseCase;
import dev.todoai.application.port.out.ClockPort;
import dev.todoai.application.port.out.EventCodecPort;
import dev.todoai.application.port.out.LiveUpdatesPort;
import dev.todoai.application.port.out.NotificationStorePort;
import dev.todoai.application.port.out.ProcessedEventsPort;
import dev.todoai.application.port.out.ReminderStorePort;
import dev.todoai.application.port.out.TransactionPort;
import dev.todoai.domain.notification.Notification;
import dev.todoai.domain.reminder.ReminderId;
import dev.todoai.domain.reminder.ReminderStatus;
import java.lang.System.Logger.Level;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The notification role's consumer: exactly one notification per reminder (idempotent on the event
 * id and on the reminder id), then pushed to the user's live streams.
 */
public final class CreateNotificationService implements HandleEventUseCase {
  public static final String CONSUMER = "notification";
  private static final System.Logger LOG =
      System.getLogger(CreateNotificationService.class.getName());

  private final ClockPort clock;
  private final TransactionPort transactions;
  private final EventCodecPort codec;
  private final ProcessedEventsPort processed;
  private final NotificationStorePort notifications;
  private final ReminderStorePort reminders;
  private final LiveUpdatesPort liveUpdates;

  public CreateNotificationService(
      ClockPort clock,
      TransactionPort transactions,
      EventCodecPort codec,
      ProcessedEventsPort processed,
      NotificationStorePort notifications,
      ReminderStorePort reminders,
      LiveUpdatesPort liveUpdates) {
    this.clock = clock;
    this.transactions = transactions;
    this.codec = codec;
    this.processed = processed;
    this.notifications = notifications;
    this.reminders = reminders;
    this.liveUpdates = liveUpdates;
  }

  @Override
  public String consumer() {
    return CONSUMER;
  }

  @Override
  public String topic() {
    return Topics.REMINDERS;
  }

  @Override
  public DeliveryOutcome handle(InboundEvent event) {
    ReminderMessage message;
    try {
      message = codec.decodeReminder(event.payload());
    } catch (UndecodableEventException e) {
      LOG.log(Level.WARNING, "notification: dropping undecodable event: {0}", e.getMessage());
      return DeliveryOutcome.DROP;
    }
    Optional<Notification> created;
    try {
      created =
          transactions.inTransaction(
              () -> {
                if (!processed.markProcessed(CONSUMER, message.eventId(), clock.now())) {
                  return Optional.<Notification>empty();
                }
                Optional<Notification> inserted = notifications.insert(toNotification(message));
                if (inserted.isPresent()) {
                  reminders
                      .loadForUpdate(new ReminderId(message.reminderId()))
                      .filter(r -> r.status() == ReminderStatus.FIRED)
                      .ifPresent(r -> reminders.update(r.markDelivered()));
                }
                return inserted;
              });
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "notification: will retry event " + message.eventId(), e);
      return DeliveryOutcome.RETRY;
    }
    created.ifPresent(this::push);
    return DeliveryOutcome.SUCCESS;
  }

  private void push(Notification notification) {
    try {
      liveUpdates.pushNotification(notification);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "notification: live push failed; it stays in the list", e);
    }
  }

  private Notification toNotification(ReminderMessage m) {
    String due =
        m.dueAt() != null
            ? " (due " + DateTimeFormatter.ISO_INSTANT.format(m.dueAt()) + ")"
            : m.dueDate() != null ? " (due " + m.dueDate() + ")" : "";
    Notification.Kind kind =
        m.missed() ? Notification.Kind.MISSED_REMINDER : Notification.Kind.REMINDER;
    String body =
        m.missed()
            ? "Missed reminder: “"
                + m.title()
                + "”"
                + due
                + " — it was set for "
                + DateTimeFormatter.ISO_INSTANT.format(m.remindAt())
                + " while the service was down."
            : "Reminder: “" + m.title() + "”" + due;
    return new Notification(
        0, m.userId(), m.reminderId(), m.taskId(), kind, m.title(), body, clock.now(), null);
  }
}
