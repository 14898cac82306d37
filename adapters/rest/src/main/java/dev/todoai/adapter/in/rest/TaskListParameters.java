package dev.todoai.adapter.in.rest;

import dev.todoai.adapter.contract.ApiTime;
import dev.todoai.adapter.contract.FieldErrors;
import dev.todoai.adapter.contract.InvalidInputException;
import dev.todoai.adapter.contract.JsonInput;
import dev.todoai.adapter.contract.TaskInputs;
import dev.todoai.adapter.contract.TaskInputs.Query;
import dev.todoai.adapter.contract.TaskListInput;
import dev.todoai.domain.task.TaskPageRequest;
import java.nio.charset.StandardCharsets;
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

  /** The members of {@link TaskListInput}, plus the token a browser's EventSource may send. */
  private static final Set<String> KNOWN = known(JsonInput.names(TaskListInput.class));

  private static final Set<String> LISTS = Set.of("priority", "tags");
  private static final Pattern LIMIT = Pattern.compile("[0-9]{1,4}");

  private TaskListParameters() {}

  /**
   * @param parameters every query parameter with all its values, in request order
   * @throws InvalidInputException naming every unknown parameter and bad value
   */
  static Query parse(Map<String, List<String>> parameters) {
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
    TaskListInput input =
        new TaskListInput(
            single(parameters, "status"),
            parameters.get("priority"),
            parameters.get("tags"),
            single(parameters, "tag_mode"),
            repaired(single(parameters, "due_after")),
            repaired(single(parameters, "due_before")),
            bool(single(parameters, "overdue"), "overdue", errors),
            bool(single(parameters, "has_due"), "has_due", errors),
            single(parameters, "search"),
            single(parameters, "sort_by"),
            single(parameters, "sort_order"),
            limitText(single(parameters, "limit"), errors),
            single(parameters, CURSOR));
    Query query = TaskInputs.query(input, null, TaskPageRequest.DEFAULT_LIMIT, errors);
    errors.throwIfAny();
    return query;
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

  private static Set<String> known(List<String> members) {
    Set<String> known = new LinkedHashSet<>(members);
    known.add(ACCESS_TOKEN);
    return Set.copyOf(known);
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

  /** A page size 1 to 200 for the other lists; {@code TaskPageRequest.DEFAULT_LIMIT} if absent. */
  static int limit(String text, FieldErrors errors) {
    Integer limit = limitText(text, errors);
    if (limit == null) {
      return TaskPageRequest.DEFAULT_LIMIT;
    }
    if (limit < 1 || limit > TaskPageRequest.MAX_LIMIT) {
      errors.add("limit", TaskInputs.limitHint());
      return TaskPageRequest.DEFAULT_LIMIT;
    }
    return limit;
  }

  /** The page size as given (range checked with the other fields); null when absent or bad. */
  private static Integer limitText(String text, FieldErrors errors) {
    if (text == null) {
      return null;
    }
    if (!LIMIT.matcher(text).matches()) {
      errors.add("limit", TaskInputs.limitHint());
      return null;
    }
    return Integer.parseInt(text);
  }

  /** An unencoded '+' of an offset arrives as a space. */
  private static String repaired(String dueBound) {
    return dueBound == null || ApiTime.isDate(dueBound) ? dueBound : dueBound.replace(' ', '+');
  }
}
