package dev.todoai.adapter.out.persistence;

import static dev.todoai.adapter.out.persistence.testsupport.TaskTestData.T0;
import static dev.todoai.adapter.out.persistence.testsupport.TaskTestData.aTask;
import static dev.todoai.adapter.out.persistence.testsupport.TaskTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.todoai.adapter.out.persistence.testsupport.TaskTestData;
import dev.todoai.adapter.out.persistence.testsupport.TestDatabase;
import dev.todoai.application.port.out.QueryTasksPort;
import dev.todoai.application.port.out.SaveTaskPort;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Description;
import dev.todoai.domain.task.Priority;
import dev.todoai.domain.task.Tag;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskDetails;
import dev.todoai.domain.task.TaskFilter;
import dev.todoai.domain.task.TaskFilter.DueBound;
import dev.todoai.domain.task.TaskFilter.Status;
import dev.todoai.domain.task.TaskFilter.TagMode;
import dev.todoai.domain.task.TaskPageRequest;
import dev.todoai.domain.task.TaskSort;
import dev.todoai.domain.task.Title;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskQueryFilterTest implements TestPropertyProvider {
  private static final Instant NOW = Instant.parse("2030-06-15T12:00:00Z");

  @Inject SaveTaskPort saveTask;
  @Inject QueryTasksPort queryTasks;

  private UserId owner;

  @Override
  public Map<String, String> getProperties() {
    return TestDatabase.properties();
  }

  @BeforeEach
  void newUser() {
    owner = aUser();
  }

  private void store(TaskTestData data) {
    Task task = data.owner(owner).id(saveTask.nextId()).build();
    saveTask.insert(task);
  }

  private List<String> titles(TaskFilter filter) {
    return titles(filter, NOW);
  }

  private List<String> titles(TaskFilter filter, Instant now) {
    return queryTasks
        .query(
            owner,
            filter,
            TaskSort.of(TaskSort.Field.TITLE, TaskSort.Order.ASC),
            TaskPageRequest.first(200),
            now)
        .items()
        .stream()
        .map(t -> t.details().title().value())
        .toList();
  }

  private static Filter filter() {
    return new Filter();
  }

  @Test
  void statusPendingListsOnlyOpenTasksAndCompletedOnlyDoneOnes() {
    store(aTask().title("open"));
    store(aTask().title("done").completedAt(T0));

    assertThat(titles(filter().status(Status.PENDING).build())).containsExactly("open");
    assertThat(titles(filter().status(Status.COMPLETED).build())).containsExactly("done");
    assertThat(titles(filter().status(Status.ALL).build())).containsExactly("done", "open");
  }

  @Test
  void prioritiesMatchAnyOfTheGivenOnes() {
    store(aTask().title("a-none"));
    store(aTask().title("b-low").priority(Priority.LOW));
    store(aTask().title("c-high").priority(Priority.HIGH));
    store(aTask().title("d-urgent").priority(Priority.URGENT));

    assertThat(titles(filter().priorities(Priority.HIGH, Priority.URGENT).build()))
        .containsExactly("c-high", "d-urgent");
    assertThat(titles(filter().priorities(Priority.NONE).build())).containsExactly("a-none");
  }

  @Test
  void tagModeAllNeedsEveryGivenTag() {
    store(aTask().title("both").tags("home", "urgent"));
    store(aTask().title("home only").tags("home"));
    store(aTask().title("neither").tags("work"));

    assertThat(titles(filter().tags(TagMode.ALL, "home", "urgent").build()))
        .containsExactly("both");
  }

  @Test
  void tagModeAnyNeedsOneOfTheGivenTags() {
    store(aTask().title("both").tags("home", "urgent"));
    store(aTask().title("home only").tags("home"));
    store(aTask().title("neither").tags("work"));
    store(aTask().title("untagged"));

    assertThat(titles(filter().tags(TagMode.ANY, "home", "urgent").build()))
        .containsExactly("both", "home only");
  }

  @Test
  void tagFilterIgnoresCaseOfTheGivenTags() {
    store(aTask().title("tagged").tags("Home"));

    assertThat(titles(filter().tags(TagMode.ALL, "HOME").build())).containsExactly("tagged");
  }

  @Test
  void instantBoundsCompareTimedDueAndStartOfAllDayDueInItsZone() {
    // 2030-03-10 in Europe/Berlin starts at 2030-03-09T23:00Z.
    store(aTask().title("all-day").dueOn(LocalDate.parse("2030-03-10")).timeZone("Europe/Berlin"));
    store(aTask().title("timed").dueAt(Instant.parse("2030-03-09T23:00:00Z")));
    store(aTask().title("undated"));

    Instant start = Instant.parse("2030-03-09T23:00:00Z");
    assertThat(titles(filter().dueAfter(DueBound.of(start)).build()))
        .containsExactly("all-day", "timed");
    assertThat(titles(filter().dueAfter(DueBound.of(start.plusSeconds(1))).build())).isEmpty();
    assertThat(titles(filter().dueBefore(DueBound.of(start)).build()))
        .containsExactly("all-day", "timed");
    assertThat(titles(filter().dueBefore(DueBound.of(start.minusSeconds(1))).build())).isEmpty();
  }

  @Test
  void dateBoundsCompareTheCalendarDayOfTheDueInTheTasksZone() {
    // 23:30Z on the 10th is already the 11th in Berlin, still the 10th in UTC.
    Instant lateEvening = Instant.parse("2030-03-10T23:30:00Z");
    store(aTask().title("berlin").dueAt(lateEvening).timeZone("Europe/Berlin"));
    store(aTask().title("utc").dueAt(lateEvening));
    store(
        aTask()
            .title("all-day")
            .dueOn(LocalDate.parse("2030-03-11"))
            .timeZone("Pacific/Kiritimati"));
    store(aTask().title("undated"));

    LocalDate tenth = LocalDate.parse("2030-03-10");
    LocalDate eleventh = LocalDate.parse("2030-03-11");
    assertThat(titles(filter().dueBefore(DueBound.of(tenth)).build())).containsExactly("utc");
    assertThat(titles(filter().dueAfter(DueBound.of(eleventh)).build()))
        .containsExactly("all-day", "berlin");
    assertThat(
            titles(
                filter().dueAfter(DueBound.of(eleventh)).dueBefore(DueBound.of(eleventh)).build()))
        .containsExactly("all-day", "berlin");
  }

  @Test
  void tasksWithoutDueNeverMatchADueBound() {
    store(aTask().title("undated"));

    assertThat(titles(filter().dueAfter(DueBound.of(Instant.EPOCH)).build())).isEmpty();
    assertThat(titles(filter().dueBefore(DueBound.of(LocalDate.parse("9999-12-31"))).build()))
        .isEmpty();
  }

  @Test
  void overdueIncludesAllDayTaskOnlyAfterEndOfItsDayInItsZone() {
    // 2030-06-10 in America/New_York (UTC-4 in June) ends at 2030-06-11T04:00Z.
    store(
        aTask().title("all-day").dueOn(LocalDate.parse("2030-06-10")).timeZone("America/New_York"));
    Instant endOfDay = Instant.parse("2030-06-11T04:00:00Z");
    TaskFilter overdue = filter().overdue(true).build();

    assertThat(titles(overdue, endOfDay.minusNanos(1000))).isEmpty();
    assertThat(titles(overdue, endOfDay)).containsExactly("all-day");
  }

  @Test
  void overdueIncludesTimedTaskFromItsDueInstant() {
    Instant due = Instant.parse("2030-06-10T09:30:00Z");
    store(aTask().title("timed").dueAt(due));
    TaskFilter overdue = filter().overdue(true).build();

    assertThat(titles(overdue, due.minusNanos(1000))).isEmpty();
    assertThat(titles(overdue, due)).containsExactly("timed");
  }

  @Test
  void overdueAgreesWithTheDomainAtSubMicrosecondInstants() {
    Instant due = Instant.parse("2030-06-10T09:30:00Z");
    store(aTask().title("timed").dueAt(due));
    Instant justBefore = due.minusNanos(1);

    assertThat(aTask().dueAt(due).build().isOverdue(justBefore)).isFalse();
    assertThat(titles(filter().overdue(true).build(), justBefore)).isEmpty();
  }

  @Test
  void overdueFalseListsCompletedUndatedAndNotYetDueTasks() {
    store(aTask().title("late").dueAt(NOW.minusSeconds(60)));
    store(aTask().title("late but done").dueAt(NOW.minusSeconds(60)).completedAt(NOW));
    store(aTask().title("later").dueAt(NOW.plusSeconds(60)));
    store(aTask().title("undated"));

    assertThat(titles(filter().overdue(true).build())).containsExactly("late");
    assertThat(titles(filter().overdue(false).build()))
        .containsExactly("late but done", "later", "undated");
  }

  @Test
  void hasDueSplitsDatedFromUndatedTasks() {
    store(aTask().title("timed").dueAt(NOW));
    store(aTask().title("all-day").dueOn(LocalDate.parse("2030-06-15")));
    store(aTask().title("undated"));

    assertThat(titles(filter().hasDue(true).build())).containsExactly("all-day", "timed");
    assertThat(titles(filter().hasDue(false).build())).containsExactly("undated");
  }

  @Test
  void searchMatchesTitleOrDescriptionIgnoringCase() {
    store(aTask().title("Buy MILK"));
    store(aTask().title("groceries").description("eggs, milk, bread"));
    store(aTask().title("call mum"));

    assertThat(titles(filter().search("milk").build())).containsExactly("Buy MILK", "groceries");
    assertThat(titles(filter().search("Ilk, B").build())).containsExactly("groceries");
  }

  @Test
  void searchNeverMatchesAcrossTheEndOfTheTitleAndTheStartOfTheDescription() {
    store(aTask().title("Call Alice").description("Bob knows the number"));
    store(aTask().title("alice bob"));

    assertThat(titles(filter().search("alice bob").build())).containsExactly("alice bob");
    assertThat(titles(filter().search("Alice Bob").build())).containsExactly("alice bob");
    assertThat(titles(filter().search("bob").build())).containsExactly("alice bob", "Call Alice");
  }

  @Test
  void searchFindsATaskByItsEditedTextOnly() {
    Task task = aTask().owner(owner).id(saveTask.nextId()).title("Renew passport").build();
    saveTask.insert(task);
    TaskDetails before = task.details();
    TaskDetails after =
        new TaskDetails(
            new Title("Renew ID card"),
            new Description("Bring the old PASSPORT"),
            before.priority(),
            before.tags(),
            before.due(),
            before.timeZone(),
            before.recurrenceRule(),
            before.recurrenceAnchor());
    Task renamed = task.edit(after, NOW).task();
    assertThat(saveTask.update(renamed, task.version())).isTrue();

    assertThat(titles(filter().search("id card").build())).containsExactly("Renew ID card");
    assertThat(titles(filter().search("old passport").build())).containsExactly("Renew ID card");
    assertThat(titles(filter().search("renew passport").build())).isEmpty();
  }

  @Test
  void searchTreatsPercentUnderscoreAndBackslashAsLiteralCharacters() {
    store(aTask().title("100% done"));
    store(aTask().title("100 done"));
    store(aTask().title("snake_case"));
    store(aTask().title("snakeXcase"));
    store(aTask().title("back\\slash"));
    store(aTask().title("backslash"));

    assertThat(titles(filter().search("%").build())).containsExactly("100% done");
    assertThat(titles(filter().search("0% d").build())).containsExactly("100% done");
    assertThat(titles(filter().search("e_c").build())).containsExactly("snake_case");
    assertThat(titles(filter().search("_").build())).containsExactly("snake_case");
    assertThat(titles(filter().search("\\").build())).containsExactly("back\\slash");
    assertThat(titles(filter().search("k\\s").build())).containsExactly("back\\slash");
  }

  @Test
  void criteriaCombineWithAnd() {
    store(aTask().title("match").priority(Priority.HIGH).tags("work").dueAt(NOW));
    store(aTask().title("wrong priority").priority(Priority.LOW).tags("work").dueAt(NOW));
    store(aTask().title("wrong tag").priority(Priority.HIGH).tags("home").dueAt(NOW));
    store(aTask().title("no due").priority(Priority.HIGH).tags("work"));
    store(aTask().title("done").priority(Priority.HIGH).tags("work").dueAt(NOW).completedAt(NOW));

    TaskFilter all =
        filter()
            .status(Status.PENDING)
            .priorities(Priority.HIGH)
            .tags(TagMode.ALL, "work")
            .hasDue(true)
            .build();

    assertThat(titles(all)).containsExactly("match");
  }

  @Test
  void anotherUsersTasksNeverAppear() {
    store(aTask().title("mine"));
    UserId me = owner;
    owner = aUser();
    store(aTask().title("theirs"));
    owner = me;

    assertThat(titles(TaskFilter.ALL)).containsExactly("mine");
  }

  /** Builds a {@link TaskFilter} one criterion at a time. */
  private static final class Filter {
    private Status status;
    private Set<Priority> priorities;
    private Set<Tag> tags;
    private TagMode tagMode;
    private DueBound dueAfter;
    private DueBound dueBefore;
    private Boolean overdue;
    private Boolean hasDue;
    private String search;

    Filter status(Status value) {
      status = value;
      return this;
    }

    Filter priorities(Priority... values) {
      priorities = Set.of(values);
      return this;
    }

    Filter tags(TagMode mode, String... values) {
      tagMode = mode;
      tags = Arrays.stream(values).map(Tag::new).collect(Collectors.toSet());
      return this;
    }

    Filter dueAfter(DueBound value) {
      dueAfter = value;
      return this;
    }

    Filter dueBefore(DueBound value) {
      dueBefore = value;
      return this;
    }

    Filter overdue(boolean value) {
      overdue = value;
      return this;
    }

    Filter hasDue(boolean value) {
      hasDue = value;
      return this;
    }

    Filter search(String value) {
      search = value;
      return this;
    }

    TaskFilter build() {
      return new TaskFilter(
          status, priorities, tags, tagMode, dueAfter, dueBefore, overdue, hasDue, search);
    }
  }
}
