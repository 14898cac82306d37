package dev.todoai.adapter.in.rest;

import static dev.todoai.adapter.in.rest.ApiTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Chat requests are limited per user (here 3 a minute); other users are not affected. */
@MicronautTest
@Property(name = "todo.auth.jwt-secret", value = TaskApiHttpTest.SECRET)
@Property(name = "todo.chat.max-requests-per-minute", value = "3")
class ChatRateLimitHttpTest {
  @Inject EmbeddedServer server;

  private HttpResponse<String> chat(String user) throws Exception {
    return new ApiTestClient(server.getPort(), user)
        .post("/api/" + user + "/chat", "{\"message\":\"hello\"}");
  }

  @Test
  void theRequestBeyondTheLimitIsA429AndAnotherUserStillChats() throws Exception {
    String ada = "user-" + UUID.randomUUID();
    for (int i = 0; i < 3; i++) {
      assertThat(chat(ada).statusCode()).isEqualTo(200);
    }

    HttpResponse<String> refused = chat(ada);

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(json(refused).get("type").asText()).isEqualTo("/problems/too-many-chat-requests");
    assertThat(Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow()))
        .isBetween(1, 60);
    assertThat(chat("user-" + UUID.randomUUID()).statusCode()).isEqualTo(200);
  }
}
