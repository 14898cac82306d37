package dev.todoai.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todoai.adapter.out.persistence.testsupport.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaMigrationTest implements TestPropertyProvider {
  private final TestDatabase.Coordinates database = TestDatabase.freshDatabase();

  @Override
  public Map<String, String> getProperties() {
    return database.properties();
  }

  @Test
  void migrationInstallsTrigramAndBtreeGinExtensions() throws SQLException {
    assertThat(strings("SELECT extname FROM pg_extension")).contains("pg_trgm", "btree_gin");
  }

  @Test
  void migrationCreatesAnIndexForEverySortAndForTagsAndSearch() throws SQLException {
    assertThat(strings("SELECT indexname FROM pg_indexes WHERE tablename = 'tasks'"))
        .contains(
            "tasks_user_created_idx",
            "tasks_user_updated_idx",
            "tasks_user_due_idx",
            "tasks_user_priority_idx",
            "tasks_user_title_idx",
            "tasks_user_tags_idx",
            "tasks_user_search_idx");
  }

  @Test
  void migrationCreatesTheOutboxAuditAndProcessedEventsTablesWithTheirIndexes()
      throws SQLException {
    assertThat(strings("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
        .contains("outbox", "processed_events", "audit_entries");
    assertThat(strings("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'"))
        .contains(
            "outbox_pending_idx",
            "outbox_published_idx",
            "outbox_topic_event_id_key",
            "processed_events_pkey",
            "audit_entries_event_id_key",
            "audit_entries_user_idx",
            "audit_entries_user_task_idx");
  }

  @Test
  void migrationCreatesTheRemindersAndNotificationsTablesWithTheirIndexes() throws SQLException {
    assertThat(strings("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
        .contains("reminders", "notifications");
    assertThat(strings("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'"))
        .contains(
            "reminders_task_idx",
            "reminders_user_status_idx",
            "reminders_scheduled_idx",
            "notifications_reminder_id_key",
            "notifications_user_idx",
            "notifications_user_unread_idx");
  }

  private List<String> strings(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = database.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
