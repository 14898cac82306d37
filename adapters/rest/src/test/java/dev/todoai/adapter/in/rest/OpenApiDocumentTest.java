package dev.todoai.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpMethod;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document served at /openapi.json is valid OpenAPI 3.1 and describes every route this
 * adapter serves; the explorer page and its files come from the bundled Swagger UI.
 */
@MicronautTest
@Property(name = "todo.auth.jwt-secret", value = TaskApiHttpTest.SECRET)
class OpenApiDocumentTest {
  /** Routes that are not part of the API: the document and explorer, and a test controller. */
  private static final Set<String> NOT_DOCUMENTED =
      Set.of("GET /openapi.json", "GET /api-docs", "GET /api-docs/{file}", "GET /api/test-boom");

  @Inject EmbeddedServer server;
  @Inject Router router;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void servedDocumentIsValidOpenApi31() throws Exception {
    HttpResponse<String> response = get("/openapi.json");

    assertThat(response.statusCode()).isEqualTo(200);
    SwaggerParseResult result = parse(response.body());
    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.1");
    assertThat(result.getOpenAPI().getComponents().getSecuritySchemes()).containsKey("bearerAuth");
    assertThat(result.getOpenAPI().getComponents().getSchemas()).containsKeys("Task", "TaskInput");
  }

  @Test
  void everyRouteTheRouterServesIsInTheDocument() throws Exception {
    OpenAPI document = parse(get("/openapi.json").body()).getOpenAPI();
    Set<String> documented = new TreeSet<>();
    document
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .keySet()
                    .forEach(method -> documented.add(method.name() + " " + path)));
    Set<String> served = new TreeSet<>();
    router
        .uriRoutes()
        .map(UriRouteInfo.class::cast)
        .forEach(
            route -> {
              String key =
                  route.getHttpMethod().name() + " " + route.getUriMatchTemplate().toPathString();
              if (!NOT_DOCUMENTED.contains(key)
                  && !key.contains("/token_info")
                  && route.getHttpMethod() != HttpMethod.OPTIONS
                  && route.getHttpMethod() != HttpMethod.HEAD) {
                served.add(key);
              }
            });

    assertThat(served).isNotEmpty();
    assertThat(documented).containsAll(served);
  }

  @Test
  void explorerPageAndItsFilesAreServedWithoutACdn() throws Exception {
    HttpResponse<String> page = get("/api-docs");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("/api-docs/swagger-ui-bundle.js").doesNotContain("https://");
    assertThat(get("/api-docs/swagger-ui-bundle.js").statusCode()).isEqualTo(200);
    assertThat(get("/api-docs/swagger-ui.css").statusCode()).isEqualTo(200);
    assertThat(get("/api-docs/explorer.js").body()).contains("/openapi.json");
    assertThat(get("/api-docs/../../etc/passwd").statusCode()).isNotEqualTo(200);
    assertThat(get("/api-docs/index.html").statusCode()).isEqualTo(404);
  }

  private static SwaggerParseResult parse(String json) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return new OpenAPIV3Parser().readContents(json, null, options);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
