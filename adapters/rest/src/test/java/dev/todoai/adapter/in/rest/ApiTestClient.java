package dev.todoai.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Sends authenticated JSON requests of one user to the embedded server; problem assertions. */
final class ApiTestClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final int port;
  private final String user;

  ApiTestClient(int port, String user) {
    this.port = port;
    this.user = user;
  }

  /** Sends with a token of this client's user; {@code headers} are name/value pairs. */
  HttpResponse<String> send(String method, String path, String body, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TestTokens.of(user));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    if (body != null && !List.of(headers).contains("Content-Type")) {
      request.header("Content-Type", "application/json");
    }
    request.method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    return http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> get(String path) throws Exception {
    return send("GET", path, null);
  }

  HttpResponse<String> post(String path, String body) throws Exception {
    return send("POST", path, body);
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  static List<String> fields(HttpResponse<String> response) throws Exception {
    return json(response).get("errors").findValuesAsText("field");
  }

  static void assertProblem(HttpResponse<String> response, int status, String type)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(json(response).get("type").asText()).isEqualTo(type);
  }

  /** Asserts a 400 validation problem naming exactly {@code fields} (in any order). */
  static void assertInvalid(HttpResponse<String> response, String... fields) throws Exception {
    assertProblem(response, 400, Problems.VALIDATION_FAILED);
    assertThat(fields(response)).containsExactlyInAnyOrder(fields);
  }
}
