package dev.todoai.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.todoai.adapter.contract.JsonInput;
import dev.todoai.adapter.contract.TaskListInput;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpMethod;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
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

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void servedDocumentIsValidOpenApi31() throws Exception {
    HttpResponse<String> response = get("/openapi.json");

    assertThat(response.statusCode()).isEqualTo(200);
    SwaggerParseResult result = parse(response.body());
    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.1");
    assertThat(result.getOpenAPI().getComponents().getSecuritySchemes()).containsKey("bearerAuth");
    assertThat(result.getOpenAPI().getComponents().getSchemas())
        .containsKeys(
            "Task",
            "TaskInput",
            "Reminder",
            "ReminderInput",
            "CompletionInput",
            "Credentials",
            "AccessToken",
            "ChatInput",
            "ChatReply",
            "ToolCall",
            "ToolResult",
            "Conversation",
            "ConversationSummary",
            "Notification",
            "MarkedRead",
            "AuditEntry",
            "QuickAddInput",
            "Problem",
            "FieldError");
  }

  @Test
  void everyApiOperationHasTypedBodiesAndProblemResponses() throws Exception {
    OpenAPI document = parse(get("/openapi.json").body()).getOpenAPI();
    document
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) -> {
                          String name = method + " " + path;
                          ApiResponses responses = operation.getResponses();
                          assertThat(responses).as(name).containsKey("400");
                          assertThat(responses.get("400").getContent())
                              .as(name)
                              .containsKey("application/problem+json");
                          assertThat(
                                  responses
                                      .get("400")
                                      .getContent()
                                      .get("application/problem+json")
                                      .getSchema()
                                      .get$ref())
                              .isEqualTo("#/components/schemas/Problem");
                          boolean anonymous = path.startsWith("/api/auth/");
                          assertThat(operation.getSecurity() == null)
                              .as(name + " is anonymous")
                              .isEqualTo(anonymous);
                          if (!anonymous) {
                            assertThat(responses).as(name).containsKeys("401", "403");
                          }
                          responses.forEach(
                              (status, response) -> {
                                if (status.startsWith("2") && response.getContent() != null) {
                                  response
                                      .getContent()
                                      .forEach(
                                          (type, media) ->
                                              assertThat(typed(media.getSchema()))
                                                  .as(name + " " + status + " " + type)
                                                  .isTrue());
                                }
                              });
                          if (operation.getRequestBody() != null) {
                            operation
                                .getRequestBody()
                                .getContent()
                                .forEach(
                                    (type, media) ->
                                        assertThat(media.getSchema().get$ref())
                                            .as(name + " body " + type)
                                            .startsWith("#/components/schemas/"));
                          }
                        }));
  }

  @Test
  void taskListQueryParametersAreTheMembersOfTheListInput() throws Exception {
    OpenAPI document = parse(get("/openapi.json").body()).getOpenAPI();
    List<String> query =
        document.getPaths().get("/api/{userId}/tasks").getGet().getParameters().stream()
            .filter(p -> p.getIn().equals("query"))
            .map(p -> p.getName())
            .toList();

    assertThat(query).containsExactlyElementsOf(JsonInput.names(TaskListInput.class));
  }

  @Test
  void nullableMembersAreATypeAndNullOnly() throws Exception {
    JsonNode document = JSON.readTree(get("/openapi.json").body());
    List<String> odd = new ArrayList<>();
    collectOddTypes(document, "", odd);
    assertThat(odd).isEmpty();
  }

  /** A type list that mixes object with a scalar comes from a nullable the generator got wrong. */
  private static void collectOddTypes(JsonNode node, String path, List<String> odd) {
    if (node.isObject()) {
      JsonNode type = node.get("type");
      if (type != null && type.isArray()) {
        List<String> types = new ArrayList<>();
        type.forEach(t -> types.add(t.asText()));
        if (types.contains("object")
            && (types.contains("string")
                || types.contains("integer")
                || types.contains("boolean"))) {
          odd.add(path + " " + types);
        }
      }
      node.fields()
          .forEachRemaining(e -> collectOddTypes(e.getValue(), path + "/" + e.getKey(), odd));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectOddTypes(node.get(i), path + "/" + i, odd);
      }
    }
  }

  /** A response schema names a component, or is an array of one, or a string (the stream). */
  private static boolean typed(io.swagger.v3.oas.models.media.Schema<?> schema) {
    if (schema.get$ref() != null) {
      return true;
    }
    if (schema.getItems() != null) {
      return schema.getItems().get$ref() != null;
    }
    return schema.getTypes() != null && schema.getTypes().contains("string");
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
