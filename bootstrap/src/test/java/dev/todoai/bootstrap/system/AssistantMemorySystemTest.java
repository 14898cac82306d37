package dev.todoai.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todoai.bootstrap.system.Api.Response;
import dev.todoai.bootstrap.system.Api.User;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the built-in assistant remembers of a conversation (which task "it" is, the question it
 * asked, what "undo" reverts) is stored with the conversation: it carries on after a restart.
 */
class AssistantMemorySystemTest {

  private static JsonNode chat(Api api, User user, Long conversation, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (conversation != null) {
      body.put("conversation_id", conversation);
    }
    body.put("message", message);
    body.put("time_zone", "Europe/Berlin");
    Response r = api.post("/api/" + user.id() + "/chat", user.token(), Api.json(body));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static JsonNode tasks(Api api, User user) {
    return api.get("/api/" + user.id() + "/tasks?status=all", user.token()).json();
  }

  @Test
  void aQuestionAskedBeforeARestartIsAnsweredAfterItAndUndoStillWorks() {
    RunningApp first = RunningApp.start();
    Map<String, Object> database = first.properties();
    User ada;
    long conversation;
    try {
      Api api = first.api();
      ada = api.register("memory@example.org");
      api.createTask(ada, "call mom");
      api.createTask(ada, "call the bank");
      api.createTask(ada, "water the ferns");

      JsonNode question = chat(api, ada, null, "delete the call task");
      assertThat(question.get("response").asText()).startsWith("Which one do you mean?");
      conversation = question.get("conversation_id").asLong();
      assertThat(tasks(api, ada)).hasSize(3);
    } finally {
      first.close();
    }

    RunningApp second = RunningApp.start(database);
    try {
      Api api = second.api();
      JsonNode answered = chat(api, ada, conversation, "call mom");
      assertThat(answered.get("response").asText()).isEqualTo("Deleted “call mom”.");
      assertThat(tasks(api, ada).findValuesAsText("title"))
          .containsExactlyInAnyOrder("call the bank", "water the ferns");

      JsonNode undone = chat(api, ada, conversation, "undo");
      assertThat(undone.get("response").asText()).startsWith("Undone");
      assertThat(tasks(api, ada).findValuesAsText("title"))
          .containsExactlyInAnyOrder("call mom", "call the bank", "water the ferns");

      JsonNode listed = chat(api, ada, conversation, "find the ferns");
      assertThat(listed.get("response").asText()).contains("water the ferns");
    } finally {
      second.close();
    }

    RunningApp third = RunningApp.start(database);
    try {
      Api api = third.api();
      chat(api, ada, conversation, "make it high priority");
      JsonNode ferns = null;
      for (JsonNode t : tasks(api, ada)) {
        if (t.get("title").asText().equals("water the ferns")) {
          ferns = t;
        }
      }
      assertThat(ferns).isNotNull();
      assertThat(ferns.get("priority").asText()).isEqualTo("high");
    } finally {
      third.close();
    }
  }
}
