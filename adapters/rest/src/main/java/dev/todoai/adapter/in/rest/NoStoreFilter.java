package dev.todoai.adapter.in.rest;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/** API responses are per-user and change often: caches must not keep them. */
@ServerFilter("/api/**")
final class NoStoreFilter {

  @ResponseFilter
  void noStore(MutableHttpResponse<?> response) {
    response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
  }
}
