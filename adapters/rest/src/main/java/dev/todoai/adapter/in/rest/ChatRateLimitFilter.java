package dev.todoai.adapter.in.rest;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Inject;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * At most {@code todo.chat.max-requests-per-minute} (default 20) chat requests ({@code POST
 * /api/{user_id}/chat}) per authenticated user within any minute on this process; the next one is a
 * 429 problem with {@code Retry-After}. Each chat may cost several model calls, so one user must
 * not be able to spend everybody's share. Counted after authentication, by the token's user.
 */
@ServerFilter("/api/*/chat")
@Requires(property = "todo.rest.enabled", notEquals = "false")
final class ChatRateLimitFilter implements Ordered {
  static final String PROPERTY = "todo.chat.max-requests-per-minute";
  private static final Duration WINDOW = Duration.ofMinutes(1);

  private final int max;
  private final Clock clock;
  private final ConcurrentMap<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

  @Inject
  ChatRateLimitFilter(@Value("${" + PROPERTY + ":20}") int max) {
    this(max, Clock.systemUTC());
  }

  ChatRateLimitFilter(int max, Clock clock) {
    if (max < 1) {
      throw new ConfigurationException(PROPERTY + " must be at least 1");
    }
    this.max = max;
    this.clock = clock;
  }

  @RequestFilter
  void limit(HttpRequest<?> request) {
    if (request.getMethod() != HttpMethod.POST) {
      return;
    }
    Principal user = request.getUserPrincipal().orElse(null);
    if (user == null) {
      return;
    }
    Instant now = clock.instant();
    Deque<Instant> times = recent.computeIfAbsent(user.getName(), u -> new ArrayDeque<>());
    synchronized (times) {
      while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
        times.pollFirst();
      }
      if (times.size() >= max) {
        Duration wait = Duration.between(now, times.peekFirst().plus(WINDOW));
        throw new RateLimitedException(
            "/problems/too-many-chat-requests",
            "Too many chat requests",
            "You sent " + max + " chat messages within a minute; please wait a moment.",
            wait);
      }
      times.addLast(now);
    }
  }

  /** Forgets users who have not chatted within the window. */
  @Scheduled(fixedDelay = "5m", initialDelay = "5m")
  void forgetIdle() {
    Instant horizon = clock.instant().minus(WINDOW);
    recent.forEach(
        (user, times) -> {
          synchronized (times) {
            if (times.isEmpty() || !times.peekLast().isAfter(horizon)) {
              recent.remove(user, times);
            }
          }
        });
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.after();
  }
}
