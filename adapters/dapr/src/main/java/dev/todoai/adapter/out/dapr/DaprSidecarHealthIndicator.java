package dev.todoai.adapter.out.dapr;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Readiness of the Dapr sidecar: its outbound health endpoint answers 204 once its components
 * (pub/sub, secret store) are ready. A process whose sidecar is not ready cannot publish, be
 * delivered to, or schedule reminders, so it should not receive traffic either.
 */
@Singleton
@Readiness
@Requires(property = "todo.transport", value = "dapr")
final class DaprSidecarHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final URI healthz;
  private final String apiToken;

  DaprSidecarHealthIndicator() {
    String port = System.getenv().getOrDefault("DAPR_HTTP_PORT", "3500");
    this.healthz = URI.create("http://127.0.0.1:" + port + "/v1.0/healthz/outbound");
    this.apiToken = System.getenv("DAPR_API_TOKEN");
  }

  @Override
  protected Map<String, Object> getHealthInformation() {
    Map<String, Object> details = new LinkedHashMap<>();
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(healthz).timeout(Duration.ofSeconds(2));
      if (apiToken != null && !apiToken.isBlank()) {
        request.header("dapr-api-token", apiToken);
      }
      HttpResponse<Void> response =
          http.send(request.GET().build(), HttpResponse.BodyHandlers.discarding());
      details.put("status_code", response.statusCode());
      healthStatus = response.statusCode() / 100 == 2 ? HealthStatus.UP : HealthStatus.DOWN;
    } catch (java.io.IOException e) {
      details.put("error", "the sidecar does not answer");
      healthStatus = HealthStatus.DOWN;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      healthStatus = HealthStatus.UNKNOWN;
    }
    return details;
  }

  @Override
  protected String getName() {
    return "dapr-sidecar";
  }
}
