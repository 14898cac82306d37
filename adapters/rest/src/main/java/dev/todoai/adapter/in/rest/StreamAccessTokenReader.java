package dev.todoai.adapter.in.rest;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.bearer.BearerTokenReader;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the access token from {@code ?access_token=} on {@code /api/{user_id}/stream} only: a
 * browser's EventSource cannot send an Authorization header. Every other route ignores the
 * parameter. An Authorization header, when present, is read first.
 */
@Singleton
final class StreamAccessTokenReader implements TokenReader<HttpRequest<?>> {
  private static final Pattern STREAM_PATH = Pattern.compile("/api/[^/]+/stream");

  @Override
  public Optional<String> findToken(HttpRequest<?> request) {
    if (!STREAM_PATH.matcher(request.getPath()).matches()) {
      return Optional.empty();
    }
    return request
        .getParameters()
        .getFirst(TaskListParameters.ACCESS_TOKEN)
        .filter(token -> !token.isBlank());
  }

  @Override
  public int getOrder() {
    return BearerTokenReader.ORDER + 1;
  }
}
