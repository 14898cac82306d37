package dev.todoai.adapter.out.assistant;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach an OpenAI-compatible chat-completions API ({@code
 * todo.assistant.openai.*}).
 *
 * @param baseUrl e.g. {@code http://localhost:11434/v1}; requests go to {@code
 *     <baseUrl>/chat/completions}
 * @param apiKey sent as a bearer token when not blank
 */
record OpenAiSettings(
    URI baseUrl, String model, String apiKey, Duration timeout, int maxToolRounds) {
  OpenAiSettings {
    Objects.requireNonNull(baseUrl, "todo.assistant.openai.base-url");
    Objects.requireNonNull(model, "todo.assistant.openai.model");
    timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
    if (maxToolRounds < 1) {
      throw new IllegalArgumentException(
          "todo.assistant.openai.max-tool-rounds must be at least 1");
    }
  }

  URI chatCompletions() {
    String base = baseUrl.toString();
    return URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
  }
}
