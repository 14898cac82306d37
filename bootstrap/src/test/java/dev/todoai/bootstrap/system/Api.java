package dev.todoai.bootstrap.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A plain HTTP client for system tests: exact bytes out, status, headers and JSON back. */
public final class Api {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final URI base;

  Api(URI base) {
    this.base = base;
  }

  /** A response: status, headers (first value, case-insensitive lookup) and the body. */
  public record Response(int status, HttpResponse<String> raw) {
    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    public String body() {
      return raw.body();
    }

    public JsonNode json() {
      try {
        return JSON.readTree(raw.body());
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + raw.body(), e);
      }
    }

    public String contentType() {
      return header("Content-Type");
    }
  }

  /** A registered user and a valid token for it. */
  public record User(String id, String token, String email) {}

  public Response send(
      String method, String path, String token, String body, Map<String, String> headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    boolean hasContentType =
        headers.keySet().stream().anyMatch(h -> h.equalsIgnoreCase("Content-Type"));
    if (body != null && !hasContentType) {
      builder.header("Content-Type", "application/json");
    }
    headers.forEach(builder::header);
    builder.method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    try {
      HttpResponse<String> response = CLIENT.send(builder.build(), BodyHandlers.ofString());
      return new Response(response.statusCode(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Response send(String method, String path, String token, String body) {
    return send(method, path, token, body, Map.of());
  }

  public Response get(String path, String token) {
    return send("GET", path, token, null);
  }

  public Response post(String path, String token, String body) {
    return send("POST", path, token, body);
  }

  public User register(String email) {
    Response r =
        post(
            "/api/auth/register",
            null,
            "{\"email\":\"" + email + "\",\"password\":\"correct horse battery\"}");
    if (r.status() != 201) {
      throw new IllegalStateException("register failed: " + r.status() + " " + r.body());
    }
    return new User(r.json().get("user_id").asText(), r.json().get("token").asText(), email);
  }

  /** Creates a task from a JSON object given as field/value pairs; returns the created task. */
  public JsonNode createTask(User user, Map<String, Object> fields) {
    Response r = post("/api/" + user.id() + "/tasks", user.token(), json(fields));
    if (r.status() != 201) {
      throw new IllegalStateException("create failed: " + r.status() + " " + r.body());
    }
    return r.json();
  }

  public JsonNode createTask(User user, String title) {
    return createTask(user, Map.of("title", title));
  }

  /** The URL of a user's live-update stream with a fresh single-use ticket. */
  public URI streamUri(User user) {
    Response r = post("/api/" + user.id() + "/stream/tickets", user.token(), null);
    if (r.status() != 201) {
      throw new IllegalStateException("stream ticket failed: " + r.status() + " " + r.body());
    }
    return base.resolve(r.json().get("stream_url").asText());
  }

  public static String json(Map<String, Object> fields) {
    ObjectNode node = JSON.valueToTree(new LinkedHashMap<>(fields));
    return node.toString();
  }
}
