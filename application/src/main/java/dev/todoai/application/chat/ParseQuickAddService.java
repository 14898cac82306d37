package dev.todoai.application.chat;

import dev.todoai.application.port.in.ParseQuickAddQuery;
import dev.todoai.application.port.out.ClockPort;
import dev.todoai.application.port.out.QuickAddParserPort;
import dev.todoai.domain.shared.InvalidValueException;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads quick-add text with the parser the assistant uses, as of now. */
public final class ParseQuickAddService implements ParseQuickAddQuery {
  private static final ZoneId UTC = ZoneId.of("UTC");

  private final ClockPort clock;
  private final QuickAddParserPort parser;

  public ParseQuickAddService(ClockPort clock, QuickAddParserPort parser) {
    this.clock = clock;
    this.parser = parser;
  }

  @Override
  public Map<String, Object> parse(String text, ZoneId zone) {
    if (text == null) {
      throw new InvalidValueException("text", "is required");
    }
    if (text.isBlank()) {
      throw new InvalidValueException("text", "must not be blank");
    }
    if (text.codePointCount(0, text.length()) > MAX_TEXT_LENGTH) {
      throw new InvalidValueException("text", "must be at most " + MAX_TEXT_LENGTH + " characters");
    }
    Map<String, Object> arguments = parser.parse(text, zone == null ? UTC : zone, clock.now());
    return Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
  }
}
