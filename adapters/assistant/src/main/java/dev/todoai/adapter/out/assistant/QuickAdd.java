package dev.todoai.adapter.out.assistant;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task as read from one line of text: what {@code add_task} needs, plus what a reply says about
 * it.
 *
 * @param dueDate the day it is due, null for no due
 * @param dueTime the local time it is due, null for a whole-day due
 * @param recurrence null for a one-off task
 * @param reminders each either {@code before_due} (ISO duration) or {@code remind_at} (instant)
 * @param reminderNotes the reminders in words, same order
 */
public record QuickAdd(
    String title,
    String priority,
    List<String> tags,
    LocalDate dueDate,
    LocalTime dueTime,
    ZoneId zone,
    RecurrenceSpec recurrence,
    List<Map<String, Object>> reminders,
    List<String> reminderNotes) {

  static final DateTimeFormatter OFFSET_DATE_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  public QuickAdd {
    tags = List.copyOf(tags);
    reminders = List.copyOf(reminders);
    reminderNotes = List.copyOf(reminderNotes);
  }

  boolean hasDue() {
    return dueDate != null;
  }

  /** Whether anything besides the title was recognised. */
  boolean hasAttributes() {
    return dueDate != null
        || recurrence != null
        || priority != null
        || !tags.isEmpty()
        || !reminders.isEmpty();
  }

  /** The due as an ISO instant with the zone's offset, e.g. 2026-12-01T09:00:00+01:00. */
  String dueAt() {
    if (dueDate == null || dueTime == null) {
      return null;
    }
    return format(dueDate.atTime(dueTime).atZone(zone));
  }

  static String format(ZonedDateTime t) {
    return t.toOffsetDateTime().format(OFFSET_DATE_TIME);
  }

  /** The {@code add_task} arguments. */
  public Map<String, Object> arguments() {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("title", title);
    if (priority != null) {
      args.put("priority", priority);
    }
    if (!tags.isEmpty()) {
      args.put("tags", tags);
    }
    if (dueDate != null) {
      if (dueTime != null) {
        args.put("due_at", dueAt());
      } else {
        args.put("due_date", dueDate.toString());
      }
      args.put("time_zone", zone.getId());
    }
    if (recurrence != null) {
      args.put("recurrence_rule", recurrence.rrule(zone, dueTime));
      if (recurrence.fromCompletion()) {
        args.put("recurrence_anchor", "completion");
      }
    }
    if (!reminders.isEmpty()) {
      args.put("reminders", reminders);
    }
    return args;
  }

  /** "every month on the 1st at 09:00, urgent priority, #home, reminder 1 day before". */
  String describe(LocalDate today) {
    List<String> parts = new ArrayList<>();
    if (recurrence != null) {
      String r = recurrence.describe();
      if (dueTime != null) {
        r += " at " + Replies.time(dueTime);
      }
      if (recurrence.start() != null) {
        r += ", starting " + Replies.date(dueDate, today);
      }
      parts.add(r);
    } else if (dueDate != null) {
      parts.add("due " + Replies.due(dueDate, dueTime, today));
    }
    if (priority != null) {
      parts.add(priority + " priority");
    }
    if (!tags.isEmpty()) {
      parts.add(String.join(" ", tags.stream().map(t -> "#" + t).toList()));
    }
    parts.addAll(reminderNotes);
    return String.join(", ", parts);
  }
}
