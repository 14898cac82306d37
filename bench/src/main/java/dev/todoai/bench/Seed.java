package dev.todoai.bench;

import dev.todoai.adapter.out.persistence.BenchSql;
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
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Generates tasks the way people accumulate them and loads them with COPY. Every row is a domain
 * {@link Task} written through the product's own row mapping (so the derived due columns are the
 * product's). The mix: priorities mostly none/low, tags drawn from a power law (a few tags on most
 * tasks, a long tail), 40% without a due, the rest split between past and future (a quarter of them
 * all-day), 10% recurring, past dues mostly completed; titles and descriptions from a word list,
 * where {@link #SEARCH_WORD} appears in about 1% of titles.
 */
final class Seed {
  static final String SEARCH_WORD = "quarterly";
  static final double SEARCH_SHARE = 0.01;

  private static final String[] WORDS = {
    "call",
    "email",
    "review",
    "plan",
    "buy",
    "fix",
    "book",
    "pay",
    "write",
    "read",
    "send",
    "prepare",
    "clean",
    "update",
    "check",
    "order",
    "schedule",
    "finish",
    "draft",
    "submit",
    "report",
    "invoice",
    "groceries",
    "dentist",
    "meeting",
    "budget",
    "slides",
    "garden",
    "car",
    "taxes",
    "insurance",
    "birthday",
    "gift",
    "tickets",
    "flight",
    "hotel",
    "laundry",
    "kitchen",
    "garage",
    "project",
    "proposal",
    "contract",
    "team",
    "client",
    "doctor",
    "school",
    "homework",
    "library",
    "bank",
    "mortgage",
    "rent",
    "plumber",
    "bike",
    "phone",
    "laptop",
    "backup",
    "photos",
    "notes",
    "agenda",
    "summary",
    "feedback",
    "weekly",
    "monthly",
    "annual"
  };
  private static final String[] TAGS;

  static {
    String[] named = {
      "work",
      "home",
      "errands",
      "personal",
      "finance",
      "health",
      "family",
      "shopping",
      "urgent",
      "later",
      "ideas",
      "travel",
      "reading",
      "calls",
      "email",
      "garden",
      "car",
      "school",
      "admin",
      "fitness"
    };
    TAGS = new String[100];
    for (int i = 0; i < TAGS.length; i++) {
      TAGS[i] = i < named.length ? named[i] : "tag" + i;
    }
  }

  private static final double[] TAG_CDF = zipf(TAGS.length, 1.1);
  private static final String[] ZONES = {
    "UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "America/Los_Angeles"
  };
  private static final String[] RULES = {
    "FREQ=DAILY", "FREQ=WEEKLY;BYDAY=MO", "FREQ=MONTHLY;BYMONTHDAY=1", "FREQ=YEARLY", "FREQ=WEEKLY"
  };

  private final Instant now;
  private final Instant oldest;

  Seed(Instant now) {
    this.now = now.truncatedTo(ChronoUnit.SECONDS);
    this.oldest = this.now.minus(Duration.ofDays(3 * 365));
  }

  /** A user of the generated population. */
  record Owner(String id, int tasks) {}

  /**
   * Loads the tasks of {@code owners} with ids from {@code firstId}, interleaved by creation time
   * (rows of different users lie mixed in the table, as they do after years of use). Returns the
   * next free id.
   */
  long load(Connection c, List<Owner> owners, long firstId, long seed) throws SQLException {
    int total = owners.stream().mapToInt(Owner::tasks).sum();
    SplittableRandom random = new SplittableRandom(seed);
    // Every owner's rows, shuffled: rows of different users lie mixed in the table.
    int[] order = new int[total];
    for (int o = 0, at = 0; o < owners.size(); o++) {
      for (int k = 0; k < owners.get(o).tasks(); k++) {
        order[at++] = o;
      }
    }
    for (int i = total - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
    String sql =
        "COPY tasks (id, user_id, " + String.join(", ", BenchSql.writtenColumns()) + ") FROM STDIN";
    StringBuilder chunk = new StringBuilder(1 << 22);
    long id = firstId;
    long step = Duration.between(oldest, now).toMillis() / Math.max(1, total);
    for (int n = 0; n < total; n++) {
      int o = order[n];
      Instant created = oldest.plusMillis(n * step + random.nextLong(Math.max(1, step)));
      Task task = task(id++, owners.get(o).id(), created, random);
      row(chunk, task);
      if (chunk.length() > (1 << 22) - 8192) {
        flush(copy, sql, chunk);
      }
    }
    flush(copy, sql, chunk);
    return id;
  }

  private static void flush(CopyManager copy, String sql, StringBuilder chunk) throws SQLException {
    if (chunk.length() == 0) {
      return;
    }
    try {
      copy.copyIn(sql, new StringReader(chunk.toString()));
    } catch (java.io.IOException e) {
      throw new SQLException(e);
    }
    chunk.setLength(0);
  }

  Task task(long id, String owner, Instant created, SplittableRandom r) {
    boolean recurring = r.nextDouble() < 0.10;
    double dueKind = r.nextDouble();
    String dueWhen = recurring || dueKind >= 0.40 ? (r.nextBoolean() ? "past" : "future") : "none";
    ZoneId zone = ZoneId.of(ZONES[r.nextInt(ZONES.length)]);
    Due due = Due.NONE;
    if (!dueWhen.equals("none")) {
      Instant at =
          dueWhen.equals("past")
              ? now.minusSeconds(60 + r.nextLong(2L * 365 * 86_400))
              : now.plusSeconds(3_600 + r.nextLong(365L * 86_400));
      at = at.truncatedTo(ChronoUnit.MINUTES);
      due = r.nextDouble() < 0.25 ? Due.of(null, LocalDate.ofInstant(at, zone)) : Due.of(at, null);
    }
    boolean completed =
        switch (dueWhen) {
          case "past" -> r.nextDouble() < 0.7;
          case "future" -> r.nextDouble() < 0.05;
          default -> r.nextDouble() < 0.3;
        };
    Instant updated = created.plusSeconds(r.nextLong(30L * 86_400));
    if (updated.isAfter(now)) {
      updated = now;
    }
    Instant completedAt = completed ? updated : null;
    TaskDetails details =
        new TaskDetails(
            new Title(title(r)),
            new Description(r.nextDouble() < 0.5 ? "" : sentence(r, 6 + r.nextInt(14))),
            priority(r),
            tags(r),
            due,
            new TaskTimeZone(zone),
            recurring ? new RecurrenceRule(RULES[r.nextInt(RULES.length)]) : null,
            RecurrenceAnchor.DUE);
    return Task.rehydrate(
        new TaskId(id),
        new UserId(owner),
        details,
        completed,
        completedAt,
        recurring ? new SeriesId(new UUID(r.nextLong(), r.nextLong())) : null,
        created,
        updated,
        1 + (updated.equals(created) ? 0 : r.nextInt(3)),
        recurring ? new Task.Occurrence(due, 1, null) : null);
  }

  private static String title(SplittableRandom r) {
    String words = sentence(r, 2 + r.nextInt(4));
    if (r.nextDouble() < SEARCH_SHARE) {
      return SEARCH_WORD + " " + words;
    }
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static String sentence(SplittableRandom r, int words) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < words; i++) {
      if (i > 0) {
        s.append(' ');
      }
      s.append(WORDS[r.nextInt(WORDS.length)]);
    }
    return s.toString();
  }

  private static Priority priority(SplittableRandom r) {
    double p = r.nextDouble();
    if (p < 0.40) {
      return Priority.NONE;
    } else if (p < 0.60) {
      return Priority.LOW;
    } else if (p < 0.80) {
      return Priority.MEDIUM;
    } else if (p < 0.92) {
      return Priority.HIGH;
    }
    return Priority.URGENT;
  }

  private static Tags tags(SplittableRandom r) {
    double p = r.nextDouble();
    int n = p < 0.30 ? 0 : p < 0.70 ? 1 : p < 0.90 ? 2 : 3;
    TreeSet<String> chosen = new TreeSet<>();
    while (chosen.size() < n) {
      double u = r.nextDouble();
      int k = 0;
      while (TAG_CDF[k] < u) {
        k++;
      }
      chosen.add(TAGS[k]);
    }
    return Tags.of(chosen);
  }

  private static double[] zipf(int n, double s) {
    double[] cdf = new double[n];
    double sum = 0;
    for (int k = 1; k <= n; k++) {
      sum += 1 / Math.pow(k, s);
      cdf[k - 1] = sum;
    }
    for (int k = 0; k < n; k++) {
      cdf[k] /= sum;
    }
    cdf[n - 1] = 1.0;
    return cdf;
  }

  private static void row(StringBuilder out, Task task) {
    out.append(task.id().value()).append('\t');
    escape(out, task.userId().value());
    for (Object v : BenchSql.rowValues(task)) {
      out.append('\t');
      if (v == null) {
        out.append("\\N");
      } else if (v instanceof List<?> list) {
        out.append('{').append(String.join(",", list.stream().map(String::valueOf).toList()));
        out.append('}');
      } else if (v instanceof Boolean b) {
        out.append(b ? 't' : 'f');
      } else {
        escape(out, v.toString());
      }
    }
    out.append('\n');
  }

  private static void escape(StringBuilder out, String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(ch);
      }
    }
  }

  /** Copies users with one password hash (they are never logged in; only their rows matter). */
  static void users(Connection c, List<String> ids, String passwordHash) throws SQLException {
    StringBuilder s = new StringBuilder();
    for (String id : ids) {
      s.append(id).append('\t').append(id).append("@bench.example\t");
      escape(s, passwordHash);
      s.append('\t').append("2024-01-01T00:00:00Z\n");
    }
    CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
    try {
      copy.copyIn(
          "COPY users (id, email, password_hash, created_at) FROM STDIN",
          new StringReader(s.toString()));
    } catch (java.io.IOException e) {
      throw new SQLException(e);
    }
  }

  /** After a load: the id sequence past the rows, statistics and the visibility map fresh. */
  static void settle(Connection c) throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(true);
    try (Statement s = c.createStatement()) {
      s.execute("SELECT setval('task_id_seq', (SELECT max(id) FROM tasks))");
      s.execute("VACUUM ANALYZE tasks");
    } finally {
      c.setAutoCommit(auto);
    }
  }

  static long maxTaskId(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT coalesce(max(id), 0) FROM tasks")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static long[] taskIds(Connection c, String owner, int max) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id FROM tasks WHERE user_id = ? ORDER BY random() LIMIT ?")) {
      ps.setString(1, owner);
      ps.setInt(2, max);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    return ids.stream().mapToLong(Long::longValue).toArray();
  }
}
