package dev.todoai.adapter.out.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.todoai.domain.shared.UserId;
import io.micronaut.http.sse.Event;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;

/** The hub's memory of recent events, without HTTP. */
class SseHubTest {
  private static final Duration HISTORY = Duration.ofMinutes(10);
  private static final Duration WAIT = Duration.ofSeconds(5);

  private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
  private final SseHub hub = new SseHub(HISTORY, Duration.ofHours(1), clock);
  private final UserId user = new UserId("user-1");

  @Test
  void resumingReplaysTheKeptEventsAfterTheLastSeenOneInOrder() {
    publish("e1", "e2", "e3");

    List<Event<String>> events = firstEvents("e1", 3);

    assertThat(events.get(0).getComment()).isEqualTo("connected");
    assertThat(ids(events.subList(1, 3))).containsExactly("e2", "e3");
    assertThat(events.get(1).getName()).isEqualTo(SseHub.TASK_UPDATE);
    assertThat(events.get(1).getData()).isEqualTo("{\"n\":\"e2\"}");
  }

  @Test
  void eventsOlderThanTheHistoryAreForgottenSoResumingFromThemIsAResync() {
    publish("e1");
    clock.advance(HISTORY.plusSeconds(1));
    publish("e2");

    Event<String> resync = firstEvents("e1", 2).get(1);

    assertThat(resync.getName()).isEqualTo(SseHub.RESYNC);
    assertThat(resync.getData()).isEqualTo("{\"reason\":\"history-expired\"}");
    assertThat(resync.getId()).isEqualTo("e2");
  }

  @Test
  void resyncWithNothingKeptCarriesNoId() {
    Event<String> resync = firstEvents("gone", 2).get(1);

    assertThat(resync.getName()).isEqualTo(SseHub.RESYNC);
    assertThat(resync.getId()).isNull();
  }

  @Test
  void atMostMaxKeptEventsAreKeptPerUser() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i <= SseHub.MAX_KEPT; i++) {
      ids.add("e" + i);
    }
    publish(ids.toArray(String[]::new));

    assertThat(firstEvents("e0", 2).get(1).getName()).isEqualTo(SseHub.RESYNC);
    assertThat(ids(firstEvents("e1", SseHub.MAX_KEPT).subList(1, SseHub.MAX_KEPT)))
        .isEqualTo(ids.subList(2, SseHub.MAX_KEPT + 1));
  }

  @Test
  void aRepeatedEventIdIsKeptAndSentOnce() {
    publish("e1", "e2", "e1", "e3");

    assertThat(ids(firstEvents("e1", 3).subList(1, 3))).containsExactly("e2", "e3");
  }

  @Test
  void anotherEventNameGoesThroughTheSameHub() {
    publish("e1");
    hub.publish(user, "n1", "notification", "{\"title\":\"Due soon\"}");

    Event<String> notification = firstEvents("e1", 2).get(1);

    assertThat(notification.getId()).isEqualTo("n1");
    assertThat(notification.getName()).isEqualTo("notification");
    assertThat(notification.getData()).isEqualTo("{\"title\":\"Due soon\"}");
  }

  @Test
  void idleUsersAreForgottenAfterTheHistory() {
    publish("e1");
    hub.evictIdle();
    assertThat(hub.users()).isEqualTo(1);

    clock.advance(HISTORY.plusSeconds(1));
    hub.evictIdle();

    assertThat(hub.users()).isZero();
  }

  @Test
  void usersWithAnOpenStreamAreNotForgotten() {
    Disposable stream = hub.stream(user, null).subscribe();
    clock.advance(HISTORY.plusSeconds(1));

    hub.evictIdle();

    assertThat(hub.users()).isEqualTo(1);
    assertThat(hub.openStreams(user)).isEqualTo(1);
    stream.dispose();
    assertThat(hub.openStreams(user)).isZero();
  }

  @Test
  void liveEventsReachOpenStreamsOfTheirUserOnly() {
    List<Event<String>> received = new CopyOnWriteArrayList<>();
    Disposable stream = hub.stream(user, null).subscribe(received::add);

    hub.publish(new UserId("user-2"), "other", SseHub.TASK_UPDATE, "{}");
    publish("mine");

    await().atMost(WAIT).until(() -> received.size() == 2);
    assertThat(ids(received.subList(1, received.size()))).containsExactly("mine");
    stream.dispose();
  }

  @Test
  void aStreamWhoseClientDoesNotReadIsEndedInsteadOfBufferingWithoutBound() {
    AtomicReference<Throwable> ended = new AtomicReference<>();
    hub.stream(user, null)
        .subscribe(
            new BaseSubscriber<Event<String>>() {
              @Override
              protected void hookOnSubscribe(Subscription subscription) {
                subscription.request(1);
              }

              @Override
              protected void hookOnError(Throwable error) {
                ended.set(error);
              }
            });

    for (int i = 0; i < SseHub.MAX_QUEUED * 2; i++) {
      publish("e" + i);
    }

    await().atMost(WAIT).until(() -> ended.get() != null);
    assertThat(ended.get()).isInstanceOf(SseHub.StreamOverflowException.class);
    assertThat(hub.openStreams(user)).isZero();
  }

  @Test
  void eventIdsAndNamesMustBeSingleLines() {
    assertThatThrownBy(() -> hub.publish(user, "a\nb", SseHub.TASK_UPDATE, "{}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> hub.publish(user, "a", "task\r\nupdate", "{}"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void publish(String... ids) {
    for (String id : ids) {
      hub.publish(user, id, SseHub.TASK_UPDATE, "{\"n\":\"" + id + "\"}");
    }
  }

  /** The first {@code count} items of a stream that resumes after {@code lastEventId}. */
  private List<Event<String>> firstEvents(String lastEventId, int count) {
    return hub.stream(user, lastEventId).take(count).collectList().block(WAIT);
  }

  private static List<String> ids(List<Event<String>> events) {
    return events.stream().map(Event::getId).toList();
  }

  private static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
