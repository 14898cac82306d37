package dev.todoai.adapter.out.persistence;

import dev.todoai.adapter.out.persistence.testsupport.TestDatabase;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.*;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.*;
import java.time.Instant;
import java.util.*;
import org.junit.jupiter.api.*;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryPlanScratchTest implements TestPropertyProvider {
  private final TestDatabase.Coordinates db = TestDatabase.freshDatabase();
  @Inject dev.todoai.application.port.out.QueryTasksPort port;

  @Override
  public Map<String, String> getProperties() {
    return db.properties();
  }

  @Test
  void explain() throws Exception {
    port.query(
        new UserId("x"), TaskFilter.ALL, TaskSort.DEFAULT, TaskPageRequest.first(1), Instant.now());
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO tasks (user_id, title, description, priority, tags, due_at, due_sort, overdue_from, due_local_date, created_at, updated_at, version, completed, completed_at) "
              + "SELECT CASE WHEN g % 10 = 0 THEN 'heavy' ELSE 'u' || (g % 5000) END, "
              + "'task ' || md5(g::text), CASE WHEN g % 3 = 0 THEN 'some description ' || md5((g*7)::text) ELSE '' END, g % 5, "
              + "CASE WHEN g % 4 = 0 THEN ARRAY['work'] WHEN g % 4 = 1 THEN ARRAY['home','urgent'] ELSE '{}'::text[] END, "
              + "CASE WHEN g % 3 = 0 THEN NULL ELSE timestamptz '2030-01-01' + (g % 10000) * interval '1 hour' END, "
              + "CASE WHEN g % 3 = 0 THEN NULL ELSE timestamptz '2030-01-01' + (g % 10000) * interval '1 hour' END, "
              + "CASE WHEN g % 3 = 0 THEN NULL ELSE timestamptz '2030-01-01' + (g % 10000) * interval '1 hour' END, "
              + "CASE WHEN g % 3 = 0 THEN NULL ELSE date '2030-01-01' + (g % 400) END, "
              + "timestamptz '2029-01-01' + g * interval '1 minute', timestamptz '2029-01-01' + g * interval '1 minute', 1, g % 7 = 0, CASE WHEN g % 7 = 0 THEN now() END "
              + "FROM generate_series(1, 500000) g");
      s.execute("ANALYZE tasks");
    }
    UserId heavy = new UserId("heavy");
    UserId light = new UserId("u42");
    Instant now = Instant.parse("2030-03-01T00:00:00Z");
    List<Object[]> cases = new ArrayList<>();
    for (TaskSort.Field f : TaskSort.Field.values()) {
      for (TaskSort.Order o : TaskSort.Order.values()) {
        cases.add(new Object[] {f + " " + o, TaskFilter.ALL, TaskSort.of(f, o)});
      }
    }
    TaskFilter search = new TaskFilter(null, null, null, null, null, null, null, null, "3f2a");
    TaskFilter tags =
        new TaskFilter(
            TaskFilter.Status.PENDING,
            Set.of(Priority.HIGH),
            Set.of(new dev.todoai.domain.task.Tag("urgent")),
            null,
            null,
            null,
            null,
            null,
            null);
    TaskFilter overdue = new TaskFilter(null, null, null, null, null, null, true, null, null);
    cases.add(new Object[] {"search", search, TaskSort.DEFAULT});
    cases.add(new Object[] {"tags+prio", tags, TaskSort.DEFAULT});
    cases.add(new Object[] {"overdue by due", overdue, TaskSort.of(TaskSort.Field.DUE, null)});
    for (UserId user : List.of(heavy, light)) {
      for (Object[] k : cases) {
        TaskSort sort = (TaskSort) k[2];
        TaskPage first = port.query(user, (TaskFilter) k[1], sort, TaskPageRequest.first(50), now);
        PageCursor after =
            first.nextCursor() == null ? null : PageCursor.decode(first.nextCursor(), sort);
        // deep page: walk 20 pages
        String cur = first.nextCursor();
        for (int i = 0; i < 20 && cur != null; i++) {
          TaskPage p = port.query(user, (TaskFilter) k[1], sort, new TaskPageRequest(50, cur), now);
          cur = p.nextCursor();
        }
        if (cur != null) after = PageCursor.decode(cur, sort);
        TaskQuerySql.Statement st =
            TaskQuerySql.build(user, (TaskFilter) k[1], sort, after, 51, now);
        try (Connection c = db.connect();
            PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, COSTS OFF) " + st.sql())) {
          Jdbc.bind(ps, st.params());
          StringBuilder plan = new StringBuilder();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) plan.append(rs.getString(1)).append('\n');
          }
          System.out.println("==== " + user + " " + k[0] + "\n" + plan);
        }
      }
    }
  }
}
