package dev.todoai.adapter.out.persistence;

import static dev.todoai.adapter.out.persistence.testsupport.TaskTestData.T0;
import static dev.todoai.adapter.out.persistence.testsupport.TaskTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todoai.adapter.out.persistence.testsupport.TestDatabase;
import dev.todoai.application.port.out.AuditLogPort;
import dev.todoai.domain.audit.AuditEntry;
import dev.todoai.domain.audit.AuditFilter;
import dev.todoai.domain.audit.AuditPage;
import dev.todoai.domain.shared.InvalidValueException;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.TaskPageRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogPersistenceAdapterTest implements TestPropertyProvider {
  @Inject AuditLogPort auditLog;

  @Override
  public Map<String, String> getProperties() {
    return TestDatabase.properties();
  }

  private static AuditEntry anEntry(UserId user, long taskId, String type, int seq) {
    return new AuditEntry(
        UUID.randomUUID(),
        type,
        user,
        taskId,
        T0.plusSeconds(seq),
        "{\"id\":" + taskId + ", \"title\": \"t" + seq + "\"}",
        List.of("title"));
  }

  /** Appends entries in order and returns them newest first. */
  private List<AuditEntry> record(List<AuditEntry> entries) {
    entries.forEach(auditLog::append);
    List<AuditEntry> newestFirst = new ArrayList<>(entries);
    java.util.Collections.reverse(newestFirst);
    return newestFirst;
  }

  private List<AuditEntry> allPages(UserId owner, AuditFilter filter, int limit) {
    List<AuditEntry> all = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      AuditPage page = auditLog.query(owner, filter, new TaskPageRequest(limit, cursor));
      assertThat(page.items()).hasSizeLessThanOrEqualTo(limit);
      all.addAll(page.items());
      cursor = page.nextCursor();
      assertThat(++pages).isLessThan(100);
    } while (cursor != null);
    return all;
  }

  @Test
  void appendedEntryIsListedWithEveryFieldAndItsSnapshotVerbatim() {
    UserId owner = aUser();
    AuditEntry entry =
        new AuditEntry(
            UUID.randomUUID(),
            "task.updated",
            owner,
            42,
            Instant.parse("2030-01-01T10:00:00.123456Z"),
            "{ \"z\": 1,  \"a\": [\"ü\"] }",
            List.of("title", "due"));
    auditLog.append(entry);

    AuditPage page = auditLog.query(owner, AuditFilter.ALL, TaskPageRequest.first(10));

    assertThat(page.items()).containsExactly(entry);
    assertThat(page.nextCursor()).isNull();
  }

  @Test
  void anEventRecordedTwiceIsListedOnce() {
    UserId owner = aUser();
    AuditEntry entry = anEntry(owner, 1, "task.created", 0);
    auditLog.append(entry);
    auditLog.append(entry);

    assertThat(auditLog.query(owner, AuditFilter.ALL, TaskPageRequest.first(10)).items())
        .containsExactly(entry);
  }

  @Test
  void pagesListEveryEntryNewestFirstWithoutGapsOrDuplicates() {
    UserId owner = aUser();
    List<AuditEntry> entries = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      entries.add(anEntry(owner, i % 3, "task.updated", i));
    }
    List<AuditEntry> newestFirst = record(entries);

    assertThat(allPages(owner, AuditFilter.ALL, 5)).containsExactlyElementsOf(newestFirst);
    assertThat(allPages(owner, AuditFilter.ALL, 23)).containsExactlyElementsOf(newestFirst);
    assertThat(allPages(owner, AuditFilter.ALL, 200)).containsExactlyElementsOf(newestFirst);
  }

  @Test
  void aFullLastPageHasACursorToAnEmptyPage() {
    UserId owner = aUser();
    record(List.of(anEntry(owner, 1, "task.created", 0), anEntry(owner, 1, "task.updated", 1)));

    AuditPage first = auditLog.query(owner, AuditFilter.ALL, TaskPageRequest.first(2));

    assertThat(first.items()).hasSize(2);
    assertThat(first.nextCursor()).isNull();
  }

  @Test
  void filtersByTaskAndByEventType() {
    UserId owner = aUser();
    List<AuditEntry> entries = new ArrayList<>();
    String[] types = {"task.created", "task.updated", "task.completed"};
    for (int i = 0; i < 18; i++) {
      entries.add(anEntry(owner, 100 + i % 2, types[i % 3], i));
    }
    List<AuditEntry> newestFirst = record(entries);

    assertThat(allPages(owner, new AuditFilter(101L, null), 4))
        .containsExactlyElementsOf(newestFirst.stream().filter(e -> e.taskId() == 101).toList());
    assertThat(allPages(owner, new AuditFilter(null, "task.updated"), 4))
        .containsExactlyElementsOf(
            newestFirst.stream().filter(e -> e.eventType().equals("task.updated")).toList());
    assertThat(allPages(owner, new AuditFilter(100L, "task.completed"), 2))
        .containsExactlyElementsOf(
            newestFirst.stream()
                .filter(e -> e.taskId() == 100 && e.eventType().equals("task.completed"))
                .toList());
  }

  @Test
  void usersSeeOnlyTheirOwnEntriesEvenWithAnothersCursor() {
    UserId owner = aUser();
    UserId stranger = aUser();
    List<AuditEntry> mine = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      mine.add(anEntry(owner, 7, "task.updated", i));
      auditLog.append(anEntry(stranger, 7, "task.updated", i));
      auditLog.append(mine.get(i));
    }

    assertThat(allPages(owner, AuditFilter.ALL, 4)).allMatch(e -> e.userId().equals(owner));
    String strangersCursor =
        auditLog.query(stranger, AuditFilter.ALL, TaskPageRequest.first(2)).nextCursor();
    assertThat(
            auditLog
                .query(owner, new AuditFilter(7L, null), new TaskPageRequest(200, strangersCursor))
                .items())
        .isNotEmpty()
        .allMatch(e -> e.userId().equals(owner));
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-a-cursor", "!!!", "MTIzfGF1ZGl0fDF8NQ", "YXVkaXR8MXw1"})
  void aMalformedOrTamperedCursorIsAnInvalidCursor(String cursor) {
    UserId owner = aUser();

    assertThatThrownBy(
            () -> auditLog.query(owner, AuditFilter.ALL, new TaskPageRequest(10, cursor)))
        .isInstanceOf(InvalidValueException.class)
        .extracting(e -> ((InvalidValueException) e).field())
        .isEqualTo("cursor");
  }

  @Test
  void anEditedCursorIsAnInvalidCursor() {
    UserId owner = aUser();
    for (int i = 0; i < 3; i++) {
      auditLog.append(anEntry(owner, 1, "task.updated", i));
    }
    String cursor = auditLog.query(owner, AuditFilter.ALL, TaskPageRequest.first(1)).nextCursor();
    String payload = cursor.substring(0, cursor.indexOf('.'));
    String decoded = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
    String edited =
        Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    (decoded.substring(0, decoded.lastIndexOf('|') + 1) + "999999")
                        .getBytes(StandardCharsets.UTF_8))
            + cursor.substring(cursor.indexOf('.'));

    assertThatThrownBy(
            () -> auditLog.query(owner, AuditFilter.ALL, new TaskPageRequest(10, edited)))
        .isInstanceOf(InvalidValueException.class)
        .extracting(e -> ((InvalidValueException) e).field())
        .isEqualTo("cursor");
  }

  @Test
  void aTaskListCursorIsAnInvalidAuditCursor() {
    String taskCursor =
        new PageCursor(
                dev.todoai.domain.task.TaskSort.of(
                    dev.todoai.domain.task.TaskSort.Field.CREATED_AT,
                    dev.todoai.domain.task.TaskSort.Order.DESC),
                T0,
                5)
            .encode();

    assertThatThrownBy(
            () -> auditLog.query(aUser(), AuditFilter.ALL, new TaskPageRequest(10, taskCursor)))
        .isInstanceOf(InvalidValueException.class);
  }
}
