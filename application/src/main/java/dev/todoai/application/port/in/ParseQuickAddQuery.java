package dev.todoai.application.port.in;

import java.time.ZoneId;
import java.util.Map;

/**
 * Reads one line of quick-add text ("pay rent every month on the 1st #home p1") into the {@code
 * add_task} arguments a client would send, relative dates resolved in {@code zone} at the current
 * time. Parses only: nothing is stored.
 */
public interface ParseQuickAddQuery {
  int MAX_TEXT_LENGTH = 1000;

  /** JSON-like {@code add_task} arguments: title, and any of due_at/due_date, time_zone, ... */
  Map<String, Object> parse(String text, ZoneId zone);
}
