package dev.todoai.adapter.out.persistence;

import dev.todoai.application.port.in.RelayOutboxUseCase;
import dev.todoai.application.port.in.RelayOutboxUseCase.RelayResult;
import dev.todoai.application.port.out.ClockPort;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the outbox from a daemon thread. It keeps one dedicated connection (not from the pool)
 * that {@code LISTEN}s on {@value OutboxPersistenceAdapter#CHANNEL}, so every commit that appended
 * events wakes it; it then calls {@link RelayOutboxUseCase#relayOnce()} until a pass claims
 * nothing, and waits again. Without a notification it sweeps anyway after {@code
 * todo.outbox.fallback-sweep}. A failed pass, or a broken listening connection, is retried after an
 * exponential back-off ({@code todo.outbox.backoff-min} doubling up to {@code backoff-max}, default
 * 2 s) — or sooner, once {@code backoff-min} has passed, when a new commit notifies the channel:
 * new events are the best moment to find out whether the broker is back. When the transport has
 * probes ({@link RelayOutboxUseCase#prepareTransportProbes()}), a failed publication is followed by
 * a probe every {@code todo.outbox.probe-interval} instead of more publications, until a probe goes
 * through or {@code todo.outbox.probe-window} has passed: retrying events through an outage would
 * keep the sidecar's Kafka producer shut for up to 10 s after the broker's return. Every {@code
 * todo.outbox.prune-interval} it prunes published events and expired housekeeping rows. The probes
 * are readied after the first pass that did not fail, and again every 30 s while they are not
 * ready. The back-off is tuned with the publisher's timeout and the sidecar's resiliency policy:
 * see docs/adr/0015-recovery-after-a-broker-outage.md.
 */
@Singleton
@Requires(property = "todo.relay.enabled", value = "true")
final class OutboxRelayWorker implements ApplicationEventListener<StartupEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelayWorker.class);

  /** The longest a wait blocks on the socket before it looks at the stop flag again. */
  private static final long LISTEN_SLICE_MILLIS = 250;

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  /** How often the relay tries again to ready the transport's probes while they are not ready. */
  private static final Duration PROBE_PREPARATION_INTERVAL = Duration.ofSeconds(30);

  private final RelayOutboxUseCase relay;
  private final ExpiredRowsCleaner cleaner;
  private final ClockPort clock;
  private final String url;
  private final String username;
  private final String password;
  private final Duration fallbackSweep;
  private final Duration backoffMin;
  private final Duration backoffMax;
  private final Duration pruneInterval;
  private final Duration probeInterval;
  private final Duration probeWindow;

  /** Whether the transport's probes are ready; touched by the worker thread only. */
  private boolean probesReady;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition stopRequested = lock.newCondition();
  private volatile boolean running;
  private volatile boolean idle;
  private Thread thread;

  /** The listening connection; touched by the worker thread only. */
  private Connection listening;

  OutboxRelayWorker(
      RelayOutboxUseCase relay,
      ExpiredRowsCleaner cleaner,
      ClockPort clock,
      @Value("${datasources.default.url}") String url,
      @Value("${datasources.default.username:}") String username,
      @Value("${datasources.default.password:}") String password,
      @Value("${todo.outbox.fallback-sweep:30s}") Duration fallbackSweep,
      @Value("${todo.outbox.backoff-min:100ms}") Duration backoffMin,
      @Value("${todo.outbox.backoff-max:2s}") Duration backoffMax,
      @Value("${todo.outbox.prune-interval:5m}") Duration pruneInterval,
      @Value("${todo.outbox.probe-interval:1500ms}") Duration probeInterval,
      @Value("${todo.outbox.probe-window:60s}") Duration probeWindow) {
    this.relay = relay;
    this.cleaner = cleaner;
    this.clock = clock;
    this.url = url;
    this.username = username;
    this.password = password;
    this.fallbackSweep = positive("todo.outbox.fallback-sweep", fallbackSweep);
    this.backoffMin = positive("todo.outbox.backoff-min", backoffMin);
    this.backoffMax = positive("todo.outbox.backoff-max", backoffMax);
    this.pruneInterval = positive("todo.outbox.prune-interval", pruneInterval);
    this.probeInterval = positive("todo.outbox.probe-interval", probeInterval);
    this.probeWindow = positive("todo.outbox.probe-window", probeWindow);
    if (backoffMax.compareTo(backoffMin) < 0) {
      throw new IllegalArgumentException("todo.outbox.backoff-max must be >= backoff-min");
    }
  }

  private static Duration positive(String name, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return value;
  }

  @Override
  public void onApplicationEvent(StartupEvent event) {
    start();
  }

  synchronized void start() {
    if (thread != null) {
      return;
    }
    running = true;
    thread = new Thread(this::run, "outbox-relay");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Stops the loop: a running pass finishes (it is one transaction), then the connection closes.
   */
  @PreDestroy
  synchronized void stop() {
    if (thread == null) {
      return;
    }
    running = false;
    lock.lock();
    try {
      stopRequested.signalAll();
    } finally {
      lock.unlock();
    }
    try {
      thread.join(STOP_TIMEOUT.toMillis());
      if (thread.isAlive()) {
        LOG.warn("Outbox relay did not stop within {}; leaving it behind", STOP_TIMEOUT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    thread = null;
  }

  /** True while the worker waits for a notification after draining the outbox successfully. */
  boolean idle() {
    return idle;
  }

  private void run() {
    LOG.info(
        "Outbox relay started (fallback sweep {}, back-off {}..{})",
        fallbackSweep,
        backoffMin,
        backoffMax);
    int failures = 0;
    long nextPrune = System.nanoTime();
    long nextProbePreparation = System.nanoTime();
    try {
      while (running) {
        String what = "listening for outbox notifications";
        Exception failure;
        try {
          listen();
          what = "publishing";
          failure = drain();
          if (failure == null) {
            if (failures > 0) {
              LOG.info("Outbox relay recovered after {} failed attempt(s)", failures);
              failures = 0;
            }
            if (!probesReady && System.nanoTime() - nextProbePreparation >= 0) {
              prepareProbes();
              nextProbePreparation = System.nanoTime() + PROBE_PREPARATION_INTERVAL.toNanos();
            }
            if (System.nanoTime() - nextPrune >= 0) {
              prune();
              nextPrune = System.nanoTime() + pruneInterval.toNanos();
            }
            what = "listening for outbox notifications";
            awaitWakeUp(Math.min(fallbackSweep.toNanos(), nextPrune - System.nanoTime()));
            continue;
          }
        } catch (SQLException e) {
          failure = e;
          closeListening();
        } catch (RuntimeException e) {
          failure = e;
        }
        failures++;
        Duration delay = backoff(failures);
        if (failures == 1) {
          LOG.warn("Outbox relay: {} failed; retrying in {} ms", what, delay.toMillis(), failure);
        } else {
          LOG.warn(
              "Outbox relay: {} failed again ({}); retrying in {} ms",
              what,
              failure.toString(),
              delay.toMillis());
        }
        pause(delay);
        if (probesReady && what.equals("publishing")) {
          awaitTransport();
        }
      }
    } finally {
      idle = false;
      closeListening();
      LOG.info("Outbox relay stopped");
    }
  }

  private void prepareProbes() {
    try {
      probesReady = relay.prepareTransportProbes();
    } catch (RuntimeException e) {
      probesReady = false;
      LOG.debug("Outbox relay: the transport's probes are not ready", e);
    }
    if (probesReady) {
      LOG.info(
          "Outbox relay: after a failed publication it probes the transport every {} (for up to"
              + " {}) before publishing again",
          probeInterval,
          probeWindow);
    }
  }

  /**
   * After a failed publication: probes the transport every {@code probe-interval} (counted from the
   * start of each probe) until a probe goes through, the worker stops, or {@code probe-window} has
   * passed (then the relay tries the events themselves again, as without probes).
   */
  private void awaitTransport() {
    long started = System.nanoTime();
    int probes = 0;
    while (running && System.nanoTime() - started - probeWindow.toNanos() < 0) {
      long probeStarted = System.nanoTime();
      boolean reachable;
      try {
        reachable = relay.transportReachable();
      } catch (RuntimeException e) {
        reachable = false;
      }
      probes++;
      if (reachable) {
        if (probes > 1) {
          LOG.info(
              "Outbox relay: the transport takes messages again ({} probes in {} ms)",
              probes,
              TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
        return;
      }
      if (probes == 1) {
        LOG.info(
            "Outbox relay: the transport does not take messages; probing every {} before"
                + " publishing again",
            probeInterval);
      }
      // one probe per interval, however long a probe waited for its answer
      long left = probeInterval.toNanos() - (System.nanoTime() - probeStarted);
      if (left > 0) {
        sleep(Duration.ofNanos(left));
      }
    }
  }

  /** Sleeps unless the worker stops meanwhile. */
  private void sleep(Duration duration) {
    lock.lock();
    try {
      if (running) {
        stopRequested.await(duration.toNanos(), TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    } finally {
      lock.unlock();
    }
  }

  /** Relays batches until a pass claims nothing; the failure that stopped it, or null. */
  private RuntimeException drain() {
    while (running) {
      RelayResult result = relay.relayOnce();
      if (result.failed()) {
        return result.failure();
      }
      if (result.claimed() == 0) {
        return null;
      }
    }
    return null;
  }

  private void prune() {
    try {
      int events = relay.prune();
      ExpiredRowsCleaner.Deleted deleted = cleaner.deleteExpired(clock.now());
      if (events + deleted.total() > 0) {
        LOG.info(
            "Pruned {} published event(s), {} idempotency key(s), {} login failure(s),"
                + " {} processed-event record(s), {} read notification(s)",
            events,
            deleted.idempotencyKeys(),
            deleted.loginFailures(),
            deleted.processedEvents(),
            deleted.readNotifications());
      }
    } catch (RuntimeException e) {
      LOG.warn("Outbox relay: pruning failed; trying again in {}", pruneInterval, e);
    }
  }

  private void listen() throws SQLException {
    if (listening != null) {
      return;
    }
    Properties props = new Properties();
    if (!username.isEmpty()) {
      props.setProperty("user", username);
    }
    if (!password.isEmpty()) {
      props.setProperty("password", password);
    }
    props.setProperty("ApplicationName", "todo-ai outbox relay");
    props.setProperty("tcpKeepAlive", "true");
    Connection connection = new org.postgresql.Driver().connect(url, props);
    if (connection == null) {
      throw new IllegalStateException("not a PostgreSQL JDBC URL: datasources.default.url");
    }
    try (Statement s = connection.createStatement()) {
      connection.setAutoCommit(true);
      s.execute("LISTEN " + OutboxPersistenceAdapter.CHANNEL);
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    listening = connection;
  }

  /**
   * Waits until a notification arrives, {@code nanos} pass or the worker stops. Each wait ends on a
   * pass, so notifications that came in meanwhile are consumed here and cost one extra pass at
   * most.
   */
  private void awaitWakeUp(long nanos) throws SQLException {
    PGConnection pg = listening.unwrap(PGConnection.class);
    long deadline = System.nanoTime() + Math.max(nanos, 0);
    idle = true;
    try {
      while (running) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          // A silent sweep: make sure that the connection is still there to be notified on.
          if (!listening.isValid(5)) {
            throw new SQLException("listening connection is no longer valid");
          }
          return;
        }
        PGNotification[] notifications =
            pg.getNotifications((int) Math.max(1, Math.min(left, LISTEN_SLICE_MILLIS)));
        if (notifications != null && notifications.length > 0) {
          return;
        }
      }
    } finally {
      idle = false;
    }
  }

  private Duration backoff(int failures) {
    Duration delay = backoffMin;
    for (int i = 1; i < failures && delay.compareTo(backoffMax) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(backoffMax) > 0 ? backoffMax : delay;
  }

  /**
   * Waits out a back-off: until {@code delay} has passed, the worker stops, or — after at least
   * {@code backoff-min} — a commit notifies the listening connection.
   */
  private void pause(Duration delay) {
    long start = System.nanoTime();
    long deadline = start + delay.toNanos();
    long earliest = start + Math.min(backoffMin.toNanos(), delay.toNanos());
    boolean notified = false;
    while (running) {
      long now = System.nanoTime();
      if (now - deadline >= 0 || (notified && now - earliest >= 0)) {
        if (notified && now - deadline < 0) {
          LOG.debug("Outbox relay: new events committed, retrying before the back-off ends");
        }
        return;
      }
      long sliceMillis =
          Math.max(1, Math.min(LISTEN_SLICE_MILLIS, TimeUnit.NANOSECONDS.toMillis(deadline - now)));
      if (listening != null) {
        try {
          PGNotification[] notifications =
              listening.unwrap(PGConnection.class).getNotifications((int) sliceMillis);
          notified |= notifications != null && notifications.length > 0;
          continue;
        } catch (SQLException e) {
          closeListening();
        }
      }
      lock.lock();
      try {
        if (running) {
          stopRequested.await(sliceMillis, TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      } finally {
        lock.unlock();
      }
    }
  }

  private void closeListening() {
    if (listening == null) {
      return;
    }
    try {
      listening.close();
    } catch (SQLException e) {
      LOG.debug("Closing the listening connection failed", e);
    } finally {
      listening = null;
    }
  }
}
