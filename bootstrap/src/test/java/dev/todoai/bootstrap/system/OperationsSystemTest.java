package dev.todoai.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.todoai.bootstrap.system.Api.Response;
import dev.todoai.bootstrap.system.Api.User;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What operators rely on: probes, Prometheus metrics, trace ids — and what others may not see. */
class OperationsSystemTest {
  private static final String MANAGEMENT_TOKEN = "management-token-0123456789";
  private static RunningApp app;
  private static Api api;

  @BeforeAll
  static void start() {
    Map<String, Object> props =
        new java.util.HashMap<>(
            dev.todoai.adapter.out.persistence.testsupport.TestDatabase.properties());
    props.put("todo.management.token", MANAGEMENT_TOKEN);
    app = RunningApp.start(props);
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
  void anonymousHealthShowsTheStatusAndNothingElse() {
    for (String path : List.of("/health", "/health/liveness", "/health/readiness")) {
      Response r = api.get(path, null);

      assertThat(r.status()).as(path).isEqualTo(200);
      assertThat(r.json().properties()).as(path).hasSize(1);
      assertThat(r.json().get("status").asText()).isEqualTo("UP");
    }
  }

  @Test
  void aUsersTokenDoesNotShowHealthDetails() {
    User ada = api.register("health-user@example.org");

    Response r = api.get("/health", ada.token());

    assertThat(r.json().properties()).hasSize(1);
  }

  @Test
  void theManagementTokenShowsHealthDetailsWithoutTheDatabasesAddress() {
    Response r = api.get("/health", MANAGEMENT_TOKEN);
    String url = (String) app.properties().get("datasources.default.url");
    String port = url.replaceAll(".*:(\\d+)/.*", "$1");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().at("/details/database/status").asText()).isEqualTo("UP");
    assertThat(r.json().at("/details/database/details/database").asText()).isEqualTo("PostgreSQL");
    assertThat(r.json().at("/details/outbox/details").has("unpublished")).isTrue();
    assertThat(r.body()).doesNotContain("jdbc:").doesNotContain(":" + port).doesNotContain(url);
  }

  @Test
  void prometheusNeedsTheManagementToken() {
    Response anonymous = api.get("/prometheus", null);
    User ada = api.register("metrics-user@example.org");
    Response user = api.get("/prometheus", ada.token());

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.contentType()).startsWith("application/problem+json");
    assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(user.status()).isEqualTo(401);
    assertThat(api.get("/prometheus", MANAGEMENT_TOKEN).status()).isEqualTo(200);
  }

  @Test
  void onTheManagementPortEndpointsShowEverythingAndLeaveThePublicPort() {
    int managementPort = ProductProcess.freePort();
    Map<String, Object> props = new java.util.HashMap<>(app.properties());
    props.remove("todo.management.token");
    props.put("endpoints.all.port", managementPort);
    try (RunningApp other = RunningApp.start(props)) {
      Api management = new Api(java.net.URI.create("http://127.0.0.1:" + managementPort));

      Response health = management.get("/health", null);
      assertThat(health.status()).isEqualTo(200);
      assertThat(health.json().has("details")).isTrue();
      assertThat(management.get("/prometheus", null).status()).isEqualTo(200);
      assertThat(other.api().get("/prometheus", null).status()).isIn(401, 404);
    }
  }

  @Test
  void prometheusShowsHttpLatencyHistogramsConsumersOutboxAndReminders() {
    User ada = api.register("metrics@example.org");
    api.createTask(ada, "Measured");
    api.get("/api/" + ada.id() + "/tasks", ada.token());

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                api.get("/prometheus", MANAGEMENT_TOKEN)
                    .body()
                    .contains("todo_events_consumed_total"));
    String metrics = api.get("/prometheus", MANAGEMENT_TOKEN).body();

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
