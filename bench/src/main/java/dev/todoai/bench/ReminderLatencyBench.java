package dev.todoai.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Targets (issue: reminders): with 10,000 reminders scheduled, firing lateness p99 < 1 s in the
 * embedded default; a reminder due in 2 s produces its notification within 3 s.
 */
public final class ReminderLatencyBench {
  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    try (BenchApp app = new BenchApp(Map.of())) {
      BenchApp.User user = app.register("bench-reminders@example.org");
      long taskId =
          app.send(
                  "POST",
                  "/api/" + user.id() + "/tasks",
                  user.token(),
                  "{\"title\":\"Benchmark\",\"due_at\":\""
                      + Instant.now().plusSeconds(86_400)
                      + "\"}")
              .get("id")
              .asLong();
      // 10 reminders per task at most: spread the reminders over count/10 tasks.
      Instant firstDue = Instant.now().plusSeconds(Math.max(30, count / 80));
      List<Long> tasks = new ArrayList<>();
      for (int i = 0; i < count / 10; i++) {
        tasks.add(
            app.send(
                    "POST",
                    "/api/" + user.id() + "/tasks",
                    user.token(),
                    "{\"title\":\"Bench "
                        + i
                        + "\",\"due_at\":\""
                        + firstDue.plusSeconds(86_400)
                        + "\"}")
                .get("id")
                .asLong());
      }
      System.out.printf("scheduling %d reminders due from %s over 10 s%n", count, firstDue);
      for (int i = 0; i < count; i++) {
        Instant at = firstDue.plusMillis((long) i * 10_000 / count);
        app.send(
            "POST",
            "/api/" + user.id() + "/tasks/" + tasks.get(i / 10) + "/reminders",
            user.token(),
            "{\"remind_at\":\"" + at + "\"}");
      }
      if (Instant.now().isAfter(firstDue)) {
        System.out.println(
            "WARNING: scheduling took longer than the lead time; lateness includes it");
      }
      Thread.sleep(
          Math.max(0, Duration.between(Instant.now(), firstDue.plusSeconds(15)).toMillis()));
      List<Double> lateness = new ArrayList<>();
      try (Connection c = app.connect();
          PreparedStatement s =
              c.prepareStatement(
                  "SELECT extract(epoch FROM (sent_at - remind_at)) * 1000 FROM reminders WHERE status = 'sent'");
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          lateness.add(rs.getDouble(1));
        }
      }
      System.out.printf("%d of %d reminders sent%n", lateness.size(), count);
      BenchApp.report("reminder firing lateness (10k scheduled)", lateness, 1000, "p99");

      List<Double> endToEnd = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        Instant at = Instant.now().plusSeconds(2);
        long id =
            app.send(
                    "POST",
                    "/api/" + user.id() + "/tasks/" + taskId + "/reminders",
                    user.token(),
                    "{\"remind_at\":\"" + at + "\"}")
                .get("id")
                .asLong();
        Instant created = Instant.now();
        while (true) {
          boolean seen = false;
          for (var n :
              app.send(
                  "GET", "/api/" + user.id() + "/notifications?limit=200", user.token(), null)) {
            seen |= n.get("reminder_id").asLong() == id;
          }
          if (seen) {
            break;
          }
          Thread.sleep(20);
        }
        endToEnd.add((double) Duration.between(created, Instant.now()).toMillis());
      }
      BenchApp.report("reminder due in 2 s -> notification visible", endToEnd, 3000, "max");
    }
    System.exit(0);
  }
}
