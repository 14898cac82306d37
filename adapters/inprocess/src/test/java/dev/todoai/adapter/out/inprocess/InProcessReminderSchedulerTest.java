package dev.todoai.adapter.out.inprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.todoai.application.port.in.FireReminderUseCase;
import dev.todoai.application.port.in.FireReminderUseCase.FireOutcome;
import dev.todoai.domain.reminder.ReminderId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InProcessReminderSchedulerTest {
  private final SystemClock clock = new SystemClock();
  private final Map<Long, Instant> firedAt = new ConcurrentHashMap<>();
  private final List<Long> firings = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final FireReminderUseCase fire =
      id -> {
        if (failuresLeft.getAndDecrement() > 0) {
          throw new IllegalStateException("database unavailable");
        }
        firings.add(id.value());
        firedAt.putIfAbsent(id.value(), Instant.now());
        return FireOutcome.SENT;
      };
  private final InProcessReminderScheduler scheduler =
      new InProcessReminderScheduler(clock, () -> fire, ReminderMetrics.none());

  @AfterEach
  void stop() {
    scheduler.stop();
  }

  @Test
  void firesAtItsInstantAndNotBefore() {
    Instant at = Instant.now().plusMillis(700);

    scheduler.schedule(new ReminderId(1), at);

    await().atMost(Duration.ofSeconds(5)).until(() -> firedAt.containsKey(1L));
    assertThat(firedAt.get(1L)).isAfterOrEqualTo(at);
    assertThat(Duration.between(at, firedAt.get(1L))).isLessThan(Duration.ofSeconds(1));
    assertThat(scheduler.armedCount()).isZero();
  }

  @Test
  void aPastInstantFiresAtOnce() {
    scheduler.schedule(new ReminderId(2), Instant.now().minusSeconds(60));

    await().atMost(Duration.ofSeconds(5)).until(() -> firings.contains(2L));
  }

  @Test
  void reschedulingReplacesTheEarlierTimeAndCancellingStopsIt() throws Exception {
    scheduler.schedule(new ReminderId(3), Instant.now().plusMillis(200));
    scheduler.schedule(new ReminderId(3), Instant.now().plusMillis(900));
    scheduler.schedule(new ReminderId(4), Instant.now().plusMillis(300));
    scheduler.cancel(new ReminderId(4));

    await().atMost(Duration.ofSeconds(5)).until(() -> firings.contains(3L));
    Thread.sleep(300);

    assertThat(firings).containsExactly(3L);
  }

  @Test
  void aFailedFiringIsRetriedUntilItSucceeds() {
    failuresLeft.set(1);

    scheduler.schedule(new ReminderId(5), Instant.now());

    await().atMost(Duration.ofSeconds(10)).until(() -> firings.contains(5L));
    assertThat(firings).containsExactly(5L);
  }

  @Test
  void tenThousandTimersFireOnTime() {
    Instant at = Instant.now().plusSeconds(2);
    for (long id = 100; id < 10_100; id++) {
      scheduler.schedule(new ReminderId(id), at);
    }

    await().atMost(Duration.ofSeconds(20)).until(() -> firings.size() == 10_000);
    assertThat(firedAt.values()).allSatisfy(t -> assertThat(t).isAfterOrEqualTo(at));
  }
}
