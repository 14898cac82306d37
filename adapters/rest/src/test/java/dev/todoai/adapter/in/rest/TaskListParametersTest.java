package dev.todoai.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.todoai.adapter.contract.FieldError;
import dev.todoai.adapter.contract.InvalidInputException;
import dev.todoai.adapter.contract.TaskInputs.Query;
import dev.todoai.domain.task.Priority;
import dev.todoai.domain.task.Tag;
import dev.todoai.domain.task.TaskFilter;
import dev.todoai.domain.task.TaskFilter.DueBound;
import dev.todoai.domain.task.TaskSort;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskListParametersTest {

  @Test
  void noParametersListEverythingNewestFirstFiftyAtATime() {
    Query request = TaskListParameters.parse(Map.of());

    assertThat(request.filter()).isEqualTo(TaskFilter.ALL);
    assertThat(request.sort()).isEqualTo(TaskSort.DEFAULT);
    assertThat(request.page().limit()).isEqualTo(50);
    assertThat(request.page().cursor()).isNull();
  }

  @Test
  void everyParameterIsTranslated() {
    Query request =
        TaskListParameters.parse(
            params(
                "status", "pending",
                "priority", "high,urgent",
                "tags", "work,Home",
                "tag_mode", "any",
                "due_after", "2030-01-01",
                "due_before", "2030-02-01T10:00:00+01:00",
                "overdue", "true",
                "has_due", "false",
                "search", "milk",
                "sort_by", "due",
                "sort_order", "desc",
                "limit", "200",
                "cursor", "abc"));

    TaskFilter filter = request.filter();
    assertThat(filter.status()).isEqualTo(TaskFilter.Status.PENDING);
    assertThat(filter.priorities()).containsExactlyInAnyOrder(Priority.HIGH, Priority.URGENT);
    assertThat(filter.tags()).containsExactlyInAnyOrder(new Tag("work"), new Tag("home"));
    assertThat(filter.tagMode()).isEqualTo(TaskFilter.TagMode.ANY);
    assertThat(filter.dueAfter()).isEqualTo(DueBound.of(LocalDate.of(2030, 1, 1)));
    assertThat(filter.dueBefore()).isEqualTo(DueBound.of(Instant.parse("2030-02-01T09:00:00Z")));
    assertThat(filter.overdue()).isTrue();
    assertThat(filter.hasDue()).isFalse();
    assertThat(filter.search()).isEqualTo("milk");
    assertThat(request.sort()).isEqualTo(TaskSort.of(TaskSort.Field.DUE, TaskSort.Order.DESC));
    assertThat(request.page().limit()).isEqualTo(200);
    assertThat(request.page().cursor()).isEqualTo("abc");
  }

  @Test
  void offsetWhosePlusArrivedAsASpaceIsStillUnderstood() {
    Query request = TaskListParameters.parse(params("due_after", "2030-02-01T10:00:00 01:00"));

    assertThat(request.filter().dueAfter())
        .isEqualTo(DueBound.of(Instant.parse("2030-02-01T09:00:00Z")));
  }

  @Test
  void unknownParametersAreRejectedNamingThemButAccessTokenIsIgnored() {
    assertThat(errorFields(params("sortby", "title", "access_token", "t", "limt", "3")))
        .containsExactlyInAnyOrder("sortby", "limt");
  }

  @Test
  void badValuesAreAllRejectedNamingTheirParameters() {
    assertThat(
            errorFields(
                params(
                    "status", "done",
                    "priority", "high,asap",
                    "tag_mode", "some",
                    "due_after", "yesterday",
                    "overdue", "yes",
                    "sort_by", "colour",
                    "sort_order", "up",
                    "limit", "201")))
        .containsExactlyInAnyOrder(
            "status",
            "priority",
            "tag_mode",
            "due_after",
            "overdue",
            "sort_by",
            "sort_order",
            "limit");
  }

  @Test
  void zeroLimitIsRejected() {
    assertThat(errorFields(params("limit", "0"))).containsExactly("limit");
  }

  @Test
  void nextLinkRepeatsTheParametersWithTheNewCursorEncoded() {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    parameters.put("search", List.of("milk & honey"));
    parameters.put("priority", List.of("high,urgent"));
    parameters.put("cursor", List.of("old"));
    parameters.put("access_token", List.of("secret"));

    String link = TaskListParameters.nextLink("/api/u1/tasks", parameters, "a+b/c=");

    assertThat(link)
        .isEqualTo(
            "</api/u1/tasks?search=milk%20%26%20honey&priority=high,urgent&cursor=a%2Bb%2Fc%3D>;"
                + " rel=\"next\"");
  }

  private static Map<String, List<String>> params(String... pairs) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      parameters.put(pairs[i], List.of(pairs[i + 1]));
    }
    return parameters;
  }

  private static List<String> errorFields(Map<String, List<String>> parameters) {
    InvalidInputException e =
        catchThrowableOfType(
            InvalidInputException.class, () -> TaskListParameters.parse(parameters));
    assertThat(e).isNotNull();
    return e.errors().stream().map(FieldError::field).toList();
  }
}
