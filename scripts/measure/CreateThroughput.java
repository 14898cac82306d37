import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates tasks through the REST API of a running Todo AI and prints the throughput: {@code java
 * CreateThroughput.java <base url> <tasks> <clients> <label>}. One user; a warm-up of 200 creates
 * first. Run by scripts/measure-create-throughput.sh.
 */
public class CreateThroughput {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0]);
    int tasks = Integer.parseInt(args[1]);
    int clients = Integer.parseInt(args[2]);
    String label = args[3];
    String email = "measure-" + UUID.randomUUID() + "@example.org";
    String registered =
        send(base, "POST", "/api/auth/register", null,
            "{\"email\":\"" + email + "\",\"password\":\"correct horse battery staple\"}", 201);
    String user = field(registered, "user_id");
    String token = field(registered, "token");
    for (int i = 0; i < 200; i++) {
      send(base, "POST", "/api/" + user + "/tasks", token, "{\"title\":\"warm-up " + i + "\"}", 201);
    }
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    AtomicInteger next = new AtomicInteger();
    List<Future<List<Long>>> results = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      results.add(
          pool.submit(
              () -> {
                List<Long> latencies = new ArrayList<>();
                for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
                  long t0 = System.nanoTime();
                  send(base, "POST", "/api/" + user + "/tasks", token,
                      "{\"title\":\"Task " + i + "\",\"priority\":\"high\",\"tags\":[\"m\"]}", 201);
                  latencies.add(System.nanoTime() - t0);
                }
                return latencies;
              }));
    }
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> f : results) {
      all.addAll(f.get());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    Collections.sort(all);
    System.out.printf(
        "%s: %d creates, %d clients: %.0f tasks/s (p50 %.1f ms, p95 %.1f ms)%n",
        label, tasks, clients, tasks / seconds,
        all.get(all.size() / 2) / 1e6, all.get((int) (all.size() * 0.95)) / 1e6);
  }

  private static String send(URI base, String method, String path, String token, String body,
      int expected) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != expected) {
      throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return m.group(1);
  }
}
