package dev.todoai.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.todoai.adapter.out.persistence.BenchSql;
import dev.todoai.domain.task.Priority;
import dev.todoai.domain.task.Tag;
import dev.todoai.domain.task.TaskFilter;
import dev.todoai.domain.task.TaskSort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The read-path benchmark of issue 16: the product (its jar, role {@code all}, embedded PostgreSQL)
 * against the same SQL sent raw to the same database, in one run, with the same clients. See {@code
 * docs/benchmarks.md} for what it measures and how to read the output.
 *
 * <p>Arguments: {@code --quick} (short phases, no 1M scale point), {@code --warmup=S}, {@code
 * --measure=S}, {@code --clients=1,16,64}, {@code --users=1000}, {@code --tasks=1000}, {@code
 * --scales=10000,100000,1000000}, {@code --label=after}, {@code --docs=docs}, {@code
 * --jar=bootstrap/target/todo-ai.jar}, {@code --only=list,filter} (scenarios of the matrix), {@code
 * --skip=writes,latencies,restart}.
 */
public final class ReadPathBench {
  static final ObjectMapper JSON = new ObjectMapper();
  static final int PAGE = 50;

  private final Options o;
  private final Results results = new Results();
  private Product product;
  private Load.Target target;
  private String heavy;
  private String heavyToken;
  private long[] heavyIds;
  private String writer;
  private String writerToken;
  private final List<Long> writerIds = new java.util.concurrent.CopyOnWriteArrayList<>();
  private long nextId;
  private int heavyTasks;

  private ReadPathBench(Options o) {
    this.o = o;
  }

  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    int code = 0;
    try {
      new ReadPathBench(o).run();
    } catch (Exception e) {
      e.printStackTrace();
      code = 1;
    }
    System.exit(code);
  }

  private void run() throws Exception {
    Path runDir = Files.createTempDirectory("todo-bench-");
    results.started = Instant.now();
    results.options = o;
    results.loadBefore = Machine.load();
    System.out.printf("== run directory %s; load %s%n", runDir, results.loadBefore);
    // The SSE fan-out opens up to 500 streams of one user; the product allows 20 by default.
    product =
        new Product(
            o.jar,
            runDir.resolve("data"),
            o.productJvm,
            Map.of("TODO_LIVE_UPDATES_MAX_STREAMS_PER_USER", "600"));
    try {
      results.startupEmpty = product.start();
      System.out.printf("== product started in %.2f s (empty database)%n", results.startupEmpty);
      // Raw connections plan every execution for its values, as the product's connections do.
      target =
          new Load.Target(
              product.httpPort,
              product.jdbcUrl() + "?options=-c%20plan_cache_mode%3Dforce_custom_plan",
              "postgres",
              product.dbPassword());
      try (Connection c = connect()) {
        results.postgres = scalar(c, "SELECT version()");
        results.settings = settings(c);
      }
      prepare();
      boolean warm = false;
      for (int scale : o.scales) {
        grow(scale);
        if (!warm && o.jitWarmup > 0) {
          warmUpProduct();
          warm = true;
        }
        if (scale == o.matrixScale) {
          matrix();
          if (!o.skip.contains("writes")) {
            phase("writes", this::writes);
          }
          if (!o.skip.contains("latencies")) {
            phase("latencies", this::latencies);
          }
        } else {
          scalePoint();
        }
      }
      if (!o.quick && !o.skip.contains("restart")) {
        phase("restart", () -> reminderStartup(runDir));
      }
    } catch (Exception e) {
      // Whatever was measured is still reported.
      e.printStackTrace();
      results.latencies.put("RUN FAILED: " + e, new double[] {0, 0, 0});
    } finally {
      results.maxRssAll = Math.max(results.maxRssAll, product.maxRssMb());
      product.close();
    }
    results.finished = Instant.now();
    results.loadAfter = Machine.load();
    Report.write(results, o);
  }

  @FunctionalInterface
  interface Phase {
    void run() throws Exception;
  }

  /** Runs a phase; a failure is reported in the results and the run goes on. */
  private void phase(String name, Phase phase) {
    try {
      phase.run();
    } catch (Exception e) {
      e.printStackTrace();
      results.latencies.put(name + " FAILED: " + e, new double[] {0, 0, 0});
    }
  }

  // ---------------------------------------------------------------- data

  private void prepare() throws Exception {
    JsonNode h = register("heavy");
    heavy = h.get("user_id").asText();
    heavyToken = h.get("token").asText();
    JsonNode w = register("writer");
    writer = w.get("user_id").asText();
    writerToken = w.get("token").asText();
    try (Connection c = connect()) {
      String hash = scalar(c, "SELECT password_hash FROM users WHERE id = '" + heavy + "'");
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < o.users; i++) {
        ids.add(String.format("bench-user-%04d", i));
      }
      Seed.users(c, ids, hash);
      List<Seed.Owner> owners = new ArrayList<>();
      ids.forEach(id -> owners.add(new Seed.Owner(id, o.tasksPerUser)));
      owners.add(new Seed.Owner(writer, 10_000));
      long t0 = System.nanoTime();
      nextId = new Seed(Instant.now()).load(c, owners, Seed.maxTaskId(c) + 1, 42);
      Seed.settle(c);
      System.out.printf(
          "== seeded %d users x %d tasks (+10,000 for the writer) in %.1f s%n",
          o.users, o.tasksPerUser, (System.nanoTime() - t0) / 1e9);
      for (long id : Seed.taskIds(c, writer, 10_000)) {
        writerIds.add(id);
      }
      c.createStatement()
          .execute(
              "CREATE TABLE IF NOT EXISTS bench_outbox (LIKE outbox INCLUDING ALL);"
                  + " ALTER TABLE bench_outbox SET (autovacuum_vacuum_scale_factor = 0.02)");
    }
  }

  /** Grows the heavy user to {@code tasks} tasks (COPY), then settles the table. */
  private void grow(int tasks) throws Exception {
    if (tasks <= heavyTasks) {
      return;
    }
    try (Connection c = connect()) {
      long t0 = System.nanoTime();
      // Tasks created through the API took ids from the sequence meanwhile.
      nextId = Math.max(nextId, Seed.maxTaskId(c) + 1);
      nextId =
          new Seed(Instant.now())
              .load(c, List.of(new Seed.Owner(heavy, tasks - heavyTasks)), nextId, tasks);
      Seed.settle(c);
      heavyTasks = tasks;
      heavyIds = Seed.taskIds(c, heavy, 20_000);
      System.out.printf(
          "== heavy user now has %,d tasks (loaded in %.1f s); table has %,d rows%n",
          tasks,
          (System.nanoTime() - t0) / 1e9,
          Long.parseLong(scalar(c, "SELECT count(*) FROM tasks")));
    }
  }

  // ---------------------------------------------------------------- scenarios

  /** A read scenario: the API request, the product's SQL and the plain SQL. */
  record Scenario(String name, String label, Load.Op api, Load.Op product, Load.Op plain) {}

  private List<Scenario> readScenarios() {
    String cols = BenchSql.taskColumns();
    String base = "/api/" + heavy + "/tasks";
    Instant now = Instant.now();
    List<Scenario> list = new ArrayList<>();
    list.add(
        new Scenario(
            "list",
            "default list (newest first)",
            api(base),
            product(TaskFilter.ALL, TaskSort.DEFAULT),
            plain(
                "SELECT "
                    + cols
                    + " FROM tasks WHERE user_id = ?"
                    + " ORDER BY created_at DESC, id DESC LIMIT 50")));
    list.add(
        new Scenario(
            "filter",
            "filter priority=high,urgent&tags=work",
            api(base + "?priority=high,urgent&tags=work"),
            product(
                new TaskFilter(
                    null,
                    Set.of(Priority.HIGH, Priority.URGENT),
                    Set.of(new Tag("work")),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null),
                TaskSort.DEFAULT),
            plain(
                "SELECT "
                    + cols
                    + " FROM tasks WHERE user_id = ? AND priority IN (3, 4)"
                    + " AND tags @> ARRAY['work'] ORDER BY created_at DESC, id DESC LIMIT 50")));
    list.add(
        new Scenario(
            "overdue",
            "overdue=true&sort_by=due",
            api(base + "?overdue=true&sort_by=due"),
            product(
                new TaskFilter(null, null, null, null, null, null, true, null, null),
                TaskSort.of(TaskSort.Field.DUE, null)),
            plain(
                "SELECT "
                    + cols
                    + " FROM tasks WHERE user_id = ? AND NOT completed"
                    + " AND overdue_from <= now() ORDER BY due_sort, id LIMIT 50")));
    list.add(
        new Scenario(
            "search",
            "search=" + Seed.SEARCH_WORD + " (~1% of rows)",
            api(base + "?search=" + Seed.SEARCH_WORD),
            product(
                new TaskFilter(null, null, null, null, null, null, null, null, Seed.SEARCH_WORD),
                TaskSort.DEFAULT),
            plain(
                "SELECT "
                    + cols
                    + " FROM tasks WHERE user_id = ? AND search_text LIKE '%"
                    + Seed.SEARCH_WORD
                    + "%' ORDER BY created_at DESC, id DESC LIMIT 50")));
    list.add(
        new Scenario(
            "due",
            "sort_by=due",
            api(base + "?sort_by=due"),
            product(TaskFilter.ALL, TaskSort.of(TaskSort.Field.DUE, null)),
            plain(
                "SELECT "
                    + cols
                    + " FROM tasks WHERE user_id = ?"
                    + " ORDER BY due_sort NULLS LAST, id LIMIT 50")));
    list.add(
        new Scenario(
            "pages",
            "10 keyset pages (one op = 10 pages)",
            client -> {
              String cursor = null;
              for (int i = 0; i < 10; i++) {
                Http.Response r =
                    check(
                        client
                            .http()
                            .get(cursor == null ? base : base + "?cursor=" + cursor, heavyToken));
                cursor = r.header("X-Next-Cursor");
              }
            },
            client -> {
              Object key = null;
              Long id = null;
              for (int i = 0; i < 10; i++) {
                Object[] last =
                    BenchSql.page(
                            heavy,
                            TaskFilter.ALL,
                            TaskSort.DEFAULT,
                            key,
                            id,
                            PAGE + 1,
                            Instant.now())
                        .run(client.db(), TaskSort.DEFAULT, PAGE);
                key = last[0];
                id = (Long) last[1];
              }
            },
            client -> {
              Connection c = client.db();
              Object key = null;
              long id = 0;
              for (int i = 0; i < 10; i++) {
                String sql =
                    "SELECT "
                        + cols
                        + " FROM tasks WHERE user_id = ?"
                        + (key == null ? "" : " AND (created_at, id) < (?, ?)")
                        + " ORDER BY created_at DESC, id DESC LIMIT 50";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                  ps.setString(1, heavy);
                  if (key != null) {
                    ps.setObject(2, key);
                    ps.setLong(3, id);
                  }
                  try (ResultSet rs = ps.executeQuery()) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                      for (int k = 1; k <= n; k++) {
                        rs.getString(k);
                      }
                      key = rs.getObject("created_at", java.time.OffsetDateTime.class);
                      id = rs.getLong("id");
                    }
                  }
                }
              }
            }));
    list.add(
        new Scenario(
            "get",
            "get one task by id",
            client -> check(client.http().get(base + "/" + randomHeavyId(client), heavyToken)),
            client -> getById(client, BenchSql.selectOneSql()),
            client ->
                getById(client, "SELECT " + cols + " FROM tasks WHERE id = ? AND user_id = ?")));
    list.removeIf(s -> !o.only.isEmpty() && !o.only.contains(s.name()));
    return list;
  }

  private long randomHeavyId(Load.Client client) {
    return heavyIds[client.random.nextInt(heavyIds.length)];
  }

  private void getById(Load.Client client, String sql) throws SQLException {
    try (PreparedStatement ps = client.db().prepareStatement(sql)) {
      ps.setLong(1, randomHeavyId(client));
      ps.setString(2, heavy);
      readAll(ps);
    }
  }

  private Load.Op api(String path) {
    return client -> check(client.http().get(path, heavyToken));
  }

  private Load.Op product(TaskFilter filter, TaskSort sort) {
    return client ->
        BenchSql.page(heavy, filter, sort, null, null, PAGE + 1, Instant.now())
            .run(client.db(), sort, PAGE);
  }

  private Load.Op plain(String sql) {
    return client -> {
      try (PreparedStatement ps = client.db().prepareStatement(sql)) {
        ps.setString(1, heavy);
        readAll(ps);
      }
    };
  }

  private static void readAll(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int k = 1; k <= n; k++) {
          rs.getString(k);
        }
      }
    }
  }

  static Http.Response check(Http.Response r) {
    if (r.status() >= 300) {
      throw new IllegalStateException("HTTP " + r.status() + ": " + r.text());
    }
    return r;
  }

  /**
   * Runs every API scenario in turn with 16 clients so that the product's JIT has compiled the
   * request path before anything is measured (a server runs for days; its first minute is not what
   * users see).
   */
  private void warmUpProduct() throws Exception {
    List<Scenario> scenarios = readScenarios();
    double each = o.jitWarmup / Math.max(1, scenarios.size());
    long t0 = System.nanoTime();
    double cpu0 = product.cpuMicros();
    for (Scenario s : scenarios) {
      Load.run(target, 16, 0, each, s.api(), NO_CPU);
    }
    System.out.printf(
        "== product warmed up for %.0f s (%.1f s of its CPU)%n",
        (System.nanoTime() - t0) / 1e9, (product.cpuMicros() - cpu0) / 1e6);
  }

  private static final Load.CpuMeter NO_CPU =
      new Load.CpuMeter() {
        @Override
        public double productMicros() {
          return 0;
        }

        @Override
        public double postgresMicros() {
          return 0;
        }
      };

  /** Every read scenario at every concurrency: API, the product's SQL, the plain SQL. */
  private void matrix() throws Exception {
    for (Scenario s : readScenarios()) {
      for (int clients : o.clients) {
        measure("reads", s.name(), s.label(), clients, s.api(), s.product(), s.plain());
      }
    }
  }

  /** List, filter and search at 16 clients, for the p99-versus-size plot. */
  private void scalePoint() throws Exception {
    for (Scenario s : readScenarios()) {
      if (Set.of("list", "filter", "search").contains(s.name())) {
        measure("scale", s.name(), s.label(), 16, s.api(), s.product(), s.plain());
      }
    }
  }

  private void measure(
      String section,
      String name,
      String label,
      int clients,
      Load.Op api,
      Load.Op prod,
      Load.Op plain)
      throws Exception {
    product.resetMaxRss();
    Load.CpuMeter cpu =
        new Load.CpuMeter() {
          @Override
          public double productMicros() {
            return product.cpuMicros();
          }

          @Override
          public double postgresMicros() {
            return product.postgresCpuMicros();
          }
        };
    Load.Result a = Load.run(target, clients, o.warmup, o.measure, api, cpu);
    double rss = product.maxRssMb();
    results.maxRssAll = Math.max(results.maxRssAll, rss);
    Load.Result p = prod == null ? null : Load.run(target, clients, o.warmup, o.measure, prod, cpu);
    Load.Result r =
        plain == null ? null : Load.run(target, clients, o.warmup, o.measure, plain, cpu);
    Results.Row row = new Results.Row(section, name, label, clients, heavyTasks, a, p, r, rss);
    results.rows.add(row);
    System.out.println(row.line());
  }

  // ---------------------------------------------------------------- writes

  private void writes() throws Exception {
    String base = "/api/" + writer + "/tasks";
    AtomicLong n = new AtomicLong();
    Seed seed = new Seed(Instant.now());
    Load.Op apiCreate =
        client -> {
          long k = n.incrementAndGet();
          Http.Response r =
              check(
                  client
                      .http()
                      .send(
                          "POST",
                          base,
                          writerToken,
                          "application/json",
                          "{\"title\":\"Write the quarterly report "
                              + k
                              + "\",\"description\":\"numbers for the team meeting\","
                              + "\"priority\":\"high\",\"tags\":[\"work\",\"reports\"],"
                              + "\"due_at\":\"2031-05-0"
                              + (1 + k % 9)
                              + "T09:00:00Z\",\"time_zone\":\"Europe/Berlin\"}"));
          if (k % 16 == 0) {
            writerIds.add(JSON.readTree(r.body()).get("id").asLong());
          }
        };
    String payload = "x".repeat(900);
    Load.Op rawCreate =
        client -> {
          Connection c = client.db();
          c.setAutoCommit(false);
          try {
            long id;
            try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT nextval('task_id_seq')")) {
              rs.next();
              id = rs.getLong(1);
            }
            BenchSql.insertTask(c, seed.task(id, writer, Instant.now(), client.random));
            outbox(c, payload);
            c.commit();
          } catch (SQLException e) {
            c.rollback();
            throw e;
          }
        };
    for (int clients : o.clients) {
      measure(
          "writes",
          "create",
          "create a task (task + 2 outbox rows)",
          clients,
          apiCreate,
          null,
          rawCreate);
    }
    Long[] ids = writerIds.toArray(Long[]::new);
    Load.Op apiUpdate =
        client -> {
          long id = ids[client.random.nextInt(ids.length)];
          check(
              client
                  .http()
                  .send(
                      "PATCH",
                      base + "/" + id,
                      writerToken,
                      "application/merge-patch+json",
                      "{\"title\":\"Renamed " + client.random.nextInt(1_000_000) + "\"}"));
        };
    Load.Op rawUpdate =
        client -> {
          long id = ids[client.random.nextInt(ids.length)];
          Connection c = client.db();
          c.setAutoCommit(false);
          try {
            BenchSql.updateTitle(
                c, writer, id, "Renamed " + client.random.nextInt(1_000_000), Instant.now());
            outbox(c, payload);
            c.commit();
          } catch (SQLException e) {
            c.rollback();
            throw e;
          }
        };
    for (int clients : o.clients) {
      measure(
          "writes",
          "update",
          "update a title (task + 2 outbox rows)",
          clients,
          apiUpdate,
          null,
          rawUpdate);
    }
  }

  private static void outbox(Connection c, String payload) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO bench_outbox (event_id, topic, event_type, partition_key, lane, payload)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      for (String topic : List.of("task-events", "task-updates")) {
        ps.setObject(1, UUID.randomUUID());
        ps.setString(2, topic);
        ps.setString(3, "created");
        ps.setString(4, "bench");
        ps.setShort(5, (short) 3);
        ps.setString(6, topic.equals("task-events") ? payload : payload.substring(0, 200));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, '')")) {
      ps.setString(1, "bench_outbox");
      ps.execute();
    }
  }

  // ---------------------------------------------------------------- latencies

  private void latencies() throws Exception {
    successor();
    reminders(o.quick ? 2_000 : 10_000);
    fanout(o.quick ? 100 : 500);
  }

  /** Completing a recurring task until its successor is visible through the API. */
  private void successor() throws Exception {
    JsonNode u = register("recurring");
    String user = u.get("user_id").asText();
    String token = u.get("token").asText();
    String base = "/api/" + user + "/tasks";
    try (Http http = new Http("127.0.0.1", product.httpPort)) {
      long id =
          JSON.readTree(
                  check(
                          http.send(
                              "POST",
                              base,
                              token,
                              "application/json",
                              "{\"title\":\"Daily\",\"due_date\":\"2030-01-01\",\"recurrence\":\"daily\"}"))
                      .body())
              .get("id")
              .asLong();
      org.HdrHistogram.Histogram h = new org.HdrHistogram.Histogram(60_000_000L, 3);
      for (int i = 0; i < 50; i++) {
        long t0 = System.nanoTime();
        check(http.send("PATCH", base + "/" + id + "/complete", token, null, null));
        Long next = null;
        while (next == null) {
          for (JsonNode t :
              JSON.readTree(check(http.get(base + "?status=pending&limit=5", token)).body())) {
            next = t.get("id").asLong();
          }
          if (next == null) {
            Thread.sleep(2);
          }
        }
        h.recordValue((System.nanoTime() - t0) / 1000);
        id = next;
      }
      results.latencies.put(
          "complete recurring -> successor visible (50 rounds)",
          new double[] {
            h.getValueAtPercentile(50) / 1000.0,
            h.getValueAtPercentile(99) / 1000.0,
            h.getMaxValue() / 1000.0
          });
      System.out.printf(
          "successor visible: p50 %.1f ms, p99 %.1f ms%n",
          h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0);
    }
  }

  /** {@code count} reminders due within 10 s: how late they fire. */
  private void reminders(int count) throws Exception {
    JsonNode u = register("reminders");
    String user = u.get("user_id").asText();
    String token = u.get("token").asText();
    String base = "/api/" + user + "/tasks";
    int tasks = count / 10;
    long[] taskIds = new long[tasks];
    parallel(
        tasks,
        16,
        (http, i) ->
            taskIds[i] =
                JSON.readTree(
                        check(
                                http.send(
                                    "POST",
                                    base,
                                    token,
                                    "application/json",
                                    "{\"title\":\"Reminded "
                                        + i
                                        + "\",\"due_at\":\"2031-01-01T09:00:00Z\"}"))
                            .body())
                    .get("id")
                    .asLong());
    // Lead time: how long creating the tasks took, times the 10 reminders per task, and a margin.
    long t0 = System.nanoTime();
    Instant first = Instant.now().plusSeconds(20 + count / 200);
    AtomicInteger late = new AtomicInteger();
    parallel(
        count,
        16,
        (http, i) -> {
          Http.Response r =
              http.send(
                  "POST",
                  base + "/" + taskIds[i / 10] + "/reminders",
                  token,
                  "application/json",
                  "{\"remind_at\":\"" + first.plusMillis((long) i * 10_000 / count) + "\"}");
          if (r.status() == 400 && r.text().contains("in the future")) {
            late.incrementAndGet();
          } else {
            check(r);
          }
        });
    System.out.printf(
        "scheduled %d reminders in %.1f s (%d too late to schedule)%n",
        count - late.get(), (System.nanoTime() - t0) / 1e9, late.get());
    if (Instant.now().isAfter(first)) {
      System.out.println("WARNING: scheduling took longer than the lead time");
    }
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), first.plusSeconds(25)).toMillis()));
    org.HdrHistogram.Histogram h = new org.HdrHistogram.Histogram(600_000_000L, 3);
    int sent = 0;
    try (Connection c = connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT extract(epoch FROM (sent_at - remind_at)) * 1e6 FROM reminders"
                    + " WHERE user_id = ? AND status = 'sent'")) {
      ps.setString(1, user);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          h.recordValue(Math.max(1, (long) rs.getDouble(1)));
          sent++;
        }
      }
    }
    results.latencies.put(
        String.format("reminder lateness, %,d due within 10 s (%,d sent)", count, sent),
        new double[] {
          h.getValueAtPercentile(50) / 1000.0,
          h.getValueAtPercentile(99) / 1000.0,
          h.getMaxValue() / 1000.0
        });
    System.out.printf(
        "reminders: %d of %d sent; lateness p50 %.1f ms p99 %.1f ms%n",
        sent, count, h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0);
  }

  /** {@code clients} live-update streams of one user: the time until all have a change. */
  private void fanout(int clients) throws Exception {
    JsonNode u = register("fanout");
    String user = u.get("user_id").asText();
    String token = u.get("token").asText();
    List<Map<Long, Long>> seen = new ArrayList<>();
    ExecutorService readers = Executors.newFixedThreadPool(clients);
    List<Http> streams = new ArrayList<>();
    AtomicInteger open = new AtomicInteger();
    try {
      for (int i = 0; i < clients; i++) {
        Map<Long, Long> arrivals = new ConcurrentHashMap<>();
        seen.add(arrivals);
        Http http = new Http("127.0.0.1", product.httpPort);
        streams.add(http);
        readers.submit(
            () -> {
              try {
                var in = http.openStream("/api/" + user + "/stream", token);
                open.incrementAndGet();
                for (String line = Http.lineOrNull(in); line != null; line = Http.lineOrNull(in)) {
                  int at = line.indexOf("\"task_id\":");
                  if (line.startsWith("data:") && at >= 0) {
                    int end = at + 10;
                    while (end < line.length() && Character.isDigit(line.charAt(end))) {
                      end++;
                    }
                    arrivals.putIfAbsent(
                        Long.parseLong(line.substring(at + 10, end)), System.nanoTime());
                  }
                }
                return null;
              } catch (Exception e) {
                return null;
              }
            });
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (open.get() < clients && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      Thread.sleep(500);
      org.HdrHistogram.Histogram h = new org.HdrHistogram.Histogram(60_000_000L, 3);
      int complete = 0;
      try (Http http = new Http("127.0.0.1", product.httpPort)) {
        for (int round = 0; round < 10; round++) {
          long t0 = System.nanoTime();
          long id =
              JSON.readTree(
                      check(
                              http.send(
                                  "POST",
                                  "/api/" + user + "/tasks",
                                  token,
                                  "application/json",
                                  "{\"title\":\"Fan-out " + round + "\"}"))
                          .body())
                  .get("id")
                  .asLong();
          long wait = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
          while (System.nanoTime() < wait && seen.stream().anyMatch(m -> !m.containsKey(id))) {
            Thread.sleep(2);
          }
          long last =
              seen.stream().mapToLong(m -> m.getOrDefault(id, Long.MAX_VALUE)).max().orElse(0);
          if (last != Long.MAX_VALUE) {
            h.recordValue((last - t0) / 1000);
            complete++;
          }
          Thread.sleep(200);
        }
      }
      results.latencies.put(
          String.format(
              "SSE fan-out: change seen by all of %d streams (%d of 10 rounds, %d open)",
              clients, complete, open.get()),
          new double[] {
            h.getValueAtPercentile(50) / 1000.0,
            h.getValueAtPercentile(99) / 1000.0,
            h.getMaxValue() / 1000.0
          });
      System.out.printf(
          "fan-out to %d (%d open): p50 %.1f ms max %.1f ms (%d/10 rounds complete)%n",
          clients,
          open.get(),
          h.getValueAtPercentile(50) / 1000.0,
          h.getMaxValue() / 1000.0,
          complete);
    } finally {
      streams.forEach(Http::close);
      readers.shutdownNow();
    }
  }

  /** 1,000,000 scheduled reminders: start-up time and heap of the embedded default. */
  private void reminderStartup(Path runDir) throws Exception {
    int count = 1_000_000;
    try (Connection c = connect()) {
      long[] ids = Seed.taskIds(c, heavy, 100_000);
      StringBuilder s = new StringBuilder(1 << 22);
      var copy = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
      Instant from = Instant.now().plus(Duration.ofDays(2));
      long rid = Long.parseLong(scalar(c, "SELECT nextval('reminder_id_seq')"));
      for (int i = 0; i < count; i++) {
        s.append(rid + i)
            .append('\t')
            .append(ids[i % ids.length])
            .append('\t')
            .append(heavy)
            .append("\t\\N\t\\N\t")
            .append(from.plusSeconds(i * 30L))
            .append("\tscheduled\t\\N\t")
            .append(Instant.now())
            .append('\n');
        if (s.length() > (1 << 22) - 512 || i == count - 1) {
          copy.copyIn(
              "COPY reminders (id, task_id, user_id, before_due_seconds, time_of_day, remind_at,"
                  + " status, sent_at, created_at) FROM STDIN",
              new java.io.StringReader(s.toString()));
          s.setLength(0);
        }
      }
      c.createStatement().execute("SELECT setval('reminder_id_seq', " + (rid + count) + ")");
      c.createStatement().execute("VACUUM ANALYZE reminders");
    }
    product.close();
    double seconds = product.start();
    Thread.sleep(3_000);
    double rss = product.rssMb();
    String heap = heapUsedMb();
    results.latencies.put(
        String.format(
            "restart with 1,000,000 scheduled reminders: start-up s / RSS MB / heap MB (%s)", heap),
        new double[] {seconds * 1000, rss, heap.isEmpty() ? 0 : Double.parseDouble(heap)});
    System.out.printf(
        "restart with 1M scheduled reminders: %.2f s, RSS %.0f MB, heap used %s MB%n",
        seconds, rss, heap);
  }

  private String heapUsedMb() {
    try (Http http = new Http("127.0.0.1", product.httpPort)) {
      Http.Response r = http.get("/prometheus", null);
      double sum = 0;
      for (String line : r.text().split("\n")) {
        if (line.startsWith("jvm_memory_used_bytes{area=\"heap\"")) {
          sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
      return String.format(java.util.Locale.ROOT, "%.0f", sum / 1024 / 1024);
    } catch (Exception e) {
      return "";
    }
  }

  // ---------------------------------------------------------------- helpers

  @FunctionalInterface
  interface Indexed {
    void run(Http http, int i) throws Exception;
  }

  private void parallel(int count, int threads, Indexed work) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(
          pool.submit(
              () -> {
                try (Http http = new Http("127.0.0.1", product.httpPort)) {
                  for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    work.run(http, i);
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
  }

  private JsonNode register(String name) throws Exception {
    try (Http http = new Http("127.0.0.1", product.httpPort)) {
      Http.Response r =
          check(
              http.send(
                  "POST",
                  "/api/auth/register",
                  null,
                  "application/json",
                  "{\"email\":\""
                      + name
                      + "@bench.example\",\"password\":\"benchmark password 1\"}"));
      return JSON.readTree(r.body());
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(target.jdbcUrl(), target.dbUser(), target.dbPassword());
  }

  static String scalar(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static Map<String, String> settings(Connection c) throws SQLException {
    Map<String, String> m = new LinkedHashMap<>();
    for (String name :
        List.of(
            "fsync",
            "synchronous_commit",
            "shared_buffers",
            "work_mem",
            "max_connections",
            "plan_cache_mode")) {
      m.put(name, scalar(c, "SHOW " + name));
    }
    return m;
  }
}
