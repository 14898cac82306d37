package dev.todoai.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.todoai.bootstrap.system.Api.Response;
import dev.todoai.bootstrap.system.Api.User;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What operators rely on: probes, Prometheus metrics, trace ids. */
class OperationsSystemTest {
  private static RunningApp app;
  private static Api api;

  @BeforeAll
  static void start() {
    app = RunningApp.start();
    api = app.api();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void livenessAndReadinessAreUpWithoutAToken() {
    Response liveness = api.get("/health/liveness", null);
    Response readiness = api.get("/health/readiness", null);

    assertThat(liveness.status()).isEqualTo(200);
    assertThat(readiness.status()).isEqualTo(200);
    assertThat(readiness.json().get("status").asText()).isEqualTo("UP");
  }

  @Test
  void prometheusShowsHttpLatencyHistogramsConsumersOutboxAndReminders() {
    User ada = api.register("metrics@example.org");
    api.createTask(ada, "Measured");
    api.get("/api/" + ada.id() + "/tasks", ada.token());

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> api.get("/prometheus", null).body().contains("todo_events_consumed_total"));
    String metrics = api.get("/prometheus", null).body();

    assertThat(metrics)
        .contains("http_server_requests_seconds_bucket")
        .contains("todo_events_consumed_total{consumer=\"audit\"")
        .contains("todo_outbox_unpublished")
        .contains("todo_outbox_oldest_age_seconds")
        .contains("todo_reminders_armed");
  }

  @Test
  void theTraceIdOfAnIncomingTraceparentIsEchoed() {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

    Response r =
        api.send(
            "GET",
            "/health",
            null,
            null,
            Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
    Response fresh = api.get("/health", null);

    assertThat(r.header("X-Trace-Id")).isEqualTo(traceId);
    assertThat(fresh.header("X-Trace-Id")).matches("[0-9a-f]{32}").isNotEqualTo(traceId);
  }
}
