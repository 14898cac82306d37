package dev.todoai.adapter.out.persistence;

import dev.todoai.application.port.out.LoadTaskPort;
import dev.todoai.application.port.out.QueryTasksPort;
import dev.todoai.application.port.out.SaveTaskPort;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskFilter;
import dev.todoai.domain.task.TaskId;
import dev.todoai.domain.task.TaskPage;
import dev.todoai.domain.task.TaskPageRequest;
import dev.todoai.domain.task.TaskSort;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Tasks in the {@code tasks} table; every statement is scoped to the owner's rows. */
@Singleton
final class TaskPersistenceAdapter implements LoadTaskPort, SaveTaskPort, QueryTasksPort {
  private static final String SELECT_ONE =
      "SELECT " + TaskRow.COLUMNS + " FROM tasks WHERE id = ? AND user_id = ?";
  private static final String INSERT =
      "INSERT INTO tasks (id, user_id, "
          + String.join(", ", TaskRow.WRITTEN)
          + ") VALUES (?, ?, "
          + TaskRow.WRITTEN.stream().map(c -> "?").collect(Collectors.joining(", "))
          + ")";
  private static final String UPDATE =
      "UPDATE tasks SET "
          + TaskRow.WRITTEN.stream().map(c -> c + " = ?").collect(Collectors.joining(", "))
          + " WHERE id = ? AND user_id = ? AND version = ?";

  private final Jdbc jdbc;

  TaskPersistenceAdapter(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Task> load(UserId owner, TaskId id) {
    return jdbc.read(c -> selectOne(c, SELECT_ONE, owner, id));
  }

  @Override
  public Optional<Task> loadForUpdate(UserId owner, TaskId id) {
    return jdbc.write(c -> selectOne(c, SELECT_ONE + " FOR UPDATE", owner, id));
  }

  private static Optional<Task> selectOne(
      java.sql.Connection c, String sql, UserId owner, TaskId id) throws java.sql.SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, id.value());
      ps.setString(2, owner.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(TaskRow.read(rs)) : Optional.empty();
      }
    }
  }

  @Override
  public TaskId nextId() {
    return jdbc.write(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT nextval('task_id_seq')");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new TaskId(rs.getLong(1));
          }
        });
  }

  @Override
  public void insert(Task task) {
    List<Object> params = new ArrayList<>();
    params.add(task.id().value());
    params.add(task.userId().value());
    params.addAll(TaskRow.values(task));
    jdbc.write(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            Jdbc.bind(ps, params);
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public boolean insertOccurrence(Task task) {
    List<Object> params = new ArrayList<>();
    params.add(task.id().value());
    params.add(task.userId().value());
    params.addAll(TaskRow.values(task));
    return jdbc.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(INSERT + " ON CONFLICT (predecessor_id) DO NOTHING")) {
            Jdbc.bind(ps, params);
            return ps.executeUpdate() == 1;
          }
        });
  }

  @Override
  public Optional<Task> loadSuccessor(UserId owner, TaskId predecessor) {
    return jdbc.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + TaskRow.COLUMNS
                      + " FROM tasks WHERE predecessor_id = ? AND user_id = ?")) {
            ps.setLong(1, predecessor.value());
            ps.setString(2, owner.value());
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(TaskRow.read(rs)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public boolean update(Task task, long previousVersion) {
    List<Object> params = new ArrayList<>(TaskRow.values(task));
    params.add(task.id().value());
    params.add(task.userId().value());
    params.add(previousVersion);
    return jdbc.write(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
            Jdbc.bind(ps, params);
            return ps.executeUpdate() == 1;
          }
        });
  }

  @Override
  public void delete(Task task) {
    jdbc.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM tasks WHERE id = ? AND user_id = ?")) {
            ps.setLong(1, task.id().value());
            ps.setString(2, task.userId().value());
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public TaskPage query(
      UserId owner, TaskFilter filter, TaskSort sort, TaskPageRequest page, Instant now) {
    PageCursor after = page.cursor() == null ? null : PageCursor.decode(page.cursor(), sort);
    int limit = page.limit();
    TaskQuerySql.Statement statement =
        TaskQuerySql.build(owner, filter, sort, after, limit + 1, Jdbc.micros(now));
    return jdbc.read(
        c -> {
          List<Task> tasks = new ArrayList<>(limit + 1);
          Object lastKey = null;
          try (PreparedStatement ps = c.prepareStatement(statement.sql())) {
            Jdbc.bind(ps, statement.params());
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                tasks.add(TaskRow.read(rs));
                if (tasks.size() == limit) {
                  lastKey = TaskQuerySql.sortKey(rs, sort.field());
                }
              }
            }
          }
          if (tasks.size() <= limit) {
            return new TaskPage(tasks, null);
          }
          Task last = tasks.get(limit - 1);
          String next = new PageCursor(sort, lastKey, last.id().value()).encode();
          return new TaskPage(tasks.subList(0, limit), next);
        });
  }
}
