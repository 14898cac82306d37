package dev.todoai.adapter.out.persistence;

import static dev.todoai.adapter.out.persistence.testsupport.TaskTestData.T0;
import static dev.todoai.adapter.out.persistence.testsupport.TaskTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.todoai.adapter.out.persistence.testsupport.TestDatabase;
import dev.todoai.application.port.out.IdempotencyKeysPort;
import dev.todoai.application.port.out.LoginAttemptsPort;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.TaskId;
import dev.todoai.domain.user.Email;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExpiredRowsCleanerTest implements TestPropertyProvider {
  @Inject ExpiredRowsCleaner cleaner;
  @Inject IdempotencyKeysPort keys;
  @Inject LoginAttemptsPort attempts;

  private TestDatabase.Coordinates database;

  @Override
  public Map<String, String> getProperties() {
    database = TestDatabase.freshDatabase();
    return database.properties();
  }

  @Test
  void deletesIdempotencyKeysOlderThan24HoursAndLoginFailuresOlderThanADay() {
    Instant now = T0.plus(Duration.ofDays(10));
    UserId owner = aUser();
    Email email = new Email("cleaner@example.org");
    keys.record(owner, "old", "h", new TaskId(1), now.minus(Duration.ofHours(25)), Instant.EPOCH);
    keys.record(owner, "live", "h", new TaskId(2), now.minus(Duration.ofHours(23)), Instant.EPOCH);
    attempts.recordFailure(email, "192.0.2.1", now.minus(Duration.ofHours(30)));
    attempts.recordFailure(email, "192.0.2.1", now.minus(Duration.ofHours(1)));

    ExpiredRowsCleaner.Deleted deleted = cleaner.deleteExpired(now);

    assertThat(deleted.idempotencyKeys()).isEqualTo(1);
    assertThat(deleted.loginFailures()).isEqualTo(1);
    assertThat(keys.find(owner, "old", Instant.EPOCH)).isEmpty();
    assertThat(keys.find(owner, "live", Instant.EPOCH)).isPresent();
    assertThat(attempts.failuresSince(email, "192.0.2.1", Instant.EPOCH)).isEqualTo(1);
  }

  @Test
  void deletesProcessedEventRecordsAndReadNotificationsAfter30DaysButKeepsUnreadOnes()
      throws Exception {
    Instant now = T0.plus(Duration.ofDays(3_650));
    UUID oldEvent = UUID.randomUUID();
    UUID recentEvent = UUID.randomUUID();
    String user = aUser().value();
    try (Connection c = database.connect()) {
      insertProcessed(c, oldEvent, now.minus(Duration.ofDays(31)));
      insertProcessed(c, recentEvent, now.minus(Duration.ofDays(29)));
      long readLongAgo = insertNotification(c, user, now.minus(Duration.ofDays(40)));
      long readRecently = insertNotification(c, user, now.minus(Duration.ofDays(2)));
      long unreadOld = insertNotification(c, user, null);

      ExpiredRowsCleaner.Deleted deleted = cleaner.deleteExpired(now);

      assertThat(deleted.processedEvents()).isEqualTo(1);
      assertThat(deleted.readNotifications()).isEqualTo(1);
      assertThat(exists(c, "processed_events WHERE event_id = '" + oldEvent + "'")).isFalse();
      assertThat(exists(c, "processed_events WHERE event_id = '" + recentEvent + "'")).isTrue();
      assertThat(exists(c, "notifications WHERE id = " + readLongAgo)).isFalse();
      assertThat(exists(c, "notifications WHERE id = " + readRecently)).isTrue();
      assertThat(exists(c, "notifications WHERE id = " + unreadOld)).isTrue();
    }
  }

  private static void insertProcessed(Connection c, UUID event, Instant at) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO processed_events (consumer, event_id, processed_at) VALUES (?, ?, ?)")) {
      ps.setString(1, "cleaner-test");
      ps.setObject(2, event);
      ps.setObject(3, Jdbc.timestamp(at));
      ps.executeUpdate();
    }
  }

  private static long insertNotification(Connection c, String user, Instant readAt)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO notifications (user_id, reminder_id, task_id, kind, title, body,"
                + " created_at, read_at) VALUES (?, nextval('reminder_id_seq'), 1, 'reminder',"
                + " 't', 'b', ?, ?) RETURNING id")) {
      ps.setString(1, user);
      ps.setObject(2, Jdbc.timestamp(T0));
      if (readAt == null) {
        ps.setNull(3, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
      } else {
        ps.setObject(3, Jdbc.timestamp(readAt));
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static boolean exists(Connection c, String where) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM " + where + ")");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getBoolean(1);
    }
  }
}
