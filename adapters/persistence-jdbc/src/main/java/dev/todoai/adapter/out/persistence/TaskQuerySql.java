package dev.todoai.adapter.out.persistence;

import dev.todoai.adapter.out.persistence.Jdbc.TextArray;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Tag;
import dev.todoai.domain.task.TaskFilter;
import dev.todoai.domain.task.TaskFilter.DueBound;
import dev.todoai.domain.task.TaskSort;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the SELECT for one page of a user's tasks: the filter as a WHERE clause, the sort as an
 * ORDER BY that matches an index ({@code <key>, id} in one direction) and the cursor as a row-value
 * comparison in the same direction. Tasks without a due come last in both directions, so a list
 * sorted by due is the union of the rows with a due and those without.
 *
 * <p>The page size is a literal (it is a validated small integer, so there are few distinct texts):
 * the planner knows it even for a generic plan. Which index fits a filter depends on the user and
 * the values (a common tag walks the sort index, a rare one is found through the GIN index), so
 * these statements need custom plans: the data source sets {@code plan_cache_mode =
 * force_custom_plan} on every connection (see {@code application.yml}).
 */
final class TaskQuerySql {

  /** SQL text and its parameters, in order. */
  record Statement(String sql, List<Object> params) {}

  private final List<String> where = new ArrayList<>();
  private final List<Object> whereParams = new ArrayList<>();
  private Boolean hasDue;
  private boolean excludesUndated;

  private TaskQuerySql() {}

  static Statement build(
      UserId owner, TaskFilter filter, TaskSort sort, PageCursor after, int fetch, Instant now) {
    TaskQuerySql query = new TaskQuerySql();
    query.filter(owner, filter, now);
    return sort.field() == TaskSort.Field.DUE
        ? query.byDue(sort.order(), after, fetch)
        : query.byKey(sort, after, fetch);
  }

  /** The sort key of the row as selected by {@link #build}, for the next cursor. */
  static Object sortKey(ResultSet rs, TaskSort.Field field) throws SQLException {
    return switch (field) {
      case CREATED_AT, UPDATED_AT, DUE -> Jdbc.instant(rs, "sort_key");
      case PRIORITY -> rs.getInt("sort_key");
      case TITLE -> rs.getString("sort_key");
    };
  }

  private void filter(UserId owner, TaskFilter f, Instant now) {
    condition("user_id = ?", owner.value());
    switch (f.status()) {
      case PENDING -> where.add("NOT completed");
      case COMPLETED -> where.add("completed");
      case ALL -> {}
    }
    if (!f.priorities().isEmpty()) {
      List<Short> ranks = f.priorities().stream().map(p -> (short) p.rank()).sorted().toList();
      where.add("priority IN (" + placeholders(ranks.size()) + ")");
      whereParams.addAll(ranks);
    }
    if (!f.tags().isEmpty()) {
      List<String> tags = f.tags().stream().map(Tag::value).sorted().toList();
      condition(
          f.tagMode() == TaskFilter.TagMode.ANY ? "tags && ?" : "tags @> ?", new TextArray(tags));
    }
    hasDue = f.hasDue();
    // Only tasks with a due can match a due bound, be overdue or "have a due".
    excludesUndated =
        f.dueAfter() != null
            || f.dueBefore() != null
            || Boolean.TRUE.equals(f.overdue())
            || Boolean.TRUE.equals(f.hasDue());
    bound(f.dueAfter(), ">=");
    bound(f.dueBefore(), "<=");
    if (f.overdue() != null) {
      if (f.overdue()) {
        condition("NOT completed AND overdue_from <= ?", now);
      } else {
        condition("(completed OR overdue_from IS NULL OR overdue_from > ?)", now);
      }
    }
    if (f.hasDue() != null) {
      where.add(f.hasDue() ? "due_sort IS NOT NULL" : "due_sort IS NULL");
    }
    if (f.search() != null) {
      String pattern = "%" + escapeLike(f.search()) + "%";
      // What title ILIKE p OR description ILIKE p computes, on a copy lowered at write time (V44).
      condition("search_text LIKE lower(?) ESCAPE '\\'", pattern);
    }
  }

  private void bound(DueBound bound, String operator) {
    if (bound == null) {
      return;
    }
    if (bound.instant() != null) {
      condition("due_sort " + operator + " ?", bound.instant());
    } else {
      condition("due_local_date " + operator + " ?", bound.date());
    }
  }

  private void condition(String sql, Object param) {
    where.add(sql);
    whereParams.add(param);
  }

  /** Sorts by a key that is never null. */
  private Statement byKey(TaskSort sort, PageCursor after, int fetch) {
    String key = keyExpression(sort.field());
    String dir = sort.order().name();
    List<Object> params = new ArrayList<>(whereParams);
    StringBuilder sql = select(key).append(" WHERE ").append(String.join(" AND ", where));
    if (after != null) {
      sql.append(" AND (")
          .append(key)
          .append(", id) ")
          .append(after(sort.order()))
          .append(" (?, ?)");
      params.add(cursorKey(sort.field(), after.key()));
      params.add(after.id());
    }
    sql.append(" ORDER BY ").append(key).append(' ').append(dir).append(", id ").append(dir);
    sql.append(" LIMIT ").append(fetch);
    return new Statement(sql.toString(), params);
  }

  /**
   * Sorts by due, nulls last in both directions: the rows with a due followed by the rows without
   * one, each an index range on {@code (user_id, due_sort, id)}. A branch that the filter or the
   * cursor rules out is left out of the statement.
   */
  private Statement byDue(TaskSort.Order order, PageCursor after, int fetch) {
    String op = after(order);
    boolean afterDated = after != null && after.key() != null;
    boolean afterUndated = after != null && after.key() == null;
    Statement dated =
        afterDated
            ? dueBranch(
                "due_sort IS NOT NULL AND (due_sort, id) " + op + " (?, ?)",
                List.of(after.key(), after.id()),
                order,
                fetch)
            : dueBranch("due_sort IS NOT NULL", List.of(), order, fetch);
    Statement undated =
        afterUndated
            ? dueBranch("due_sort IS NULL AND id " + op + " ?", List.of(after.id()), order, fetch)
            : dueBranch("due_sort IS NULL", List.of(), order, fetch);
    boolean withDated = !afterUndated && !Boolean.FALSE.equals(hasDue);
    boolean withUndated = !excludesUndated;
    if (!withDated || !withUndated) {
      return withDated ? dated : undated;
    }
    String dir = order.name();
    List<Object> params = new ArrayList<>(dated.params());
    params.addAll(undated.params());
    String sql =
        "SELECT * FROM (("
            + dated.sql()
            + ") UNION ALL ("
            + undated.sql()
            + ")) AS page ORDER BY sort_key "
            + dir
            + " NULLS LAST, id "
            + dir
            + " LIMIT "
            + fetch;
    return new Statement(sql, params);
  }

  /** One region of {@link #byDue}: the rows with a due, or those without. */
  private Statement dueBranch(
      String region, List<Object> regionParams, TaskSort.Order order, int fetch) {
    String dir = order.name();
    List<Object> params = new ArrayList<>(whereParams);
    params.addAll(regionParams);
    // Within the undated region due_sort is constant, so this is id order; spelled like the
    // index so that the planner reads the rows in index order instead of sorting them.
    String sql =
        select("due_sort")
            .append(" WHERE ")
            .append(String.join(" AND ", where))
            .append(" AND ")
            .append(region)
            .append(" ORDER BY due_sort ")
            .append(dir)
            .append(", id ")
            .append(dir)
            .append(" LIMIT ")
            .append(fetch)
            .toString();
    return new Statement(sql, params);
  }

  private static StringBuilder select(String key) {
    return new StringBuilder("SELECT ")
        .append(TaskRow.COLUMNS)
        .append(", ")
        .append(key)
        .append(" AS sort_key FROM tasks");
  }

  private static String keyExpression(TaskSort.Field field) {
    return switch (field) {
      case CREATED_AT -> "created_at";
      case UPDATED_AT -> "updated_at";
      case DUE -> "due_sort";
      case PRIORITY -> "priority";
      case TITLE -> "lower(title)";
    };
  }

  private static Object cursorKey(TaskSort.Field field, Object key) {
    return key instanceof Integer rank ? rank.shortValue() : key;
  }

  private static String after(TaskSort.Order order) {
    return order == TaskSort.Order.ASC ? ">" : "<";
  }

  private static String placeholders(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  /** Makes {@code %}, {@code _} and {@code \} match themselves in a LIKE pattern. */
  static String escapeLike(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' || c == '%' || c == '_') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
