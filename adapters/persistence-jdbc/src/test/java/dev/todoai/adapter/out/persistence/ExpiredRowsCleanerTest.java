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
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExpiredRowsCleanerTest implements TestPropertyProvider {
  @Inject ExpiredRowsCleaner cleaner;
  @Inject IdempotencyKeysPort keys;
  @Inject LoginAttemptsPort attempts;

  @Override
  public Map<String, String> getProperties() {
    return TestDatabase.properties();
  }

  @Test
  void deletesIdempotencyKeysOlderThan24HoursAndLoginFailuresOlderThanADay() {
    Instant now = T0.plus(Duration.ofDays(10));
    UserId owner = aUser();
    Email email = new Email("cleaner@example.org");
    keys.record(owner, "old", "h", new TaskId(1), now.minus(Duration.ofHours(25)), Instant.EPOCH);
    keys.record(owner, "live", "h", new TaskId(2), now.minus(Duration.ofHours(23)), Instant.EPOCH);
    attempts.recordFailure(email, now.minus(Duration.ofHours(30)));
    attempts.recordFailure(email, now.minus(Duration.ofHours(1)));

    ExpiredRowsCleaner.Deleted deleted = cleaner.deleteExpired(now);

    assertThat(deleted).isEqualTo(new ExpiredRowsCleaner.Deleted(1, 1));
    assertThat(keys.find(owner, "old", Instant.EPOCH)).isEmpty();
    assertThat(keys.find(owner, "live", Instant.EPOCH)).isPresent();
    assertThat(attempts.failuresSince(email, Instant.EPOCH)).isEqualTo(1);
  }
}
