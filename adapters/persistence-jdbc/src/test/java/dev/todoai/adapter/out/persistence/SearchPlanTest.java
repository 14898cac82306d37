package dev.todoai.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todoai.adapter.out.persistence.testsupport.TestDatabase;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.TaskFilter;
import dev.todoai.domain.task.TaskSort;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The plan of a search follows how common the term is (V43, V44): a word in 1 % of a user's 200,000
 * tasks walks the sort index and stops after one page, whatever the user's size; a word in a
 * handful of tasks is found through the trigram index. Both on the exact statement the product
 * sends, planned for its values as the product's connections do.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchPlanTest implements TestPropertyProvider {
  private static final UserId HEAVY = new UserId("heavy-searcher");
  private static final Instant NOW = Instant.parse("2031-01-01T00:00:00Z");
  private static final int TASKS = 200_000;

  private final TestDatabase.Coordinates database = TestDatabase.freshDatabase();

  @Override
  public Map<String, String> getProperties() {
    return database.properties();
  }

  @BeforeAll
  void seed() throws SQLException {
    try (Connection c = database.connect();
        Statement s = c.createStatement()) {
      // Titles of three words from a list of 40, 'quarterly' in every 100th task, 'zebra' in 20
      // descriptions; created one minute apart.
      s.execute("SELECT setseed(0.16)");
      s.execute(
          "INSERT INTO tasks (user_id, title, description, created_at, updated_at, version)"
              + " SELECT '"
              + HEAVY.value()
              + "', w[1 + floor(random() * 40)::int] || ' '"
              + "   || CASE WHEN i % 100 = 37 THEN 'quarterly' ELSE w[1 + floor(random() * 40)::int] END"
              + "   || ' ' || w[1 + floor(random() * 40)::int],"
              + " CASE WHEN i % 10000 = 5 THEN 'feed the zebra'"
              + "      WHEN i % 3 = 0 THEN w[1 + floor(random() * 40)::int] ELSE '' END,"
              + " t, t, 1"
              + " FROM generate_series(1, "
              + TASKS
              + ") AS i,"
              + " LATERAL (SELECT timestamptz '2030-01-01' + i * interval '1 minute' AS t) AS c,"
              + " (SELECT string_to_array('call email review plan buy fix book pay write read send"
              + " prepare clean update check order schedule finish draft submit report invoice"
              + " groceries dentist meeting budget slides garden car taxes insurance birthday gift"
              + " tickets flight hotel laundry kitchen garage project', ' ') AS w) AS words");
      s.execute("ANALYZE tasks");
    }
  }

  @Test
  void aCommonWordWalksTheSortIndexAndStopsAfterOnePage() throws SQLException {
    String plan = plan("quarterly");

    assertThat(plan).contains("tasks_user_created_idx").doesNotContain("\"Sort\"");
  }

  @Test
  void aRareWordIsFoundThroughTheTrigramIndex() throws SQLException {
    String plan = plan("zebra");

    assertThat(plan).contains("tasks_user_search_idx").doesNotContain("tasks_user_created_idx");
  }

  @Test
  void theSearchedColumnKeepsItsFinerStatistics() throws SQLException {
    try (Connection c = database.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT attstattarget FROM pg_attribute"
                    + " WHERE attrelid = 'tasks'::regclass AND attname = 'search_text'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(1000);
    }
  }

  /** The JSON plan of the product's first page of a search, sorted newest first. */
  private String plan(String term) throws SQLException {
    TaskFilter filter = new TaskFilter(null, null, null, null, null, null, null, null, term);
    TaskQuerySql.Statement statement =
        TaskQuerySql.build(HEAVY, filter, TaskSort.DEFAULT, null, 51, NOW);
    try (Connection c = database.connect()) {
      try (Statement s = c.createStatement()) {
        s.execute("SET plan_cache_mode = force_custom_plan");
      }
      try (PreparedStatement ps = c.prepareStatement("EXPLAIN (FORMAT JSON) " + statement.sql())) {
        Jdbc.bind(ps, statement.params());
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).isTrue();
          return rs.getString(1);
        }
      }
    }
  }
}
