package dev.todoai.adapter.out.persistence;

import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskFilter;
import dev.todoai.domain.task.TaskSort;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The benchmark's window on the task adapter's own statements: the exact SQL text and parameter
 * binding that {@link TaskPersistenceAdapter} sends, so that the raw baseline runs the product's
 * statements without the product around them. Lives in the adapter's package on the benchmark's
 * classpath only; the product does not ship it.
 */
public final class BenchSql {
  private BenchSql() {}

  /** One page query exactly as the product builds it. */
  public record PageQuery(String sql, List<Object> params) {
    /**
     * Runs it on {@code c}, reading every column of every row; returns the sort key and id of row
     * {@code keyRow} (1-based; null when there are fewer rows), as the product's next cursor.
     */
    public Object[] run(Connection c, TaskSort sort, int keyRow) throws SQLException {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        Jdbc.bind(ps, params);
        int rows = 0;
        Object key = null;
        Long id = null;
        try (ResultSet rs = ps.executeQuery()) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
              rs.getString(i);
            }
            if (++rows == keyRow) {
              key = TaskQuerySql.sortKey(rs, sort.field());
              id = rs.getLong("id");
            }
          }
        }
        return new Object[] {key, id};
      }
    }
  }

  /**
   * The product's statement for a page: {@code fetch} rows (the product asks for limit + 1), after
   * the row ({@code afterKey}, {@code afterId}) when {@code afterId} is not null.
   */
  public static PageQuery page(
      String owner,
      TaskFilter filter,
      TaskSort sort,
      Object afterKey,
      Long afterId,
      int fetch,
      Instant now) {
    PageCursor after = afterId == null ? null : new PageCursor(sort, afterKey, afterId);
    TaskQuerySql.Statement s =
        TaskQuerySql.build(new UserId(owner), filter, sort, after, fetch, Jdbc.micros(now));
    return new PageQuery(s.sql(), s.params());
  }

  /** The product's INSERT of a task, bound as the product binds it. */
  public static void insertTask(Connection c, Task task) throws SQLException {
    List<Object> params = new java.util.ArrayList<>();
    params.add(task.id().value());
    params.add(task.userId().value());
    params.addAll(TaskRow.values(task));
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO tasks (id, user_id, "
                + String.join(", ", TaskRow.WRITTEN)
                + ") VALUES (?, ?, "
                + String.join(", ", java.util.Collections.nCopies(TaskRow.WRITTEN.size(), "?"))
                + ")")) {
      Jdbc.bind(ps, params);
      ps.executeUpdate();
    }
  }

  /**
   * The product's locking read and UPDATE of a task whose title changes: returns the new version,
   * or -1 when the task is not there.
   */
  public static long updateTitle(Connection c, String owner, long id, String title, Instant now)
      throws SQLException {
    Task current;
    try (PreparedStatement ps = c.prepareStatement(selectOneSql() + " FOR UPDATE")) {
      ps.setLong(1, id);
      ps.setString(2, owner);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return -1;
        }
        current = TaskRow.read(rs);
      }
    }
    var d = current.details();
    Task next =
        current
            .edit(
                new dev.todoai.domain.task.TaskDetails(
                    new dev.todoai.domain.task.Title(title),
                    d.description(),
                    d.priority(),
                    d.tags(),
                    d.due(),
                    d.timeZone(),
                    d.recurrenceRule(),
                    d.recurrenceAnchor()),
                Jdbc.micros(now))
            .task();
    List<Object> params = new java.util.ArrayList<>(TaskRow.values(next));
    params.add(id);
    params.add(owner);
    params.add(current.version());
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE tasks SET "
                + String.join(", ", TaskRow.WRITTEN.stream().map(col -> col + " = ?").toList())
                + " WHERE id = ? AND user_id = ? AND version = ?")) {
      Jdbc.bind(ps, params);
      ps.executeUpdate();
    }
    return next.version();
  }

  /** The columns the product selects for a task. */
  public static String taskColumns() {
    return TaskRow.COLUMNS;
  }

  /** The product's single-task select ({@code id}, then {@code user_id}). */
  public static String selectOneSql() {
    return "SELECT " + TaskRow.COLUMNS + " FROM tasks WHERE id = ? AND user_id = ?";
  }

  /** The columns written for a task after id and user_id, in order. */
  public static List<String> writtenColumns() {
    return TaskRow.WRITTEN;
  }

  /**
   * The row values the product writes for {@code task} (after id and user_id), including the
   * columns derived from the due; nulls are {@code null}.
   */
  public static List<Object> rowValues(Task task) {
    return TaskRow.values(task).stream()
        .map(v -> v instanceof Jdbc.Null ? null : v instanceof Jdbc.TextArray a ? a.values() : v)
        .toList();
  }

  /** Binds a parameter the way the product does (instants at microsecond precision). */
  public static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
    if (value == null) {
      throw new IllegalArgumentException("null parameter " + index);
    }
    Jdbc.bind(ps, index, value instanceof List<?> list ? textArray(list) : value);
  }

  private static Jdbc.TextArray textArray(List<?> list) {
    return new Jdbc.TextArray(list.stream().map(String::valueOf).toList());
  }
}
