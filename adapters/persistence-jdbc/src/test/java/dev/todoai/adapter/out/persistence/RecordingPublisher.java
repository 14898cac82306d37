package dev.todoai.adapter.out.persistence;

import dev.todoai.application.event.OutboundEvent;
import dev.todoai.application.port.out.PublishEventPort;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A transport for tests: records every accepted event with a JVM-wide sequence number (so that the
 * deliveries of several relays can be merged in the order they happened), and can be switched off
 * or told to fail its next calls.
 */
final class RecordingPublisher implements PublishEventPort {
  private static final AtomicLong SEQUENCE = new AtomicLong();

  /** One accepted event: when (sequence, nano time) and by which relay. */
  record Delivery(long sequence, String relay, OutboundEvent event, long atNanos) {
    UUID eventId() {
      return event.eventId();
    }
  }

  private final String relay;
  private final List<Delivery> deliveries = new ArrayList<>();
  private final List<UUID> refused = new ArrayList<>();
  private int successesBeforeFailure;
  private int failNext;
  private boolean down;
  private final boolean probing;
  private int probes;

  RecordingPublisher(String relay) {
    this(relay, false);
  }

  /** With {@code probing}, a transport with probes: they go through whenever it is not down. */
  RecordingPublisher(String relay, boolean probing) {
    this.relay = relay;
    this.probing = probing;
  }

  @Override
  public synchronized boolean prepareProbes() {
    return probing && !down;
  }

  @Override
  public synchronized boolean probe() {
    probes++;
    return !down;
  }

  synchronized int probes() {
    return probes;
  }

  @Override
  public synchronized void publish(OutboundEvent event) {
    boolean fail = down || (failNext > 0 && successesBeforeFailure == 0);
    if (!fail && failNext > 0) {
      successesBeforeFailure--;
    }
    if (fail) {
      failNext = Math.max(0, failNext - 1);
      refused.add(event.eventId());
      throw new IllegalStateException("transport unavailable (test)");
    }
    deliveries.add(new Delivery(SEQUENCE.incrementAndGet(), relay, event, System.nanoTime()));
  }

  /** Fails the next {@code calls} calls. */
  synchronized void failNext(int calls) {
    failAfter(0, calls);
  }

  /** Accepts {@code successes} more calls, then fails {@code calls} calls. */
  synchronized void failAfter(int successes, int calls) {
    successesBeforeFailure = successes;
    failNext = calls;
  }

  synchronized void down() {
    down = true;
  }

  synchronized void up() {
    down = false;
  }

  synchronized void reset() {
    deliveries.clear();
    refused.clear();
    failNext = 0;
    successesBeforeFailure = 0;
    down = false;
    probes = 0;
  }

  synchronized List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  synchronized int deliveryCount() {
    return deliveries.size();
  }

  /** Event ids of the calls that failed, in call order. */
  synchronized List<UUID> refused() {
    return List.copyOf(refused);
  }
}
