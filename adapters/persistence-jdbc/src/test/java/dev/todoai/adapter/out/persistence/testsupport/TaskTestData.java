package dev.todoai.adapter.out.persistence.testsupport;

import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Description;
import dev.todoai.domain.task.Due;
import dev.todoai.domain.task.Priority;
import dev.todoai.domain.task.RecurrenceAnchor;
import dev.todoai.domain.task.RecurrenceRule;
import dev.todoai.domain.task.SeriesId;
import dev.todoai.domain.task.Tags;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskDetails;
import dev.todoai.domain.task.TaskId;
import dev.todoai.domain.task.TaskTimeZone;
import dev.todoai.domain.task.Title;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Builds stored-looking tasks for tests: {@code TaskTestData.aTask().owner(u).title("x")}. */
public final class TaskTestData {
  public static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

  private UserId owner = new UserId("user-1");
  private TaskId id = new TaskId(1);
  private String title = "A task";
  private String description = "";
  private Priority priority = Priority.NONE;
  private Tags tags = Tags.NONE;
  private Due due = Due.NONE;
  private TaskTimeZone zone = TaskTimeZone.UTC;
  private RecurrenceRule rule;
  private RecurrenceAnchor anchor = RecurrenceAnchor.DUE;
  private SeriesId series;
  private Instant completedAt;
  private Instant createdAt = T0;
  private Instant updatedAt;
  private long version = 1;

  private TaskTestData() {}

  public static TaskTestData aTask() {
    return new TaskTestData();
  }

  /** A user id that no other test uses. */
  public static UserId aUser() {
    return new UserId("u-" + UUID.randomUUID());
  }

  public TaskTestData owner(UserId value) {
    owner = value;
    return this;
  }

  public TaskTestData id(TaskId value) {
    id = value;
    return this;
  }

  public TaskTestData title(String value) {
    title = value;
    return this;
  }

  public TaskTestData description(String value) {
    description = value;
    return this;
  }

  public TaskTestData priority(Priority value) {
    priority = value;
    return this;
  }

  public TaskTestData tags(String... values) {
    tags = Tags.of(values);
    return this;
  }

  public TaskTestData dueAt(Instant value) {
    due = Due.of(value, null);
    return this;
  }

  public TaskTestData dueOn(LocalDate value) {
    due = Due.of(null, value);
    return this;
  }

  public TaskTestData timeZone(String ianaId) {
    zone = TaskTimeZone.of(ianaId);
    return this;
  }

  public TaskTestData recurring(String rrule, RecurrenceAnchor value) {
    rule = new RecurrenceRule(rrule);
    anchor = value;
    series = SeriesId.random();
    return this;
  }

  public TaskTestData completedAt(Instant value) {
    completedAt = value;
    return this;
  }

  public TaskTestData createdAt(Instant value) {
    createdAt = value;
    return this;
  }

  public TaskTestData updatedAt(Instant value) {
    updatedAt = value;
    return this;
  }

  public TaskTestData version(long value) {
    version = value;
    return this;
  }

  public Task build() {
    TaskDetails details =
        new TaskDetails(
            new Title(title),
            new Description(description),
            priority,
            tags,
            due,
            zone,
            rule,
            anchor);
    return Task.rehydrate(
        id,
        owner,
        details,
        completedAt != null,
        completedAt,
        series,
        createdAt,
        updatedAt == null ? createdAt : updatedAt,
        version);
  }
}
