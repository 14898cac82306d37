package dev.todoai.adapter.contract.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todoai.application.assistant.ToolResult;
import dev.todoai.domain.reminder.ReminderStatus;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Priority;
import dev.todoai.domain.task.TaskFilter;
import dev.todoai.domain.task.TaskSort;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskToolsTest {
  private static final UserId ADA = new UserId("ada");
  private static final UserId BOB = new UserId("bob");

  private final InMemoryTaskUseCases useCases = new InMemoryTaskUseCases();
  private final TaskTools tools = useCases.tools();

  private static Map<String, Object> args(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  private ToolResult call(String tool, Object... pairs) {
    return tools.call(ADA, tool, args(pairs));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> content(ToolResult result) {
    assertThat(result.isError()).as("error: %s", result.message()).isFalse();
    return (Map<String, Object>) result.content();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> tasks(ToolResult result) {
    return (List<Map<String, Object>>) content(result).get("tasks");
  }

  private long addTask(String title, Object... more) {
    Object[] pairs = new Object[more.length + 2];
    pairs[0] = "title";
    pairs[1] = title;
    System.arraycopy(more, 0, pairs, 2, more.length);
    return (Long) content(call("add_task", pairs)).get("id");
  }

  @Test
  void addTaskReturnsTheTaskWithTheRestFieldNames() {
    ToolResult result =
        call(
            "add_task",
            "title",
            "Pay rent",
            "priority",
            "high",
            "tags",
            List.of("Home", "money"),
            "due_date",
            "2026-12-01",
            "time_zone",
            "Europe/Berlin");

    Map<String, Object> task = content(result);
    assertThat(task)
        .containsKeys(
            "id",
            "user_id",
            "title",
            "description",
            "completed",
            "completed_at",
            "priority",
            "tags",
            "due_at",
            "due_date",
            "time_zone",
            "recurrence_rule",
            "recurrence_text",
            "recurrence_anchor",
            "is_recurring",
            "series_id",
            "created_at",
            "updated_at",
            "version");
    assertThat(task)
        .containsEntry("user_id", "ada")
        .containsEntry("title", "Pay rent")
        .containsEntry("priority", "high")
        .containsEntry("tags", List.of("home", "money"))
        .containsEntry("due_date", "2026-12-01")
        .containsEntry("due_at", null)
        .containsEntry("time_zone", "Europe/Berlin")
        .containsEntry("completed", false)
        .containsEntry("created_at", "2026-11-28T10:00:00Z")
        .containsEntry("version", 1L);
  }

  @Test
  void addTaskTurnsARecurrencePresetIntoARuleAndAddsReminders() {
    Map<String, Object> task =
        content(
            call(
                "add_task",
                "title",
                "Stand-up",
                "due_at",
                "2026-12-01T09:00:00+01:00",
                "recurrence",
                "weekdays",
                "reminders",
                List.of(Map.of("before_due", "PT15M"))));

    assertThat(task)
        .containsEntry("due_at", "2026-12-01T08:00:00Z")
        .containsEntry("recurrence_rule", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR")
        .containsEntry("is_recurring", true)
        .containsEntry("recurrence_text", "Recurs: FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
    assertThat(useCases.reminders.values())
        .singleElement()
        .satisfies(r -> assertThat(r.remindAt()).hasToString("2026-12-01T07:45:00Z"));
  }

  @Test
  void aNumberBeyondSixtyFourBitsIsAnErrorResultNotAnException() {
    ToolResult result =
        call("list_tasks", "limit", new java.math.BigInteger("123456789012345678901234567890"));

    assertThat(result.isError()).isTrue();
    assertThat(result.message()).isEqualTo(TaskTools.OUT_OF_RANGE);
  }

  @Test
  void addTaskWithoutATitleNamesTheArgument() {
    ToolResult result = call("add_task", "priority", "high");

    assertThat(result.isError()).isTrue();
    assertThat(result.message()).isEqualTo("title: is required");
    assertThat(useCases.tasks).isEmpty();
  }

  @Test
  void addTaskReportsEveryBadArgumentAtOnce() {
    ToolResult result =
        call("add_task", "title", "x", "priority", "asap", "due_at", "2026-12-01", "tags", "home");

    assertThat(result.isError()).isTrue();
    assertThat(result.message())
        .contains("priority: must be one of none, low, medium, high, urgent")
        .contains("due_at: must be an ISO-8601 date-time with offset")
        .contains("(for a whole day use due_date)")
        .contains("tags: must be an array of strings");
  }

  @Test
  void addTaskRefusesValuesTheDomainRejects() {
    assertThat(call("add_task", "title", "x", "time_zone", "+01:00").message())
        .isEqualTo("time_zone: must be an IANA time zone such as 'Europe/Berlin' or 'UTC'");
    assertThat(call("add_task", "title", "x", "recurrence", "hourly").message())
        .isEqualTo("recurrence: must be one of daily, weekdays, weekly, monthly, yearly");
    assertThat(call("add_task", "title", "x", "recurrence", "daily").message())
        .isEqualTo("recurrence_rule: a recurring task needs a due (due_at or due_date)");
    assertThat(
            call(
                    "add_task",
                    "title",
                    "x",
                    "due_at",
                    "2026-12-01T09:00:00Z",
                    "due_date",
                    "2026-12-01")
                .message())
        .isEqualTo("due_date: a task has either due_at or due_date, not both");
  }

  @Test
  void addTaskRefusesUnknownArgumentsAndCompleted() {
    ToolResult result = call("add_task", "title", "x", "due", "tomorrow", "completed", true);

    assertThat(result.message())
        .contains("completed: cannot be set when creating a task; complete it afterwards")
        .contains("due: is not a known argument; known are ");
  }

  @Test
  void addTaskChecksEachReminder() {
    ToolResult result =
        call(
            "add_task",
            "title",
            "x",
            "due_date",
            "2026-12-01",
            "reminders",
            List.of(Map.of("before_due", "an hour"), Map.of()));

    assertThat(result.message())
        .contains("reminders[0].before_due: must be an ISO-8601 duration")
        .contains("reminders[1]: give either remind_at (an instant) or before_due (a duration)");
  }

  @Test
  void getTaskReturnsTheTaskAndAcceptsTheIdAsDigits() {
    long id = addTask("Pay rent");

    assertThat(content(call("get_task", "task_id", id))).containsEntry("title", "Pay rent");
    assertThat(content(call("get_task", "task_id", Long.toString(id)))).containsEntry("id", id);
    assertThat(content(call("get_task", "task_id", (double) id))).containsEntry("id", id);
  }

  @Test
  void anotherUsersTaskIsNotFound() {
    long id = addTask("Pay rent");

    ToolResult result = tools.call(BOB, "get_task", args("task_id", id));

    assertThat(result.isError()).isTrue();
    assertThat(result.message()).isEqualTo("task_id: no task with id " + id);
  }

  @Test
  void taskIdMustBeAPositiveNumber() {
    assertThat(call("get_task").message()).isEqualTo("task_id: is required");
    assertThat(call("get_task", "task_id", "abc").message())
        .isEqualTo("task_id: must be a positive number");
    assertThat(call("get_task", "task_id", -3).message())
        .isEqualTo("task_id: must be a positive number");
    assertThat(call("get_task", "task_id", 1.5).message())
        .isEqualTo("task_id: must be a positive number");
  }

  @Test
  void updateTaskChangesOnlyTheGivenFields() {
    long id =
        addTask("Pay rent", "priority", "high", "tags", List.of("home"), "description", "monthly");

    Map<String, Object> task = content(call("update_task", "task_id", id, "title", "Pay the rent"));

    assertThat(task)
        .containsEntry("title", "Pay the rent")
        .containsEntry("priority", "high")
        .containsEntry("tags", List.of("home"))
        .containsEntry("description", "monthly")
        .containsEntry("version", 2L);
    assertThat(useCases.patches.get(0).patch().newReminders()).isNull();
    assertThat(useCases.patches.get(0).patch().completion()).isNull();
    assertThat(useCases.patches.get(0).expectedVersion()).isNull();
  }

  @Test
  void updateTaskSettingDueAtClearsDueDate() {
    long id = addTask("Pay rent", "due_date", "2026-12-01");

    Map<String, Object> task =
        content(call("update_task", "task_id", id, "due_at", "2026-12-02T09:00:00Z"));

    assertThat(task)
        .containsEntry("due_at", "2026-12-02T09:00:00Z")
        .containsEntry("due_date", null);
  }

  @Test
  void updateTaskWithNullClearsAnOptionalField() {
    long id = addTask("Pay rent", "priority", "high", "due_date", "2026-12-01");

    Map<String, Object> task =
        content(call("update_task", "task_id", id, "priority", null, "due_date", null));

    assertThat(task).containsEntry("priority", "none").containsEntry("due_date", null);
  }

  @Test
  void updateTaskCannotRemoveTheTitle() {
    long id = addTask("Pay rent");

    assertThat(call("update_task", "task_id", id, "title", null).message())
        .isEqualTo("title: cannot be removed: a task needs a title");
  }

  @Test
  void updateTaskReplacesRemindersOnlyWhenGiven() {
    long id = addTask("Pay rent", "due_date", "2026-12-01");

    content(call("update_task", "task_id", id, "reminders", List.of(Map.of("before_due", "P1D"))));
    content(call("update_task", "task_id", id, "reminders", null));

    assertThat(useCases.patches.get(0).patch().newReminders()).hasSize(1);
    assertThat(useCases.patches.get(1).patch().newReminders()).isEmpty();
  }

  @Test
  void completeTaskWithoutCompletedCompletesAndFalseReopens() {
    long id = addTask("Pay rent");

    assertThat(content(call("complete_task", "task_id", id))).containsEntry("completed", true);
    assertThat(content(call("complete_task", "task_id", id))).containsEntry("completed", true);
    Map<String, Object> reopened =
        content(call("complete_task", "task_id", id, "completed", false));
    assertThat(reopened).containsEntry("completed", false).containsEntry("completed_at", null);
    assertThat(call("complete_task", "task_id", id, "completed", "yes").message())
        .isEqualTo("completed: must be true or false");
  }

  @Test
  void deleteTaskRemovesIt() {
    long id = addTask("Pay rent");

    assertThat(content(call("delete_task", "task_id", id)))
        .isEqualTo(Map.of("deleted", true, "task_id", id));
    assertThat(useCases.tasks).isEmpty();
    assertThat(call("delete_task", "task_id", id).message())
        .isEqualTo("task_id: no task with id " + id);
  }

  @Test
  void listTasksListsPendingTasksByDefaultWithANextCursor() {
    addTask("one");
    addTask("two");
    long done = addTask("three");
    content(call("complete_task", "task_id", done));

    Map<String, Object> page = content(call("list_tasks", "limit", 1));

    assertThat(tasks(call("list_tasks", "limit", 1)))
        .extracting(t -> t.get("title"))
        .containsExactly("two");
    assertThat(page.get("next_cursor")).isEqualTo("1");
    assertThat(tasks(call("list_tasks", "limit", 1, "cursor", "1")))
        .extracting(t -> t.get("title"))
        .containsExactly("one");
    assertThat(useCases.filters.get(0).status()).isEqualTo(TaskFilter.Status.PENDING);
    assertThat(tasks(call("list_tasks", "status", "all"))).hasSize(3);
  }

  @Test
  void listTasksTakesPrioritiesAsAnArrayOrACommaSeparatedString() {
    addTask("a", "priority", "high");
    addTask("b", "priority", "low");
    addTask("c");

    assertThat(tasks(call("list_tasks", "priority", List.of("high", "low")))).hasSize(2);
    assertThat(tasks(call("list_tasks", "priority", "high, low"))).hasSize(2);
    assertThat(useCases.filters.get(1).priorities())
        .containsExactlyInAnyOrder(Priority.HIGH, Priority.LOW);
  }

  @Test
  void listTasksPassesEveryFilterAndTheSort() {
    content(
        call(
            "list_tasks",
            "status",
            "completed",
            "tags",
            "home,work",
            "tag_mode",
            "any",
            "due_after",
            "2026-12-01",
            "due_before",
            "2026-12-31T23:00:00+01:00",
            "overdue",
            true,
            "has_due",
            true,
            "search",
            "rent",
            "sort_by",
            "due",
            "sort_order",
            "desc"));

    TaskFilter filter = useCases.filters.get(0);
    assertThat(filter.status()).isEqualTo(TaskFilter.Status.COMPLETED);
    assertThat(filter.tags()).hasSize(2);
    assertThat(filter.tagMode()).isEqualTo(TaskFilter.TagMode.ANY);
    assertThat(filter.dueAfter().date()).hasToString("2026-12-01");
    assertThat(filter.dueBefore().instant()).hasToString("2026-12-31T22:00:00Z");
    assertThat(filter.overdue()).isTrue();
    assertThat(filter.hasDue()).isTrue();
    assertThat(filter.search()).isEqualTo("rent");
    assertThat(useCases.sorts.get(0))
        .isEqualTo(TaskSort.of(TaskSort.Field.DUE, TaskSort.Order.DESC));
  }

  @Test
  void listTasksRefusesBadFilters() {
    ToolResult result =
        call("list_tasks", "status", "open", "sort_by", "size", "limit", 500, "due_after", "soon");

    assertThat(result.message())
        .contains("status: must be one of all, pending, completed")
        .contains("sort_by: must be one of created_at, updated_at, due, priority, title")
        .contains("limit: must be a whole number from 1 to 200")
        .contains("due_after: must be a date like 2026-01-31 or a date-time with offset");
  }

  @Test
  void searchTasksListsPendingMatchesBeforeCompletedOnes() {
    long old = addTask("Rent contract");
    addTask("Pay rent");
    addTask("Groceries", "description", "not the RENT");
    addTask("Unrelated");
    content(call("complete_task", "task_id", old));

    List<Map<String, Object>> found = tasks(call("search_tasks", "query", "rent"));

    assertThat(found)
        .extracting(t -> t.get("title"))
        .containsExactly("Groceries", "Pay rent", "Rent contract");
    assertThat(tasks(call("search_tasks", "query", "rent", "limit", 1))).hasSize(1);
  }

  @Test
  void searchTasksNeedsAQuery() {
    assertThat(call("search_tasks").message()).isEqualTo("query: is required");
    assertThat(call("search_tasks", "query", " ").message()).isEqualTo("query: must not be blank");
  }

  @Test
  void setReminderAddsARelativeOrAFixedReminder() {
    long id = addTask("Pay rent", "due_date", "2026-12-01", "time_zone", "Europe/Berlin");

    Map<String, Object> relative =
        content(call("set_reminder", "task_id", id, "before_due", "P1D", "time_of_day", "08:30"));
    Map<String, Object> fixed =
        content(call("set_reminder", "task_id", id, "remind_at", "2026-11-30T18:00:00Z"));

    assertThat(relative)
        .containsEntry("task_id", id)
        .containsEntry("before_due", "P1D")
        .containsEntry("time_of_day", "08:30")
        .containsEntry("remind_at", "2026-11-30T07:30:00Z")
        .containsEntry("status", "scheduled")
        .containsKeys("id", "sent_at", "created_at");
    assertThat(fixed)
        .containsEntry("remind_at", "2026-11-30T18:00:00Z")
        .containsEntry("before_due", null);
  }

  @Test
  void setReminderNeedsExactlyOneTime() {
    long id = addTask("Pay rent", "due_date", "2026-12-01");

    assertThat(call("set_reminder", "task_id", id).message())
        .isEqualTo("remind_at: give either remind_at (an instant) or before_due (a duration)");
    assertThat(
            call(
                    "set_reminder",
                    "task_id",
                    id,
                    "before_due",
                    "PT1H",
                    "remind_at",
                    "2026-11-30T18:00:00Z")
                .message())
        .isEqualTo(
            "remind_at: give either remind_at or before_due, not both;"
                + " before_due: give either remind_at or before_due, not both");
    assertThat(call("set_reminder", "task_id", id, "remind_at", "2020-01-01T00:00:00Z").message())
        .isEqualTo("remind_at: must be in the future");
  }

  @Test
  void listRemindersAndDeleteReminder() {
    long id = addTask("Pay rent", "due_date", "2026-12-01");
    long reminderId =
        (Long) content(call("set_reminder", "task_id", id, "before_due", "PT1H")).get("id");

    Map<String, Object> listed = content(call("list_reminders", "task_id", id));
    Map<String, Object> deleted =
        content(call("delete_reminder", "task_id", id, "reminder_id", reminderId));

    assertThat(listed).containsEntry("task_id", id);
    assertThat((List<?>) listed.get("reminders")).hasSize(1);
    assertThat(deleted)
        .isEqualTo(Map.of("deleted", true, "task_id", id, "reminder_id", reminderId));
    assertThat(useCases.byStatus(ADA, ReminderStatus.SCHEDULED, 10)).isEmpty();
    assertThat(call("delete_reminder", "task_id", id, "reminder_id", reminderId).message())
        .isEqualTo("reminder_id: task " + id + " has no reminder " + reminderId);
  }

  @Test
  void aUserIdArgumentMustNameTheCaller() {
    assertThat(content(call("list_tasks", "user_id", "ada"))).containsKey("tasks");

    ToolResult other = call("add_task", "user_id", "bob", "title", "sneaky");

    assertThat(other.isError()).isTrue();
    assertThat(other.message()).isEqualTo("user_id does not match the authenticated user");
    assertThat(useCases.tasks).isEmpty();
  }

  @Test
  void anUnknownToolIsAnErrorResult() {
    ToolResult result = call("drop_tables");

    assertThat(result.isError()).isTrue();
    assertThat(result.message()).startsWith("tool: unknown tool 'drop_tables'; known are add_task");
  }

  @Test
  void everyToolAnswersMissingArgumentsWithAnErrorResultNotAnException() {
    for (String tool : TaskToolCatalog.NAMES) {
      ToolResult result = tools.call(ADA, tool, null);
      if (tool.equals("list_tasks")) {
        assertThat(result.isError()).isFalse();
      } else {
        assertThat(result.isError()).as(tool).isTrue();
        assertThat(result.message()).as(tool).contains(": ");
      }
    }
    Map<String, Object> wrongTypes = new HashMap<>();
    wrongTypes.put("title", 42);
    wrongTypes.put("task_id", List.of());
    wrongTypes.put("reminders", "soon");
    for (String tool : TaskToolCatalog.NAMES) {
      assertThat(tools.call(ADA, tool, wrongTypes).isError()).as(tool).isTrue();
    }
  }
}
