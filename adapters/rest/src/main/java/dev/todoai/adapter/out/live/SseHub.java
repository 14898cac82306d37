package dev.todoai.adapter.out.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.todoai.adapter.contract.NotificationView;
import dev.todoai.application.event.TaskUpdateMessage;
import dev.todoai.application.port.out.LiveUpdatesPort;
import dev.todoai.domain.notification.Notification;
import dev.todoai.domain.shared.UserId;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.regex.Pattern;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * The outbound side of the HTTP adapter: it implements {@link LiveUpdatesPort} by pushing to the
 * live connections (SSE) of this process by user, which {@code LiveUpdatesController} opens. It
 * keeps the live connections of this process by user, plus each user's recent events so that a
 * reconnecting client resumes after the last event it saw. Events are kept for {@value
 * #HISTORY_PROPERTY} (default 10 minutes), at most {@value #MAX_KEPT} per user; an event whose id
 * is kept already is dropped, so that redeliveries upstream are not shown twice.
 *
 * <p>Each user's events and streams are guarded by one lock: a new stream is registered and its
 * replay read in the same critical section in which events are kept and sent, so replay and live
 * events meet without a gap or a duplicate. Sending never blocks: every stream has a bounded queue
 * ({@value #MAX_QUEUED}), and a stream whose client stops reading is ended (the client resumes with
 * {@code Last-Event-ID}).
 */
@Singleton
public final class SseHub implements LiveUpdatesPort {
  static final String HISTORY_PROPERTY = "todo.live-updates.history";
  static final String HEARTBEAT_PROPERTY = "todo.live-updates.heartbeat";
  static final String MAX_STREAMS_PROPERTY = "todo.live-updates.max-streams-per-user";
  static final String TASK_UPDATE = "task-update";
  static final String NOTIFICATION = "notification";
  static final String RESYNC = "resync";
  static final String HISTORY_EXPIRED = "{\"reason\":\"history-expired\"}";
  static final int MAX_KEPT = 1000;
  static final int MAX_QUEUED = 256;
  private static final Pattern FIELD_VALUE = Pattern.compile("[^\\r\\n]+");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Duration history;
  private final Duration heartbeat;
  private final int maxStreams;
  private final Clock clock;
  private final ConcurrentMap<String, Channel> channels = new ConcurrentHashMap<>();

  @Inject
  SseHub(
      @Value("${" + HISTORY_PROPERTY + ":10m}") Duration history,
      @Value("${" + HEARTBEAT_PROPERTY + ":15s}") Duration heartbeat,
      @Value("${" + MAX_STREAMS_PROPERTY + ":20}") int maxStreams) {
    this(history, heartbeat, maxStreams, Clock.systemUTC());
  }

  SseHub(Duration history, Duration heartbeat, Clock clock) {
    this(history, heartbeat, 20, clock);
  }

  SseHub(Duration history, Duration heartbeat, int maxStreams, Clock clock) {
    if (maxStreams < 1) {
      throw new ConfigurationException(MAX_STREAMS_PROPERTY + " must be at least 1");
    }
    this.maxStreams = maxStreams;
    if (history == null || history.isNegative() || history.isZero()) {
      throw new ConfigurationException(HISTORY_PROPERTY + " must be a positive duration, e.g. 10m");
    }
    if (heartbeat == null || heartbeat.isNegative() || heartbeat.isZero()) {
      throw new ConfigurationException(
          HEARTBEAT_PROPERTY + " must be a positive duration, e.g. 15s");
    }
    this.history = history;
    this.heartbeat = heartbeat;
    this.clock = clock;
  }

  @Override
  public void push(TaskUpdateMessage update) {
    publish(update.userId(), update.eventId().toString(), TASK_UPDATE, update.json());
  }

  /**
   * Sends a notification as a {@value #NOTIFICATION} event with id {@code notification-<id>}, in
   * the same per-user history as task updates (so a resuming stream gets it too).
   */
  @Override
  public void pushNotification(Notification notification) {
    publish(
        notification.userId(),
        NOTIFICATION + "-" + notification.id(),
        NOTIFICATION,
        json(NotificationView.of(notification)));
  }

  /**
   * Sends an event to every open stream of {@code user} on this process and keeps it for resuming
   * streams; ignored when an event with this id is kept already. {@code data} is sent as is.
   */
  void publish(UserId user, String eventId, String eventName, String data) {
    requireFieldValue(eventId, "eventId");
    requireFieldValue(eventName, "eventName");
    Objects.requireNonNull(data, "data");
    Kept event = new Kept(eventId, eventName, data, clock.instant());
    withChannel(user, channel -> channel.publish(event));
  }

  /**
   * The events of one stream, starting on subscription: a {@code connected} comment; when {@code
   * lastEventId} is given, the kept events after it (or one {@value #RESYNC} event when it is not
   * kept any more); then live events, with a {@code keep-alive} comment every heartbeat interval.
   */
  public Flux<Event<String>> stream(UserId user, @Nullable String lastEventId) {
    return Flux.defer(
        () -> {
          Subscriber subscriber = new Subscriber();
          Registration registration =
              withChannel(user, channel -> channel.subscribe(subscriber, lastEventId));
          Flux<Event<String>> heartbeats =
              Flux.interval(heartbeat, heartbeat)
                  .map(tick -> comment("keep-alive"))
                  .takeUntilOther(subscriber.closed.asMono());
          return Flux.concat(
                  Flux.fromIterable(registration.prelude()),
                  Flux.merge(subscriber.events.asFlux(), heartbeats))
              .doFinally(signal -> registration.channel().unsubscribe(subscriber));
        });
  }

  /**
   * Reserves one of the user's {@link #maxStreams()} streams and returns its events ({@link
   * #stream}); the reservation ends with the stream. Empty when the user has all of them open.
   */
  public Optional<Flux<Event<String>>> open(UserId user, @Nullable String lastEventId) {
    boolean reserved =
        withChannel(
            user,
            channel -> {
              if (channel.reserved >= maxStreams) {
                return false;
              }
              channel.reserved++;
              return true;
            });
    if (!reserved) {
      return Optional.empty();
    }
    AtomicBoolean released = new AtomicBoolean();
    return Optional.of(
        stream(user, lastEventId)
            .doFinally(
                signal -> {
                  if (released.compareAndSet(false, true)) {
                    withChannel(
                        user,
                        channel -> {
                          channel.reserved = Math.max(0, channel.reserved - 1);
                          return null;
                        });
                  }
                }));
  }

  public int maxStreams() {
    return maxStreams;
  }

  /** How many streams of {@code user} are open on this process. */
  public int openStreams(UserId user) {
    Channel channel = channels.get(user.value());
    if (channel == null) {
      return 0;
    }
    synchronized (channel) {
      return channel.subscribers.size();
    }
  }

  /** Forgets expired events, and users with neither kept events nor open streams. */
  @Scheduled(fixedDelay = "1m", initialDelay = "1m")
  void evictIdle() {
    Instant horizon = clock.instant().minus(history);
    channels.forEach(
        (user, channel) -> {
          synchronized (channel) {
            channel.evict(horizon);
            if (channel.kept.isEmpty() && channel.subscribers.isEmpty() && channel.reserved == 0) {
              channel.retired = true;
              channels.remove(user, channel);
            }
          }
        });
  }

  /** How many users the hub holds state for. */
  int users() {
    return channels.size();
  }

  private <T> T withChannel(UserId user, Function<Channel, T> action) {
    while (true) {
      Channel channel = channels.computeIfAbsent(user.value(), id -> new Channel());
      synchronized (channel) {
        if (!channel.retired) {
          channel.evict(clock.instant().minus(history));
          return action.apply(channel);
        }
      }
    }
  }

  private static String json(Object view) {
    try {
      return JSON.writeValueAsString(view);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a live event", e);
    }
  }

  private static Event<String> comment(String text) {
    return Event.of("").comment(text);
  }

  private static void requireFieldValue(String value, String name) {
    if (value == null || !FIELD_VALUE.matcher(value).matches()) {
      throw new IllegalArgumentException(name + " must be one non-empty line, not " + value);
    }
  }

  /** An event as kept for resuming streams. */
  private record Kept(String id, String name, String data, Instant keptAt) {
    Event<String> toEvent() {
      return Event.of(data).id(id).name(name);
    }
  }

  /** What a new stream starts with, and the channel to leave when it ends. */
  private record Registration(Channel channel, List<Event<String>> prelude) {}

  /** One open stream: a bounded queue of events, and a signal that it has ended. */
  private static final class Subscriber {
    final Sinks.Many<Event<String>> events =
        Sinks.many().unicast().onBackpressureBuffer(Queues.<Event<String>>get(MAX_QUEUED).get());
    final Sinks.Empty<Void> closed = Sinks.empty();

    /**
     * Queues an event; false when the client has left or has not kept up. A client that has not
     * kept up loses its connection at once (rather than after its queue) and resumes from what it
     * has seen.
     */
    boolean offer(Event<String> event) {
      if (events.tryEmitNext(event).isSuccess()) {
        return true;
      }
      closed.tryEmitEmpty();
      events.tryEmitError(new StreamOverflowException());
      return false;
    }
  }

  /** Ends a stream whose client reads more slowly than its events arrive. */
  static final class StreamOverflowException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StreamOverflowException() {
      super(
          "the client did not keep up with its live updates; it may reconnect with Last-Event-ID",
          null,
          false,
          false);
    }
  }

  /** One user's kept events, oldest first, and open streams. Guarded by its own monitor. */
  private static final class Channel {
    final LinkedHashMap<String, Kept> kept = new LinkedHashMap<>();
    final List<Subscriber> subscribers = new ArrayList<>();
    int reserved;
    boolean retired;

    void evict(Instant horizon) {
      Iterator<Kept> oldestFirst = kept.values().iterator();
      while (oldestFirst.hasNext() && oldestFirst.next().keptAt().isBefore(horizon)) {
        oldestFirst.remove();
      }
    }

    Void publish(Kept event) {
      if (kept.containsKey(event.id())) {
        return null;
      }
      kept.put(event.id(), event);
      if (kept.size() > MAX_KEPT) {
        Iterator<Kept> oldestFirst = kept.values().iterator();
        oldestFirst.next();
        oldestFirst.remove();
      }
      Event<String> sse = event.toEvent();
      // A copy: ending a stream can re-enter unsubscribe() on this thread.
      for (Subscriber subscriber : List.copyOf(subscribers)) {
        if (!subscriber.offer(sse)) {
          subscribers.remove(subscriber);
        }
      }
      return null;
    }

    Registration subscribe(Subscriber subscriber, @Nullable String lastEventId) {
      subscribers.add(subscriber);
      List<Event<String>> prelude = new ArrayList<>();
      prelude.add(comment("connected"));
      if (lastEventId == null) {
        return new Registration(this, prelude);
      }
      if (!kept.containsKey(lastEventId)) {
        // The client missed events we no longer have: it must refetch. The id of the newest kept
        // event (if any) lets it resume from here should this connection drop too.
        Event<String> resync = Event.of(HISTORY_EXPIRED).name(RESYNC);
        String newest = null;
        for (Map.Entry<String, Kept> entry : kept.entrySet()) {
          newest = entry.getKey();
        }
        prelude.add(newest == null ? resync : resync.id(newest));
        return new Registration(this, prelude);
      }
      boolean after = false;
      for (Kept event : kept.values()) {
        if (after) {
          prelude.add(event.toEvent());
        } else {
          after = event.id().equals(lastEventId);
        }
      }
      return new Registration(this, prelude);
    }

    void unsubscribe(Subscriber subscriber) {
      synchronized (this) {
        subscribers.remove(subscriber);
      }
    }
  }
}
