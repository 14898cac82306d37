package dev.todoai.adapter.out.assistant;

import dev.todoai.application.port.out.QuickAddParserPort;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/** {@link QuickAddParserPort} served by the assistant's quick-add grammar (the web UI's box). */
@Singleton
final class QuickAddParserAdapter implements QuickAddParserPort {
  private final QuickAddParser parser;

  QuickAddParserAdapter(QuickAddParser parser) {
    this.parser = parser;
  }

  @Override
  public Map<String, Object> parse(String text, ZoneId zone, Instant now) {
    return parser.parse(text, zone, now);
  }
}
