package dev.todoai.adapter.in.rest;

import dev.todoai.domain.shared.IsoText;
import dev.todoai.domain.task.Priority;
import dev.todoai.domain.task.Tag;
import dev.todoai.domain.task.TaskFilter;
import dev.todoai.domain.task.TaskFilter.DueBound;
import dev.todoai.domain.task.TaskFilter.Status;
import dev.todoai.domain.task.TaskFilter.TagMode;
import dev.todoai.domain.task.TaskPageRequest;
import dev.todoai.domain.task.TaskSort;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The query parameters of {@code GET /api/{user_id}/tasks}: parsed into a filter, a sort and a page
 * (collecting every error), and re-encoded into the link to the next page.
 */
final class TaskListParameters {
  static final String CURSOR = "cursor";
  static final String ACCESS_TOKEN = "access_token";
  private static final Set<String> KNOWN =
      Set.of(
          "status",
          "priority",
          "tags",
          "tag_mode",
          "due_after",
          "due_before",
          "overdue",
          "has_due",
          "search",
          "sort_by",
          "sort_order",
          "limit",
          CURSOR,
          ACCESS_TOKEN);
  private static final Set<String> LISTS = Set.of("priority", "tags");
  private static final Pattern LIMIT = Pattern.compile("[0-9]{1,4}");
  private static final int MAX_SEARCH = 200;

  /** What to list. */
  record TaskListRequest(TaskFilter filter, TaskSort sort, TaskPageRequest page) {}

  private TaskListParameters() {}

  /**
   * @param parameters every query parameter with all its values, in request order
   * @throws RequestValidationException naming every unknown parameter and bad value
   */
  static TaskListRequest parse(Map<String, List<String>> parameters) {
    FieldErrors errors = new FieldErrors();
    for (String name : parameters.keySet()) {
      if (!KNOWN.contains(name)) {
        errors.add(name, "is not a known query parameter; known are " + String.join(", ", known()));
      }
    }
    for (Map.Entry<String, List<String>> entry : parameters.entrySet()) {
      if (KNOWN.contains(entry.getKey())
          && !LISTS.contains(entry.getKey())
          && entry.getValue().size() > 1) {
        errors.add(entry.getKey(), "must be given at most once");
      }
    }
    Status status = choice(single(parameters, "status"), "status", errors, Status.values());
    Set<Priority> priorities = new LinkedHashSet<>();
    for (String item : items(parameters, "priority")) {
      Priority priority = errors.attempt(() -> Priority.fromApiName("priority", item));
      if (priority != null) {
        priorities.add(priority);
      }
    }
    Set<Tag> tags = new LinkedHashSet<>();
    for (String item : items(parameters, "tags")) {
      Tag tag = errors.attempt(() -> new Tag(item));
      if (tag != null) {
        tags.add(tag);
      }
    }
    TagMode tagMode = choice(single(parameters, "tag_mode"), "tag_mode", errors, TagMode.values());
    DueBound dueAfter = dueBound(single(parameters, "due_after"), "due_after", errors);
    DueBound dueBefore = dueBound(single(parameters, "due_before"), "due_before", errors);
    Boolean overdue = bool(single(parameters, "overdue"), "overdue", errors);
    Boolean hasDue = bool(single(parameters, "has_due"), "has_due", errors);
    String search = single(parameters, "search");
    if (search != null && search.codePointCount(0, search.length()) > MAX_SEARCH) {
      errors.add("search", "must be at most " + MAX_SEARCH + " characters");
    }
    TaskSort.Field sortBy =
        choice(single(parameters, "sort_by"), "sort_by", errors, TaskSort.Field.values());
    TaskSort.Order sortOrder =
        choice(single(parameters, "sort_order"), "sort_order", errors, TaskSort.Order.values());
    int limit = limit(single(parameters, "limit"), errors);
    String cursor = single(parameters, CURSOR);
    errors.throwIfAny();
    return new TaskListRequest(
        new TaskFilter(
            status, priorities, tags, tagMode, dueAfter, dueBefore, overdue, hasDue, search),
        TaskSort.of(sortBy, sortOrder),
        new TaskPageRequest(limit, cursor));
  }

  /**
   * The {@code Link} header value for the next page: the same parameters (without cursor and
   * access_token) plus the new cursor.
   */
  static String nextLink(String path, Map<String, List<String>> parameters, String cursor) {
    StringBuilder uri = new StringBuilder(path).append('?');
    for (Map.Entry<String, List<String>> entry : parameters.entrySet()) {
      if (entry.getKey().equals(CURSOR) || entry.getKey().equals(ACCESS_TOKEN)) {
        continue;
      }
      for (String value : entry.getValue()) {
        uri.append(encode(entry.getKey())).append('=').append(encode(value)).append('&');
      }
    }
    uri.append(CURSOR).append('=').append(encode(cursor));
    return "<" + uri + ">; rel=\"next\"";
  }

  /** Percent-encodes a query component: only RFC 3986 unreserved characters and ',' stay. */
  static String encode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~'
          || c == ',') {
        out.append(c);
      } else {
        out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
      }
    }
    return out.toString();
  }

  private static List<String> known() {
    return KNOWN.stream().filter(name -> !name.equals(ACCESS_TOKEN)).sorted().toList();
  }

  /** The value of a single-valued parameter; null when absent or empty. */
  static String single(Map<String, List<String>> parameters, String name) {
    List<String> values = parameters.get(name);
    if (values == null || values.isEmpty() || values.get(0).isEmpty()) {
      return null;
    }
    return values.get(0);
  }

  /** The comma-separated items of a list parameter, over all its occurrences. */
  private static List<String> items(Map<String, List<String>> parameters, String name) {
    List<String> items = new ArrayList<>();
    for (String value : parameters.getOrDefault(name, List.of())) {
      for (String item : value.split(",", -1)) {
        if (!item.isBlank()) {
          items.add(item.strip());
        }
      }
    }
    return items;
  }

  private static <E extends Enum<E>> E choice(
      String text, String name, FieldErrors errors, E[] values) {
    if (text == null) {
      return null;
    }
    for (E value : values) {
      if (value.name().toLowerCase(Locale.ROOT).equals(text)) {
        return value;
      }
    }
    List<String> allowed = new ArrayList<>();
    for (E value : values) {
      allowed.add(value.name().toLowerCase(Locale.ROOT));
    }
    errors.add(name, "must be one of " + String.join(", ", allowed));
    return null;
  }

  private static DueBound dueBound(String text, String name, FieldErrors errors) {
    if (text == null) {
      return null;
    }
    if (IsoText.isDate(text)) {
      LocalDate date = TaskRequestParser.date(text, name, errors);
      return date == null ? null : DueBound.of(date);
    }
    // An unencoded '+' of an offset arrives as a space.
    String repaired = text.replace(' ', '+');
    FieldErrors local = new FieldErrors();
    Instant instant = TaskRequestParser.instant(repaired, name, local);
    if (instant == null) {
      errors.add(
          name,
          "must be a date like 2026-01-31 or a date-time with offset like 2026-01-31T09:00:00Z");
      return null;
    }
    return DueBound.of(instant);
  }

  private static Boolean bool(String text, String name, FieldErrors errors) {
    if (text == null) {
      return null;
    }
    if (text.equals("true")) {
      return true;
    }
    if (text.equals("false")) {
      return false;
    }
    errors.add(name, "must be true or false");
    return null;
  }

  /**
   * The page size: 1 to {@link TaskPageRequest#MAX_LIMIT}, {@link TaskPageRequest#DEFAULT_LIMIT}
   * when absent.
   */
  static int limit(String text, FieldErrors errors) {
    if (text == null) {
      return TaskPageRequest.DEFAULT_LIMIT;
    }
    if (!LIMIT.matcher(text).matches()
        || Integer.parseInt(text) < 1
        || Integer.parseInt(text) > TaskPageRequest.MAX_LIMIT) {
      errors.add("limit", "must be a whole number from 1 to " + TaskPageRequest.MAX_LIMIT);
      return TaskPageRequest.DEFAULT_LIMIT;
    }
    return Integer.parseInt(text);
  }
}
