package dev.todoai.adapter.out.assistant;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Short English renderings of dates, times and tasks for replies. */
final class Replies {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE MMM d", Locale.ENGLISH);
  private static final DateTimeFormatter DAY_YEAR =
      DateTimeFormatter.ofPattern("EEE MMM d yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
  static final int MAX_LISTED = 10;

  private Replies() {}

  static String time(LocalTime t) {
    return t.format(TIME);
  }

  /** "today", "tomorrow", "Tue Dec 1", or with the year when it is not this year. */
  static String date(LocalDate d, LocalDate today) {
    if (today != null) {
      if (d.equals(today)) {
        return "today";
      }
      if (d.equals(today.plusDays(1))) {
        return "tomorrow";
      }
      if (d.getYear() != today.getYear()) {
        return d.format(DAY_YEAR);
      }
    }
    return d.format(DAY);
  }

  static String due(LocalDate d, LocalTime t, LocalDate today) {
    String day = date(d, today);
    return t == null ? day : day + " at " + time(t);
  }

  /** "“pay rent” (due Tue Dec 1 at 09:00, urgent priority, #home)". */
  static String task(Map<?, ?> task, ZoneId zone, LocalDate today) {
    List<String> details = new ArrayList<>();
    String due = dueOf(task, zone, today);
    if (due != null) {
      details.add("due " + due);
    }
    Object priority = task.get("priority");
    if (priority != null && !"none".equals(priority)) {
      details.add(priority + " priority");
    }
    if (task.get("tags") instanceof Collection<?> tags && !tags.isEmpty()) {
      details.add(String.join(" ", tags.stream().map(t -> "#" + t).toList()));
    }
    if (task.get("recurrence_rule") != null) {
      details.add("repeats");
    }
    if (Boolean.TRUE.equals(task.get("completed"))) {
      details.add("done");
    }
    return quote(String.valueOf(task.get("title")))
        + (details.isEmpty() ? "" : " (" + String.join(", ", details) + ")");
  }

  static String dueOf(Map<?, ?> task, ZoneId zone, LocalDate today) {
    Object dueAt = task.get("due_at");
    if (dueAt != null) {
      ZonedDateTime z = parseInstant(dueAt.toString(), zone);
      if (z != null) {
        return due(z.toLocalDate(), z.toLocalTime(), today);
      }
    }
    Object dueDate = task.get("due_date");
    if (dueDate != null) {
      try {
        return date(LocalDate.parse(dueDate.toString()), today);
      } catch (DateTimeParseException e) {
        return dueDate.toString();
      }
    }
    return null;
  }

  static ZonedDateTime parseInstant(String text, ZoneId zone) {
    try {
      return OffsetDateTime.parse(text).atZoneSameInstant(zone);
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(text).atZone(zone);
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  static String quote(String s) {
    return "“" + s + "”";
  }

  /** Bulleted task lines, at most {@link #MAX_LISTED}, then "…and N more". */
  static String bullets(List<Map<?, ?>> tasks, ZoneId zone, LocalDate today) {
    StringBuilder s = new StringBuilder();
    for (int k = 0; k < tasks.size() && k < MAX_LISTED; k++) {
      s.append("\n• ").append(task(tasks.get(k), zone, today));
    }
    if (tasks.size() > MAX_LISTED) {
      s.append("\n…and ").append(tasks.size() - MAX_LISTED).append(" more.");
    }
    return s.toString();
  }

  static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  static final String HELP =
      "Sorry, I didn't understand that. I can add, find, change, complete and delete tasks, set"
          + " reminders and undo my last change. Try for example:\n"
          + "• “add pay rent every month on the 1st at 9am p1 #home remind me 1 day before”\n"
          + "• “buy milk tomorrow” — then “make it high priority” or “move it to friday”\n"
          + "• “what's due this week?”, “what's overdue?”, “what did I finish today?”\n"
          + "• “find anything about taxes”\n"
          + "• “the dentist is now on the 11th” or “take the travel tag off the passport renewal”\n"
          + "• “remind me about the invoice friday at 10”\n"
          + "• “get rid of the gym membership task”, then “undo”";
}
