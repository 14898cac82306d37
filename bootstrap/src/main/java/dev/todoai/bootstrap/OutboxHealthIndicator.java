package dev.todoai.bootstrap;

import dev.todoai.application.event.OutboxBacklog;
import dev.todoai.application.port.in.RelayOutboxUseCase;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reports the outbox backlog: how many events await publication and how old the oldest is. The
 * status turns DOWN when the oldest has waited longer than {@code todo.outbox.max-healthy-age}
 * (default 5 minutes), i.e. publishing is stuck.
 */
@Singleton
@Readiness
@Requires(property = "todo.relay.enabled", value = "true")
final class OutboxHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
  private final RelayOutboxUseCase relay;
  private final Duration maxHealthyAge;

  OutboxHealthIndicator(
      RelayOutboxUseCase relay,
      @Value("${todo.outbox.max-healthy-age:5m}") Duration maxHealthyAge) {
    this.relay = relay;
    this.maxHealthyAge = maxHealthyAge;
  }

  @Override
  protected Map<String, Object> getHealthInformation() {
    OutboxBacklog backlog = relay.backlog();
    healthStatus =
        backlog.oldestAge().compareTo(maxHealthyAge) > 0 ? HealthStatus.DOWN : HealthStatus.UP;
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("unpublished", backlog.unpublished());
    details.put("oldest_unpublished_age_seconds", backlog.oldestAge().toSeconds());
    return details;
  }

  @Override
  protected String getName() {
    return "outbox";
  }
}
