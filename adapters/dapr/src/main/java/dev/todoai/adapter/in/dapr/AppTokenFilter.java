package dev.todoai.adapter.in.dapr;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Only this process's sidecar may call the sidecar-facing endpoints ({@code /dapr/*}, the
 * subscription routes, {@code /job/*}, {@code /internal/*}): daprd sends {@code dapr-api-token}
 * (its {@code APP_API_TOKEN}) on every call to the app, and a request without that exact token is
 * answered 401 problem+json before it reaches a controller — whatever user token it carries. With
 * no token configured every such request is refused (fail closed).
 */
@ServerFilter({"/dapr/**", "/job/**", "/internal/**"})
@Requires(property = "todo.transport", value = "dapr")
final class AppTokenFilter implements Ordered {
  static final String HEADER = "dapr-api-token";
  static final String PROBLEM_JSON = "application/problem+json";
  private static final Logger LOG = LoggerFactory.getLogger(AppTokenFilter.class);

  private final byte[] expected;

  AppTokenFilter(@Value("${todo.dapr.app-token:}") String configured) {
    String token = configured.isBlank() ? System.getenv("APP_API_TOKEN") : configured;
    if (token == null || token.isBlank()) {
      LOG.warn("APP_API_TOKEN is not set: every call from the Dapr sidecar will be refused");
      this.expected = null;
    } else {
      this.expected = token.getBytes(StandardCharsets.UTF_8);
    }
  }

  @RequestFilter
  @Nullable
  HttpResponse<?> requireAppToken(HttpRequest<?> request) {
    String presented = request.getHeaders().get(HEADER);
    if (expected != null
        && presented != null
        && MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8))) {
      return null;
    }
    LOG.debug("refused {} {}: no valid {}", request.getMethod(), request.getPath(), HEADER);
    return HttpResponse.status(HttpStatus.UNAUTHORIZED)
        .contentType(PROBLEM_JSON)
        .body(
            "{\"type\":\"/problems/unauthorized\",\"title\":\"Unauthorized\",\"status\":401,"
                + "\"detail\":\"only the Dapr sidecar may call this endpoint\",\"instance\":"
                + Json.quote(request.getPath())
                + "}");
  }

  @Override
  public int getOrder() {
    // before the security filter: an internal endpoint never depends on a user's token
    return ServerFilterPhase.SECURITY.before();
  }
}
