package dev.todoai.domain.task;

import dev.todoai.domain.shared.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Builder of valid tasks and details for tests; override only what a test is about. */
public final class TaskTestData {
  public static final UserId ALICE = new UserId("alice");
  public static final UserId BOB = new UserId("bob");
  public static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

  private long id = 1;
  private UserId owner = ALICE;
  private String title = "Buy milk";
  private String description = "";
  private Priority priority = Priority.NONE;
  private List<String> tags = List.of();
  private Instant dueAt;
  private LocalDate dueDate;
  private String timeZone = "UTC";
  private String rule;
  private RecurrenceAnchor anchor = RecurrenceAnchor.DUE;
  private Instant createdAt = T0;

  public static TaskTestData aTask() {
    return new TaskTestData();
  }

  public TaskTestData id(long value) {
    this.id = value;
    return this;
  }

  public TaskTestData ownedBy(UserId value) {
    this.owner = value;
    return this;
  }

  public TaskTestData titled(String value) {
    this.title = value;
    return this;
  }

  public TaskTestData describedAs(String value) {
    this.description = value;
    return this;
  }

  public TaskTestData priority(Priority value) {
    this.priority = value;
    return this;
  }

  public TaskTestData tagged(String... values) {
    this.tags = List.of(values);
    return this;
  }

  public TaskTestData dueAt(Instant value) {
    this.dueAt = value;
    this.dueDate = null;
    return this;
  }

  public TaskTestData dueOn(LocalDate value) {
    this.dueDate = value;
    this.dueAt = null;
    return this;
  }

  public TaskTestData inZone(String value) {
    this.timeZone = value;
    return this;
  }

  public TaskTestData recurring(String value) {
    this.rule = value;
    return this;
  }

  public TaskTestData anchoredOn(RecurrenceAnchor value) {
    this.anchor = value;
    return this;
  }

  public TaskTestData createdAt(Instant value) {
    this.createdAt = value;
    return this;
  }

  public TaskDetails details() {
    return new TaskDetails(
        new Title(title),
        new Description(description),
        priority,
        Tags.of(tags),
        Due.of(dueAt, dueDate),
        TaskTimeZone.of(timeZone),
        rule == null ? null : new RecurrenceRule(rule),
        anchor);
  }

  /** A freshly created task (version 1). */
  public Task build() {
    return Task.create(new TaskId(id), owner, details(), createdAt).task();
  }
}
