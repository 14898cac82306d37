package dev.todoai.bootstrap;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.health.HealthStatus;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.management.health.indicator.HealthResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * Who sees what of the management endpoints. Anonymous {@code /health}, {@code /health/liveness}
 * and {@code /health/readiness} answer with the status only; their details (database, outbox,
 * sidecar, disk) and {@code /prometheus} need management access: the management token ({@code
 * TODO_MANAGEMENT_TOKEN}, sent as {@code Authorization: Bearer <token>}), or a request on the
 * management port ({@code TODO_MANAGEMENT_PORT}, where all endpoints move and which is meant to
 * stay inside the cluster). Without either, {@code /prometheus} answers 401.
 */
@ServerFilter({"/health", "/health/**", "/prometheus", "/prometheus/**"})
final class ManagementAccessFilter implements Ordered {
  static final String TOKEN_PROPERTY = "todo.management.token";
  static final int MIN_TOKEN_BYTES = 16;

  private final byte[] token;
  private final int managementPort;

  ManagementAccessFilter(
      @Value("${" + TOKEN_PROPERTY + ":}") String token,
      @Value("${endpoints.all.port:0}") int managementPort) {
    byte[] bytes = token == null ? new byte[0] : token.strip().getBytes(StandardCharsets.UTF_8);
    if (bytes.length > 0 && bytes.length < MIN_TOKEN_BYTES) {
      throw new ConfigurationException(
          TOKEN_PROPERTY
              + " (env TODO_MANAGEMENT_TOKEN) must be at least "
              + MIN_TOKEN_BYTES
              + " bytes long");
    }
    this.token = bytes.length == 0 ? null : bytes;
    this.managementPort = managementPort;
  }

  @RequestFilter
  @Nullable
  HttpResponse<?> guardMetrics(HttpRequest<?> request) {
    if (!request.getPath().startsWith("/prometheus") || hasAccess(request)) {
      return null;
    }
    String detail =
        token == null
            ? "Metrics are served on the management port (TODO_MANAGEMENT_PORT) or with the"
                + " management token (TODO_MANAGEMENT_TOKEN); neither is configured."
            : "Metrics need the management token as a bearer token.";
    return HttpResponse.status(HttpStatus.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .contentType("application/problem+json")
        .body(
            ("{\"type\":\"/problems/unauthorized\",\"title\":\"Unauthorized\",\"status\":401,"
                    + "\"detail\":\""
                    + detail
                    + "\",\"instance\":\"/prometheus\"}")
                .getBytes(StandardCharsets.UTF_8));
  }

  /** Health without management access: the status and nothing else. */
  @ResponseFilter
  @SuppressWarnings("unchecked")
  void statusOnly(HttpRequest<?> request, MutableHttpResponse<?> response) {
    if (!request.getPath().startsWith("/health") || hasAccess(request)) {
      return;
    }
    Object body = response.getBody().orElse(null);
    if (body instanceof HealthResult result) {
      HealthStatus status = result.getStatus();
      ((MutableHttpResponse<Object>) response).body(Map.of("status", status.getName()));
      if (!status.getOperational().orElse(true)) {
        response.status(HttpStatus.SERVICE_UNAVAILABLE);
      }
    } else if (body != null) {
      // Anything else on these paths (an error document, say) goes out without a body.
      ((MutableHttpResponse<Object>) response).body(null);
    }
  }

  private boolean hasAccess(HttpRequest<?> request) {
    if (managementPort > 0 && request.getServerAddress().getPort() == managementPort) {
      return true;
    }
    if (token == null) {
      return false;
    }
    String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    byte[] presented = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(token, presented);
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.before();
  }
}
