package dev.todoai.adapter.in.rest;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * API responses are per-user and change often: caches must not keep them. Runs outside the security
 * filter so that 401/403 answers carry the header too.
 */
@ServerFilter("/api/**")
final class NoStoreFilter implements Ordered {

  @ResponseFilter
  void noStore(MutableHttpResponse<?> response) {
    response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.FIRST.order();
  }
}
