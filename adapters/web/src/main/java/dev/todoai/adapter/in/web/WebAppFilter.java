package dev.todoai.adapter.in.web;

import dev.todoai.adapter.in.web.WebAppBundle.WebFile;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.RouteAttributes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the web app: its files under {@code /assets/} (hashed names, cached for a year), other
 * files of the bundle's root (short cache), and {@code index.html} for {@code /} and for every deep
 * link of the app ({@code /tasks/123}, {@code /settings}), revalidated on each use.
 *
 * <p>It only answers GET and HEAD requests that no route of the application matches and whose path
 * is outside the server's own prefixes ({@link #RESERVED}): those keep their own answers (401, 404
 * problem documents). It runs before the security filter: the app's files are public.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = WebAppFilter.ENABLED, value = "true")
final class WebAppFilter implements Ordered {
  static final String ENABLED = "todo.web.enabled";
  static final String ASSETS = "assets/";
  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  static final String REVALIDATE = "no-cache";
  static final String SHORT = "public, max-age=3600";

  /** Path prefixes the app never answers: the API, MCP, operations and Dapr endpoints. */
  static final List<String> RESERVED =
      List.of(
          "/api",
          "/mcp",
          "/health",
          "/prometheus",
          "/metrics",
          "/dapr",
          "/job",
          "/internal",
          "/openapi",
          "/api-docs",
          "/swagger",
          "/.well-known");

  /**
   * The app's content security policy: everything from this origin, no inline scripts, no framing.
   * Styles set through the DOM (React's style props) are not inline styles for CSP.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
          + "form-action 'self'; frame-ancestors 'none'";

  private static final Logger LOG = LoggerFactory.getLogger(WebAppFilter.class);

  private final WebAppBundle bundle;

  @Inject
  WebAppFilter() {
    this(new WebAppBundle(WebAppFilter.class.getClassLoader()));
  }

  WebAppFilter(WebAppBundle bundle) {
    this.bundle = bundle;
    if (!bundle.present()) {
      LOG.warn(
          "The web app is not in this build ({}{} missing): / answers 404",
          WebAppBundle.ROOT,
          WebAppBundle.INDEX);
    }
  }

  @RequestFilter
  @Nullable
  HttpResponse<?> serve(HttpRequest<?> request) {
    HttpMethod method = request.getMethod();
    if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
      return null;
    }
    String path = request.getPath();
    if (reserved(path) || RouteAttributes.getRouteMatch(request).isPresent()) {
      return null;
    }
    String relative = path.substring(1);
    if (relative.isEmpty() || relative.equals(WebAppBundle.INDEX)) {
      return index(request);
    }
    Optional<WebFile> file = bundle.file(relative);
    if (file.isPresent()) {
      boolean hashed = relative.startsWith(ASSETS);
      return respond(request, file.get(), hashed ? IMMUTABLE : SHORT);
    }
    if (relative.startsWith(ASSETS) || lastSegment(relative).contains(".")) {
      // a missing file, not a page of the app: the router's 404
      return null;
    }
    return index(request);
  }

  static boolean reserved(String path) {
    for (String prefix : RESERVED) {
      if (path.startsWith(prefix)
          && (path.length() == prefix.length()
              || path.charAt(prefix.length()) == '/'
              || prefix.equals("/health")
              || prefix.equals("/openapi"))) {
        return true;
      }
    }
    return false;
  }

  private @Nullable HttpResponse<?> index(HttpRequest<?> request) {
    return bundle
        .file(WebAppBundle.INDEX)
        .map(
            file -> {
              MutableHttpResponse<?> response = respond(request, file, REVALIDATE);
              response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
              response.header("Referrer-Policy", "no-referrer");
              response.header("X-Frame-Options", "DENY");
              return response;
            })
        .orElse(null);
  }

  private static MutableHttpResponse<?> respond(
      HttpRequest<?> request, WebFile file, String cacheControl) {
    Optional<String> ifNoneMatch =
        request.getHeaders().get(HttpHeaders.IF_NONE_MATCH, String.class);
    MutableHttpResponse<?> response;
    if (ifNoneMatch.isPresent() && matches(ifNoneMatch.get(), file.etag())) {
      response = HttpResponse.status(HttpStatus.NOT_MODIFIED);
    } else if (request.getMethod() == HttpMethod.HEAD) {
      response =
          HttpResponse.ok().contentType(file.contentType()).contentLength(file.content().length);
    } else {
      response = HttpResponse.ok(file.content()).contentType(file.contentType());
    }
    return response
        .header(HttpHeaders.CACHE_CONTROL, cacheControl)
        .header(HttpHeaders.ETAG, file.etag())
        .header("X-Content-Type-Options", "nosniff");
  }

  private static boolean matches(String ifNoneMatch, String etag) {
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.strip();
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals(etag) || tag.equals("*")) {
        return true;
      }
    }
    return false;
  }

  private static String lastSegment(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.before();
  }
}
