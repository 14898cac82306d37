package dev.todoai.adapter.out.dapr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.todoai.application.event.NextOccurrenceRequest;
import dev.todoai.application.event.OutboundEvent;
import dev.todoai.domain.reminder.ReminderId;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Due;
import dev.todoai.domain.task.TaskId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DaprWireFormatsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void publishedCloudEventCarriesTheEventIdAndThePayloadAsJsonData() throws Exception {
    DaprEventPublisher publisher =
        new DaprEventPublisher(
            null, "pubsub", "todo-ai", Duration.ofSeconds(1), Duration.ofSeconds(1), 6);
    UUID id = UUID.randomUUID();
    byte[] envelope =
        publisher.envelope(
            new OutboundEvent(id, "task-events", "completed", "user-1", "{\"a\":[1,2]}"));
    JsonNode ce = JSON.readTree(envelope);
    assertThat(ce.get("id").asText()).isEqualTo(id.toString());
    assertThat(ce.get("specversion").asText()).isEqualTo("1.0");
    assertThat(ce.get("type").asText()).isEqualTo("completed");
    assertThat(ce.get("datacontenttype").asText()).isEqualTo("application/json");
    assertThat(ce.get("data").toString()).isEqualTo("{\"a\":[1,2]}");
  }

  @Test
  void jobNameIsDerivedFromTheReminderId() {
    assertThat(DaprReminderScheduler.jobName(new ReminderId(42))).isEqualTo("reminder-42");
  }

  @Test
  void occurrenceRequestIsSentAsSnakeCaseJson() throws Exception {
    byte[] body =
        DaprOccurrenceCreation.body(
            new NextOccurrenceRequest(
                new UserId("u-1"),
                new TaskId(7),
                Due.of(Instant.parse("2030-01-02T10:00:00Z"), null),
                3,
                Due.of(null, LocalDate.parse("2030-01-01"))));
    JsonNode n = JSON.readTree(body);
    assertThat(n.get("user_id").asText()).isEqualTo("u-1");
    assertThat(n.get("predecessor_id").asLong()).isEqualTo(7);
    // the backend computes the due itself: it is not sent
    assertThat(n.properties()).hasSize(2);
  }

  @Test
  void secretValueIsTheNamedKeyTheSecretsOwnNameOrItsOnlyKey() {
    assertThat(DaprSecrets.pick(Map.of("jwt-secret", "s1"), "jwt-secret", null)).isEqualTo("s1");
    assertThat(DaprSecrets.pick(Map.of("token", "s2"), "todo-ai-jwt", null)).isEqualTo("s2");
    assertThat(DaprSecrets.pick(Map.of("a", "1", "b", "2"), "x", "b")).isEqualTo("2");
    assertThat(DaprSecrets.pick(Map.of("a", "1", "b", "2"), "x", null)).isNull();
    assertThat(DaprSecrets.pick(Map.of(), "x", null)).isNull();
  }
}
