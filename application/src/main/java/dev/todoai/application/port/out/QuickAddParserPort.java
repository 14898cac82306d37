package dev.todoai.application.port.out;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/** Reads one line of quick-add text into {@code add_task} arguments (JSON-like values). */
public interface QuickAddParserPort {
  /** Relative dates ("tomorrow 9am") are resolved in {@code zone} as of {@code now}. */
  Map<String, Object> parse(String text, ZoneId zone, Instant now);
}
