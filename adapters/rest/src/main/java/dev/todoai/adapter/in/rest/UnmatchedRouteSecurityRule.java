package dev.todoai.adapter.in.rest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.web.router.RouteAttributes;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Lets requests that match no route through security, as the last rule, so that they get the
 * router's 404/405/415 problem instead of a 401 (same effect as {@code
 * micronaut.security.reject-not-found: false}). Matched routes are left to the other rules.
 */
@Singleton
final class UnmatchedRouteSecurityRule implements SecurityRule<HttpRequest<?>> {

  @Override
  public Publisher<SecurityRuleResult> check(
      @Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
    boolean unmatched = request != null && RouteAttributes.getRouteMatch(request).isEmpty();
    return Publishers.just(unmatched ? SecurityRuleResult.ALLOWED : SecurityRuleResult.UNKNOWN);
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
