package dev.todoai.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The app's files and deep links over real HTTP, from a small test bundle on the class path, next
 * to routes of the application that must keep their own answers.
 */
@MicronautTest
@Property(name = WebAppFilter.ENABLED, value = "true")
@Property(name = "spec.name", value = "WebAppFilterHttpTest")
class WebAppFilterHttpTest {
  private static final String INDEX_MARKER = "INDEX-MARKER";

  @Inject EmbeddedServer server;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void rootServesTheIndexRevalidatedEveryTimeWithAContentSecurityPolicy() throws Exception {
    var response = get("/");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains(INDEX_MARKER);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
    assertThat(response.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/tasks/123", "/settings", "/inbox", "/tags/home", "/upcoming?x=1"})
  void deepLinksOfTheAppServeTheIndex(String path) throws Exception {
    var response = get(path);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains(INDEX_MARKER);
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
  }

  @Test
  void hashedAssetsAreCachedForAYear() throws Exception {
    var response = get("/assets/app-3f2a9c.js");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("APP-MARKER");
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("text/javascript; charset=utf-8");
    assertThat(response.headers().firstValue("Cache-Control"))
        .hasValue("public, max-age=31536000, immutable");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void otherFilesOfTheBundleAreCachedBriefly() throws Exception {
    var response = get("/favicon.svg");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=3600");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/assets/missing-123.js", "/missing.png", "/assets/../index.html"})
  void missingFilesAreNotFoundRatherThanTheIndex(String path) throws Exception {
    var response = get(path);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).doesNotContain(INDEX_MARKER);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api",
        "/api/u1/nothing-here",
        "/mcp",
        "/mcp/x",
        "/health/nothing",
        "/healthz",
        "/prometheus/x",
        "/dapr/x",
        "/job/x",
        "/internal/x",
        "/openapi.yml",
        "/api-docs/x"
      })
  void theServersOwnPrefixesAreNeverAnsweredWithTheApp(String path) throws Exception {
    var response = get(path);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).doesNotContain(INDEX_MARKER);
  }

  @Test
  void aRouteOfTheApplicationWinsOverTheApp() throws Exception {
    var response = get("/probe");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("probe route");
  }

  @Test
  void otherMethodsOnAppPathsAreNotAnswered() throws Exception {
    var response =
        http.send(
            HttpRequest.newBuilder(uri("/tasks/1")).POST(BodyPublishers.noBody()).build(),
            BodyHandlers.ofString());

    assertThat(response.statusCode()).isIn(404, 405);
    assertThat(response.body()).doesNotContain(INDEX_MARKER);
  }

  @Test
  void aMatchingEntityTagGetsNotModified() throws Exception {
    String etag = get("/").headers().firstValue("ETag").orElseThrow();

    var again =
        http.send(
            HttpRequest.newBuilder(uri("/inbox")).header("If-None-Match", etag).build(),
            BodyHandlers.ofString());

    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void headAnswersWithoutABody() throws Exception {
    var response =
        http.send(
            HttpRequest.newBuilder(uri("/assets/app-3f2a9c.js"))
                .method("HEAD", BodyPublishers.noBody())
                .build(),
            BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValue("Cache-Control"))
        .hasValue("public, max-age=31536000, immutable");
  }

  @Test
  void reservedPrefixesMatchWholeSegments() {
    assertThat(WebAppFilter.reserved("/api")).isTrue();
    assertThat(WebAppFilter.reserved("/api/x")).isTrue();
    assertThat(WebAppFilter.reserved("/apiary")).isFalse();
    assertThat(WebAppFilter.reserved("/health/readiness")).isTrue();
    assertThat(WebAppFilter.reserved("/healthz")).isTrue();
    assertThat(WebAppFilter.reserved("/jobs")).isFalse();
    assertThat(WebAppFilter.reserved("/tasks/1")).isFalse();
  }

  private java.net.http.HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).build(), BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + server.getPort() + path);
  }

  /** A route of the application beside the app. */
  @Controller
  @Requires(property = "spec.name", value = "WebAppFilterHttpTest")
  static final class ProbeController {
    @Get("/probe")
    HttpResponse<String> probe() {
      return HttpResponse.ok("probe route");
    }

    @Post("/api/only-post")
    HttpResponse<String> post() {
      return HttpResponse.ok("post");
    }
  }
}
