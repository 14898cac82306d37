package dev.todoai.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Target (issue: recurring tasks): the successor is visible through the API within 1 s of the
 * completion in the embedded default.
 */
public final class SuccessorLatencyBench {
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    try (BenchApp app = new BenchApp(Map.of())) {
      BenchApp.User user = app.register("bench-recurring@example.org");
      String tasks = "/api/" + user.id() + "/tasks";
      long id =
          app.send(
                  "POST",
                  tasks,
                  user.token(),
                  "{\"title\":\"Daily\",\"due_date\":\"2030-01-01\",\"recurrence\":\"daily\"}")
              .get("id")
              .asLong();
      List<Double> latency = new ArrayList<>();
      for (int i = 0; i < rounds; i++) {
        Instant completed = Instant.now();
        app.send("PATCH", tasks + "/" + id + "/complete", user.token(), null);
        Long next = null;
        while (next == null) {
          for (JsonNode t :
              app.send("GET", tasks + "?status=pending&limit=5", user.token(), null)) {
            next = t.get("id").asLong();
          }
          if (next == null) {
            Thread.sleep(5);
          }
        }
        latency.add((double) Duration.between(completed, Instant.now()).toMillis());
        id = next;
      }
      BenchApp.report("completion -> successor visible via API", latency, 1000, "p99");
    }
    System.exit(0);
  }
}
