package dev.todoai.adapter.in.rest;

import dev.todoai.application.port.in.StreamTicketsUseCase;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.bearer.BearerTokenReader;
import io.micronaut.security.token.reader.TokenReader;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Authenticates {@code GET /api/{user_id}/stream?ticket=...} — and only that route — with a stream
 * ticket from {@code POST /api/{user_id}/stream/tickets}: browsers' EventSource cannot send an
 * Authorization header, and the long-lived access token must not travel in a URL (proxies and
 * servers log URLs). A ticket works once, for at most a minute.
 */
final class StreamTicketAuthentication {
  static final String TICKET = "ticket";
  static final Pattern STREAM_PATH = Pattern.compile("/api/[^/]+/stream");

  private StreamTicketAuthentication() {}

  /** Reads {@code ?ticket=} on the stream route; an Authorization header is read first. */
  @Singleton
  @Requires(property = "todo.rest.enabled", notEquals = "false")
  static final class Reader implements TokenReader<HttpRequest<?>> {
    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
      if (!STREAM_PATH.matcher(request.getPath()).matches()) {
        return Optional.empty();
      }
      return request.getParameters().getFirst(TICKET).filter(t -> !t.isBlank());
    }

    @Override
    public int getOrder() {
      return BearerTokenReader.ORDER + 1;
    }
  }

  /** Redeems a ticket (a database round trip, off the event loop) on the stream route only. */
  @Singleton
  @Requires(property = "todo.rest.enabled", notEquals = "false")
  static final class Validator implements TokenValidator<HttpRequest<?>> {
    private final StreamTicketsUseCase tickets;
    private final Scheduler blocking;

    Validator(
        StreamTicketsUseCase tickets, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
      this.tickets = tickets;
      this.blocking = Schedulers.fromExecutorService(blocking);
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
      if (token == null
          || !token.startsWith("st_")
          || request == null
          || !STREAM_PATH.matcher(request.getPath()).matches()) {
        return Mono.empty();
      }
      return Mono.fromCallable(() -> tickets.redeem(token))
          .subscribeOn(blocking)
          .flatMap(user -> Mono.justOrEmpty(user.map(u -> Authentication.build(u.value()))));
    }
  }
}
