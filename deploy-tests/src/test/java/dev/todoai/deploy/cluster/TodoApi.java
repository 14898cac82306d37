package dev.todoai.deploy.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The product's REST API, as a user reaches it through the backend Service. */
final class TodoApi {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final URI base;

  TodoApi(URI base) {
    this.base = base;
  }

  record User(String id, String token) {}

  record Response(int status, String body, HttpResponse<String> raw) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }
  }

  URI base() {
    return base;
  }

  Response call(String method, String path, User user, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
    if (user != null) {
      b.header("Authorization", "Bearer " + user.token());
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body(), r);
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  JsonNode ok(Response r, String what) {
    if (r.status() / 100 != 2) {
      throw new AssertionError(what + ": HTTP " + r.status() + " " + r.body());
    }
    return r.body().isEmpty() ? JSON.nullNode() : r.json();
  }

  boolean ready() {
    try {
      return call("GET", "/health/readiness", null, null).status() == 200;
    } catch (RuntimeException e) {
      return false;
    }
  }

  User register() {
    String email = "user-" + UUID.randomUUID() + "@example.org";
    JsonNode r =
        ok(
            call(
                "POST",
                "/api/auth/register",
                null,
                json(Map.of("email", email, "password", "correct horse battery staple"))),
            "register");
    return new User(r.get("user_id").asText(), r.get("token").asText());
  }

  JsonNode createTask(User u, Map<String, Object> fields) {
    return ok(call("POST", "/api/" + u.id() + "/tasks", u, json(fields)), "create task");
  }

  List<JsonNode> list(User u, String pathAndQuery) {
    JsonNode r = ok(call("GET", "/api/" + u.id() + pathAndQuery, u, null), pathAndQuery);
    List<JsonNode> out = new ArrayList<>();
    r.forEach(out::add);
    return out;
  }

  /** The whole audit trail of the user, oldest first. */
  List<JsonNode> audit(User u) {
    List<JsonNode> all = new ArrayList<>();
    String next = "/api/" + u.id() + "/audit?limit=200";
    while (next != null) {
      Response r = call("GET", next, u, null);
      ok(r, "audit");
      r.json().forEach(all::add);
      next = nextLink(r);
    }
    Collections.reverse(all);
    return all;
  }

  private String nextLink(Response r) {
    for (String header : r.raw().headers().allValues("Link")) {
      for (String part : header.split(",")) {
        if (part.contains("rel=\"next\"")) {
          String uri = part.substring(part.indexOf('<') + 1, part.indexOf('>'));
          URI parsed = URI.create(uri);
          return parsed.getRawPath()
              + (parsed.getRawQuery() == null ? "" : "?" + parsed.getRawQuery());
        }
      }
    }
    return null;
  }

  static String json(Map<String, ?> fields) {
    try {
      return JSON.writeValueAsString(fields);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
