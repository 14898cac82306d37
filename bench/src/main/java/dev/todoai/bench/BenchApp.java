package dev.todoai.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.todoai.adapter.out.persistence.testsupport.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The embedded default in this JVM (role all, fresh database) plus a small HTTP client. */
final class BenchApp implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  private final EmbeddedServer server;
  private final TestDatabase.Coordinates database;
  private final HttpClient http = HttpClient.newHttpClient();

  BenchApp(Map<String, Object> overrides) {
    database = TestDatabase.freshDatabase();
    Map<String, Object> props = new HashMap<>(database.properties());
    props.put("micronaut.server.port", -1);
    props.put("todo.auth.jwt-secret", "benchmark-secret-benchmark-secret-0123456789");
    props.put("todo.role", "all");
    props.putAll(overrides);
    server = ApplicationContext.run(EmbeddedServer.class, props, "all");
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(database.url(), database.username(), database.password());
  }

  record User(String id, String token) {}

  User register(String email) throws Exception {
    JsonNode r =
        send(
            "POST",
            "/api/auth/register",
            null,
            "{\"email\":\"" + email + "\",\"password\":\"benchmark pw\"}");
    return new User(r.get("user_id").asText(), r.get("token").asText());
  }

  JsonNode send(String method, String path, String token, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(server.getURI().resolve(path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() >= 300) {
      throw new IllegalStateException(
          method + " " + path + " -> " + r.statusCode() + " " + r.body());
    }
    return r.body().isEmpty() ? null : JSON.readTree(r.body());
  }

  URI uri() {
    return server.getURI();
  }

  static void report(String name, List<Double> millis, double targetMillis, String quantile) {
    List<Double> sorted = millis.stream().sorted().toList();
    double p50 = at(sorted, 0.50);
    double p99 = at(sorted, 0.99);
    double measured = quantile.equals("p99") ? p99 : sorted.get(sorted.size() - 1);
    System.out.printf(
        "%-44s n=%6d  p50=%8.1f ms  p99=%8.1f ms  max=%8.1f ms  target %s < %.0f ms  ratio=%.2f%n",
        name,
        sorted.size(),
        p50,
        p99,
        sorted.get(sorted.size() - 1),
        quantile,
        targetMillis,
        measured / targetMillis);
  }

  private static double at(List<Double> sorted, double q) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
  }

  @Override
  public void close() {
    server.getApplicationContext().close();
  }
}
