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
 * exponential back-off ({@code todo.outbox.backoff-min} doubling up to {@code backoff-max}); every
 * {@code todo.outbox.prune-interval} it prunes published events and expired housekeeping rows.
 */
@Singleton
@Requires(property = "todo.relay.enabled", value = "true")
final class OutboxRelayWorker implements ApplicationEventListener<StartupEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelayWorker.class);

  /** The longest a wait blocks on the socket before it looks at the stop flag again. */
  private static final long LISTEN_SLICE_MILLIS = 250;

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

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
      @Value("${todo.outbox.backoff-max:30s}") Duration backoffMax,
      @Value("${todo.outbox.prune-interval:5m}") Duration pruneInterval) {
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
      }
    } finally {
      idle = false;
      closeListening();
      LOG.info("Outbox relay stopped");
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
      if (events + deleted.idempotencyKeys() + deleted.loginFailures() > 0) {
        LOG.info(
            "Pruned {} published event(s), {} idempotency key(s), {} login failure(s)",
            events,
            deleted.idempotencyKeys(),
            deleted.loginFailures());
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

  private void pause(Duration delay) {
    long nanos = delay.toNanos();
    lock.lock();
    try {
      while (running && nanos > 0) {
        nanos = stopRequested.awaitNanos(nanos);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    } finally {
      lock.unlock();
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
