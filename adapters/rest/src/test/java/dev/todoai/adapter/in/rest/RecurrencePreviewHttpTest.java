package dev.todoai.adapter.in.rest;

import static dev.todoai.adapter.in.rest.ApiTestClient.assertInvalid;
import static dev.todoai.adapter.in.rest.ApiTestClient.assertProblem;
import static dev.todoai.adapter.in.rest.ApiTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /api/{user_id}/recurrence/preview} over real HTTP, on an in-memory use case. */
@MicronautTest
@Property(name = "todo.auth.jwt-secret", value = TaskApiHttpTest.SECRET)
class RecurrencePreviewHttpTest {
  @Inject EmbeddedServer server;
  @Inject FakeRecurrencePreview preview;

  private final String user = "user-" + UUID.randomUUID();
  private ApiTestClient api;

  @BeforeEach
  void connect() {
    api = new ApiTestClient(server.getPort(), user);
  }

  private HttpResponse<String> post(String body) throws Exception {
    return api.post("/api/" + user + "/recurrence/preview", body);
  }

  @Test
  void aTimedStartAnswersTheTextAndThreeNextInstantsByDefault() throws Exception {
    HttpResponse<String> response =
        post(
            "{\"recurrence_rule\":\"FREQ=WEEKLY;BYDAY=MO\",\"due_at\":\"2026-12-07T09:00:00Z\","
                + "\"time_zone\":\"Europe/Berlin\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.get("recurrence_text").asText()).isEqualTo("Repeats FREQ=WEEKLY;BYDAY=MO");
    assertThat(body.get("next").toString())
        .isEqualTo("[\"2026-12-08T09:00:00Z\",\"2026-12-09T09:00:00Z\",\"2026-12-10T09:00:00Z\"]");
    assertThat(preview.lastZone).isEqualTo(ZoneId.of("Europe/Berlin"));
  }

  @Test
  void anAllDayStartAnswersDatesAndCountIsHonoured() throws Exception {
    HttpResponse<String> response =
        post("{\"recurrence_rule\":\"FREQ=DAILY\",\"due_date\":\"2026-12-31\",\"count\":2}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(json(response).get("next").toString()).isEqualTo("[\"2027-01-01\",\"2027-01-02\"]");
    assertThat(preview.lastZone).isEqualTo(ZoneId.of("UTC"));
  }

  @Test
  void everyBadFieldIsNamed() throws Exception {
    assertInvalid(
        post(
            "{\"recurrence_rule\":\"FREQ=HOURLY\",\"due_at\":\"tomorrow\",\"time_zone\":\"Mars/Base\","
                + "\"count\":99,\"colour\":\"red\"}"),
        "recurrence_rule",
        "due_at",
        "time_zone",
        "count",
        "colour");
  }

  @Test
  void aRuleAndAStartAreRequired() throws Exception {
    assertInvalid(post("{}"), "recurrence_rule", "due_at");
    assertInvalid(
        post(
            "{\"recurrence_rule\":\"FREQ=DAILY\",\"due_at\":\"2026-12-07T09:00:00Z\","
                + "\"due_date\":\"2026-12-07\"}"),
        "due_date");
  }

  @Test
  void aRuleWithoutInstancesIsAValidationProblem() throws Exception {
    assertInvalid(
        post(
            "{\"recurrence_rule\":\"FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=31\",\"due_date\":\"2026-12-07\"}"),
        "recurrence_rule");
  }

  @Test
  void anotherUsersPathIsForbidden() throws Exception {
    HttpResponse<String> response =
        api.post(
            "/api/someone-else/recurrence/preview",
            "{\"recurrence_rule\":\"FREQ=DAILY\",\"due_date\":\"2026-12-07\"}");

    assertProblem(response, 403, "/problems/forbidden");
  }

  @Test
  void malformedJsonIsABadRequestNotAServerError() throws Exception {
    HttpResponse<String> response = post("{\"recurrence_rule\":");

    assertThat(response.statusCode()).isEqualTo(400);
  }
}
