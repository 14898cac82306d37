package dev.todoai.e2e;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The public REST API of one backend process, as a user's client sees it. */
final class Api {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  private final URI base;

  Api(URI base) {
    this.base = base;
  }

  record User(String id, String token) {}

  record Response(int status, String body, HttpResponse<String> raw) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(body, e);
      }
    }
  }

  Response send(String method, String path, Map<String, String> headers, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
    headers.forEach(b::header);
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

  Response call(String method, String path, User user, String body) {
    return send(method, path, Map.of("Authorization", "Bearer " + user.token()), body);
  }

  User register() {
    String email = "e2e-" + UUID.randomUUID() + "@example.org";
    Response r =
        send(
            "POST",
            "/api/auth/register",
            Map.of(),
            json(Map.of("email", email, "password", "correct horse battery staple")));
    if (r.status() != 201) {
      throw new IllegalStateException("register: " + r.status() + " " + r.body());
    }
    return new User(r.json().get("user_id").asText(), r.json().get("token").asText());
  }

  /** The path and query of a user's stream with a fresh single-use ticket. */
  String streamUrl(User u) {
    Response r = call("POST", "/api/" + u.id() + "/stream/tickets", u, null);
    ok(r, "stream ticket");
    return r.json().get("stream_url").asText();
  }

  JsonNode createTask(User u, Map<String, Object> fields) {
    Response r = call("POST", "/api/" + u.id() + "/tasks", u, json(fields));
    if (r.status() != 201) {
      throw new IllegalStateException("create: " + r.status() + " " + r.body());
    }
    return r.json();
  }

  void ok(Response r, String what) {
    if (r.status() / 100 != 2) {
      throw new IllegalStateException(what + ": " + r.status() + " " + r.body());
    }
  }

  List<JsonNode> list(User u, String pathAndQuery) {
    Response r = call("GET", "/api/" + u.id() + pathAndQuery, u, null);
    ok(r, pathAndQuery);
    List<JsonNode> out = new ArrayList<>();
    r.json().forEach(out::add);
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
    java.util.Collections.reverse(all);
    return all;
  }

  private String nextLink(Response r) {
    return r.raw().headers().allValues("Link").stream()
        .flatMap(v -> java.util.Arrays.stream(v.split(",")))
        .filter(v -> v.contains("rel=\"next\""))
        .map(v -> v.substring(v.indexOf('<') + 1, v.indexOf('>')))
        .map(
            v ->
                v.startsWith("http")
                    ? URI.create(v).getRawPath() + "?" + URI.create(v).getRawQuery()
                    : v)
        .findFirst()
        .orElse(null);
  }

  static String json(Map<String, ?> fields) {
    try {
      return JSON.writeValueAsString(fields);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
