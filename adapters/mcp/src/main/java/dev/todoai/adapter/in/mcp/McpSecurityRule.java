package dev.todoai.adapter.in.mcp;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * {@code IS_AUTHENTICATED} for the MCP endpoint (the library's controller carries no
 * {@code @Secured}): a request with a valid Bearer token is allowed; without one no rule allows it
 * and security answers 401.
 */
@Singleton
@Requires(property = "todo.mcp.enabled", notEquals = "false")
final class McpSecurityRule implements SecurityRule<HttpRequest<?>> {
  static final int ORDER = -100;

  private final String endpoint;

  McpSecurityRule(@Value("${micronaut.mcp.server.endpoint:/mcp}") String endpoint) {
    this.endpoint = endpoint;
  }

  @Override
  public Publisher<SecurityRuleResult> check(
      @Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
    boolean mcp = request != null && endpoint.equals(request.getPath());
    return Publishers.just(
        mcp && authentication != null ? SecurityRuleResult.ALLOWED : SecurityRuleResult.UNKNOWN);
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
