package dev.todoai.adapter.out.persistence;

import static dev.todoai.adapter.out.persistence.testsupport.TaskTestData.T0;
import static dev.todoai.adapter.out.persistence.testsupport.TaskTestData.aTask;
import static dev.todoai.adapter.out.persistence.testsupport.TaskTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.todoai.adapter.out.persistence.testsupport.TaskTestData;
import dev.todoai.adapter.out.persistence.testsupport.TestDatabase;
import dev.todoai.application.port.out.QueryTasksPort;
import dev.todoai.application.port.out.SaveTaskPort;
import dev.todoai.domain.shared.InvalidValueException;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.Priority;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskFilter;
import dev.todoai.domain.task.TaskFilter.DueBound;
import dev.todoai.domain.task.TaskPage;
import dev.todoai.domain.task.TaskPageRequest;
import dev.todoai.domain.task.TaskSort;
import dev.todoai.domain.task.TaskSort.Field;
import dev.todoai.domain.task.TaskSort.Order;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskQuerySortAndPagingTest implements TestPropertyProvider {
  private static final Instant NOW = T0.plus(Duration.ofDays(30));
  private static final String CURSOR_KEY = "cursor-key-of-this-test-0123456789-abcdef";
  private static final byte[] KEY = CURSOR_KEY.getBytes(StandardCharsets.UTF_8);

  @Inject SaveTaskPort saveTask;
  @Inject QueryTasksPort queryTasks;

  /** A user with tasks that tie on every sort key and lack a due, for the sort tests. */
  private final UserId mixed = aUser();

  private List<Task> mixedTasks;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> props = new java.util.HashMap<>(TestDatabase.properties());
    props.put("todo.pagination.cursor-key", CURSOR_KEY);
    return props;
  }

  @BeforeAll
  void storeMixedTasks() {
    List<Task> tasks = new ArrayList<>();
    String[] titles = {"delta", "Alpha", "charlie", "alpha", "Bravo", "echo", "Charlie", "foxtrot"};
    Priority[] priorities = Priority.values();
    for (int i = 0; i < 24; i++) {
      TaskTestData data =
          aTask()
              .owner(mixed)
              .title(titles[i % titles.length] + (i < titles.length ? "" : " " + (i / 8)))
              .priority(priorities[i % 3 * 2 % priorities.length])
              // created_at ties in pairs; updated_at ties in threes
              .createdAt(T0.plusSeconds(i / 2))
              .updatedAt(T0.plusSeconds(100 + (i % 8) / 3));
      switch (i % 4) {
        case 0 -> data.dueAt(T0.plus(Duration.ofHours(i % 5)));
        case 1 -> data.dueOn(LocalDate.parse("2030-01-01")).timeZone("Europe/Berlin");
        case 2 -> data.dueAt(Instant.parse("2029-12-31T23:00:00Z")); // ties with Berlin's day
        default -> {} // no due
      }
      tasks.add(store(data));
    }
    // Titles must tie after lower-casing as well.
    tasks.add(store(aTask().owner(mixed).title("ALPHA").createdAt(T0)));
    mixedTasks = tasks;
  }

  private Task store(TaskTestData data) {
    Task task = data.id(saveTask.nextId()).build();
    saveTask.insert(task);
    return task;
  }

  static Stream<Arguments> everySort() {
    return Stream.of(Field.values())
        .flatMap(f -> Stream.of(Order.values()).map(o -> Arguments.of(f, o)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everySort")
  void sortsByEveryFieldInBothOrdersWithTiesBrokenById(Field field, Order order) {
    TaskSort sort = TaskSort.of(field, order);

    List<Task> page =
        queryTasks.query(mixed, TaskFilter.ALL, sort, TaskPageRequest.first(200), NOW).items();

    assertThat(ids(page)).containsExactlyElementsOf(ids(expectedOrder(mixedTasks, sort)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everySort")
  void followingCursorsYieldsEveryRowOnceInOrder(Field field, Order order) {
    TaskSort sort = TaskSort.of(field, order);

    List<Task> walked = walk(mixed, sort, 4, () -> {});

    assertThat(ids(walked)).containsExactlyElementsOf(ids(expectedOrder(mixedTasks, sort)));
  }

  static Stream<Arguments> dueFiltersInBothOrders() {
    List<TaskFilter> filters =
        List.of(
            new TaskFilter(null, null, null, null, null, null, null, true, null),
            new TaskFilter(null, null, null, null, null, null, null, false, null),
            new TaskFilter(null, null, null, null, null, null, true, null, null),
            new TaskFilter(null, null, null, null, null, null, false, null, null),
            new TaskFilter(null, null, null, null, null, DueBound.of(NOW), null, null, null));
    return filters.stream().flatMap(f -> Stream.of(Order.values()).map(o -> Arguments.of(f, o)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("dueFiltersInBothOrders")
  void followingCursorsSortedByDueUnderADueFilterYieldsEveryMatchOnce(
      TaskFilter filter, Order order) {
    TaskSort sort = TaskSort.of(Field.DUE, order);
    List<Task> expected =
        queryTasks.query(mixed, filter, sort, TaskPageRequest.first(200), NOW).items();

    List<Task> walked = walk(mixed, filter, sort, 2, () -> {});

    assertThat(expected).isNotEmpty();
    assertThat(ids(walked))
        .containsExactlyElementsOf(
            ids(expectedOrder(mixedTasks, sort).stream().filter(expected::contains).toList()));
    assertThat(ids(walked)).containsExactlyElementsOf(ids(expected));
  }

  @Test
  void tasksWithoutDueSortLastInBothOrders() {
    for (Order order : Order.values()) {
      List<Task> page =
          queryTasks
              .query(
                  mixed,
                  TaskFilter.ALL,
                  TaskSort.of(Field.DUE, order),
                  TaskPageRequest.first(200),
                  NOW)
              .items();
      int firstUndated = (int) page.stream().takeWhile(t -> t.details().due().isPresent()).count();
      assertThat(page.subList(firstUndated, page.size()))
          .isNotEmpty()
          .allSatisfy(t -> assertThat(t.details().due().isPresent()).isFalse());
    }
  }

  @Test
  void lastPageHasNoCursorAndAnExactFitHasNoEmptyExtraPage() {
    UserId owner = aUser();
    for (int i = 0; i < 4; i++) {
      store(aTask().owner(owner).createdAt(T0.plusSeconds(i)));
    }

    TaskPage first = queryTasks.query(owner, TaskFilter.ALL, TaskSort.DEFAULT, page(2, null), NOW);
    TaskPage second =
        queryTasks.query(owner, TaskFilter.ALL, TaskSort.DEFAULT, page(2, first.nextCursor()), NOW);

    assertThat(first.items()).hasSize(2);
    assertThat(first.hasNext()).isTrue();
    assertThat(second.items()).hasSize(2);
    assertThat(second.hasNext()).isFalse();
  }

  @Test
  void cursorIsUrlSafe() {
    TaskPage first =
        queryTasks.query(
            mixed, TaskFilter.ALL, TaskSort.of(Field.TITLE, Order.ASC), page(3, null), NOW);

    assertThat(first.nextCursor()).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
  }

  @Test
  void cursorFromAnotherSortIsRejected() {
    String cursor =
        queryTasks
            .query(mixed, TaskFilter.ALL, TaskSort.of(Field.DUE, Order.ASC), page(3, null), NOW)
            .nextCursor();

    assertThatThrownBy(
            () ->
                queryTasks.query(
                    mixed,
                    TaskFilter.ALL,
                    TaskSort.of(Field.DUE, Order.DESC),
                    page(3, cursor),
                    NOW))
        .isInstanceOf(InvalidValueException.class)
        .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("cursor"));
    assertThatThrownBy(
            () ->
                queryTasks.query(
                    mixed,
                    TaskFilter.ALL,
                    TaskSort.of(Field.CREATED_AT, Order.ASC),
                    page(3, cursor),
                    NOW))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void garbageCursorIsRejectedAsInvalidValue() {
    for (String garbage : List.of("x", "not base64!", "AAAA", encode("1|CREATED_AT|DESC|1|x"))) {
      assertThatThrownBy(
              () ->
                  queryTasks.query(mixed, TaskFilter.ALL, TaskSort.DEFAULT, page(3, garbage), NOW))
          .isInstanceOf(InvalidValueException.class)
          .hasMessage("is not a valid page cursor")
          .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("cursor"));
    }
  }

  @Test
  void tamperedCursorIsRejectedAsInvalidValue() {
    String cursor =
        queryTasks.query(mixed, TaskFilter.ALL, TaskSort.DEFAULT, page(3, null), NOW).nextCursor();
    String payload = cursor.substring(0, cursor.indexOf('.'));
    String mac = cursor.substring(cursor.indexOf('.'));
    String decoded = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
    String tampered = encode(decoded.replaceFirst("\\|(\\d+)\\|20", "|1$1|20")) + mac;

    assertThat(tampered).isNotEqualTo(cursor);
    assertThatThrownBy(
            () -> queryTasks.query(mixed, TaskFilter.ALL, TaskSort.DEFAULT, page(3, tampered), NOW))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("is not a valid page cursor");
  }

  @Test
  void aForgedCursorWithAnExtremeDateIsRejectedWithoutReachingTheDatabase() {
    // what a client could build before cursors were signed: a well-formed payload, any checksum
    for (String forged :
        List.of(
            encode("2|CREATED_AT|DESC|1|+999999999-12-31T23:59:59Z"),
            encode("2|CREATED_AT|DESC|1|+999999999-12-31T23:59:59Z") + ".AAAAAAAAAAAAAAAAAAAAAA",
            encode("2|DUE|ASC|1|-999999999-01-01T00:00:00Z") + "." + encode("x"))) {
      assertThatThrownBy(
              () -> queryTasks.query(mixed, TaskFilter.ALL, TaskSort.DEFAULT, page(3, forged), NOW))
          .isInstanceOf(InvalidValueException.class)
          .hasMessage("is not a valid page cursor");
    }
  }

  @Test
  void aCursorSignedWithAnotherKeyIsRejected() {
    String cursor =
        queryTasks.query(mixed, TaskFilter.ALL, TaskSort.DEFAULT, page(3, null), NOW).nextCursor();
    byte[] otherKey = "another-server-key-0123456789-abcdef".getBytes(StandardCharsets.UTF_8);
    String mine;
    try {
      CursorSigning.useKey(otherKey);
      mine = CursorSigning.sign("2|CREATED_AT|DESC|1|2030-01-01T00:00:00Z");
    } finally {
      CursorSigning.useKey(KEY);
    }

    assertThatThrownBy(
            () -> queryTasks.query(mixed, TaskFilter.ALL, TaskSort.DEFAULT, page(3, mine), NOW))
        .isInstanceOf(InvalidValueException.class);
    assertThat(queryTasks.query(mixed, TaskFilter.ALL, TaskSort.DEFAULT, page(3, cursor), NOW))
        .isNotNull();
  }

  @Test
  void pagingWhileAnotherThreadInsertsSeesEveryExistingRowExactlyOnce() throws Exception {
    UserId owner = aUser();
    Random random = new Random(42);
    List<Task> existing = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      existing.add(store(randomTask(owner, random)));
    }
    for (TaskSort sort :
        List.of(
            TaskSort.of(Field.CREATED_AT, Order.DESC),
            TaskSort.of(Field.DUE, Order.ASC),
            TaskSort.of(Field.TITLE, Order.DESC))) {
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger inserted = new AtomicInteger();
      Semaphore allowance = new Semaphore(0);
      Random insertRandom = new Random(7);
      CompletableFuture<Void> inserter =
          CompletableFuture.runAsync(
              () -> {
                while (!stop.get()) {
                  if (tryAcquire(allowance)) {
                    store(randomTask(owner, insertRandom));
                    inserted.incrementAndGet();
                  }
                }
              });
      List<Task> walked;
      try {
        walked =
            walk(
                owner,
                sort,
                9,
                () -> {
                  // Between every two pages the other thread inserts three tasks, anywhere.
                  int target = inserted.get() + 3;
                  allowance.release(3);
                  await().atMost(Duration.ofSeconds(10)).until(() -> inserted.get() >= target);
                });
      } finally {
        stop.set(true);
        inserter.get(10, TimeUnit.SECONDS);
      }

      Map<Long, Long> seen =
          walked.stream()
              .collect(Collectors.groupingBy(t -> t.id().value(), Collectors.counting()));
      assertThat(seen.values()).as("no row twice, sorted by %s", sort).allMatch(n -> n == 1);
      assertThat(seen.keySet())
          .as("every existing row, sorted by %s", sort)
          .containsAll(idSet(existing));
      assertThat(inserted.get()).isGreaterThan(0);
    }
  }

  private static boolean tryAcquire(Semaphore semaphore) {
    try {
      return semaphore.tryAcquire(50, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static TaskTestData randomTask(UserId owner, Random random) {
    TaskTestData data =
        aTask()
            .owner(owner)
            .title("task " + (char) ('a' + random.nextInt(26)) + random.nextInt(50))
            .createdAt(T0.plusSeconds(random.nextInt(500)));
    int due = random.nextInt(3);
    if (due == 0) {
      data.dueAt(T0.plusSeconds(random.nextInt(500)));
    } else if (due == 1) {
      data.dueOn(LocalDate.parse("2030-01-01").plusDays(random.nextInt(5)));
    }
    return data;
  }

  private List<Task> walk(UserId owner, TaskSort sort, int limit, Runnable betweenPages) {
    return walk(owner, TaskFilter.ALL, sort, limit, betweenPages);
  }

  private List<Task> walk(
      UserId owner, TaskFilter filter, TaskSort sort, int limit, Runnable betweenPages) {
    List<Task> all = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      TaskPage page = queryTasks.query(owner, filter, sort, page(limit, cursor), NOW);
      all.addAll(page.items());
      cursor = page.nextCursor();
      assertThat(++pages).as("pages").isLessThan(1000);
      if (cursor != null) {
        betweenPages.run();
      }
    } while (cursor != null);
    return all;
  }

  /** The order the API promises, computed in Java. */
  private static List<Task> expectedOrder(List<Task> tasks, TaskSort sort) {
    Comparator<Task> byKey =
        switch (sort.field()) {
          case CREATED_AT -> Comparator.comparing(Task::createdAt);
          case UPDATED_AT -> Comparator.comparing(Task::updatedAt);
          case PRIORITY -> Comparator.comparingInt(t -> t.details().priority().rank());
          case TITLE ->
              Comparator.comparing(t -> t.details().title().value().toLowerCase(Locale.ROOT));
          case DUE -> Comparator.comparing(TaskQuerySortAndPagingTest::dueSort);
        };
    Comparator<Task> byId = Comparator.comparingLong(t -> t.id().value());
    Comparator<Task> order = byKey.thenComparing(byId);
    if (sort.order() == Order.DESC) {
      order = order.reversed();
    }
    if (sort.field() == Field.DUE) {
      order = Comparator.comparing((Task t) -> !t.details().due().isPresent()).thenComparing(order);
    }
    return tasks.stream().sorted(order).toList();
  }

  private static Instant dueSort(Task t) {
    Instant sortInstant = t.details().due().sortInstant(t.details().timeZone().zone());
    return sortInstant == null ? Instant.MIN : sortInstant;
  }

  private static TaskPageRequest page(int limit, String cursor) {
    return new TaskPageRequest(limit, cursor);
  }

  private static List<Long> ids(List<Task> tasks) {
    return tasks.stream().map(t -> t.id().value()).toList();
  }

  private static Set<Long> idSet(List<Task> tasks) {
    return tasks.stream().map(t -> t.id().value()).collect(Collectors.toSet());
  }

  private static String encode(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
