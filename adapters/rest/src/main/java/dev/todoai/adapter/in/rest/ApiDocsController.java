package dev.todoai.adapter.in.rest;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The OpenAPI document of this API (generated at build time from the controllers) at {@code
 * /openapi.json}, and an API explorer at {@code /api-docs} (Swagger UI, bundled: no CDN).
 */
@OpenAPIDefinition(
    info =
        @Info(
            title = "Todo AI",
            version = "1",
            description =
                "Tasks with priorities, tags, due dates, reminders and recurrence; an assistant"
                    + " that acts through the task tools. Errors are RFC 9457 problem+json."))
@SecurityScheme(
    name = ApiDocsController.BEARER,
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT",
    description = "The access token from POST /api/auth/login or /api/auth/register.")
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = "todo.rest.enabled", notEquals = "false")
final class ApiDocsController {
  static final String BEARER = "bearerAuth";
  static final String DOCUMENT = "META-INF/swagger/todo-ai.json";
  private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
  private static final Map<String, MediaType> EXPLORER_FILES =
      Map.of(
          "swagger-ui.css", MediaType.of("text/css"),
          "swagger-ui-bundle.js", MediaType.of("text/javascript"),
          "favicon-32x32.png", MediaType.IMAGE_PNG_TYPE);

  private final byte[] document = read(DOCUMENT);
  private final byte[] page = read("api-docs/index.html");
  private final byte[] script = read("api-docs/explorer.js");
  private final String webjarVersion = webjarVersion();

  @Get(value = "/openapi.json", produces = MediaType.APPLICATION_JSON)
  HttpResponse<byte[]> document() {
    return HttpResponse.ok(document);
  }

  @Get(value = "/api-docs", produces = MediaType.TEXT_HTML)
  HttpResponse<byte[]> explorer() {
    return HttpResponse.ok(page)
        .header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:");
  }

  @Get("/api-docs/{file}")
  HttpResponse<byte[]> explorerFile(@PathVariable String file) {
    if (file.equals("explorer.js")) {
      return HttpResponse.ok(script).contentType(MediaType.of("text/javascript"));
    }
    MediaType type = EXPLORER_FILES.get(file);
    if (type == null) {
      return HttpResponse.notFound();
    }
    return HttpResponse.ok(read(WEBJAR + webjarVersion + "/" + file)).contentType(type);
  }

  private static String webjarVersion() {
    Properties properties = new Properties();
    try (InputStream in = stream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version");
  }

  private static byte[] read(String resource) {
    try (InputStream in = stream(resource)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream stream(String resource) {
    InputStream in = ApiDocsController.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing resource " + resource);
    }
    return in;
  }
}
