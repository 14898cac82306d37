package dev.todoai.bootstrap;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Puts the W3C trace context of each request (the {@code traceparent} header Dapr and proxies send,
 * or a new one) into the logging context as {@code trace_id}/{@code span_id}, so every log line of
 * a request carries them; the response echoes the trace id in {@code X-Trace-Id}.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class TraceContextFilter {
  static final String TRACE_ID = "trace_id";
  private static final Pattern TRACEPARENT =
      Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");

  @RequestFilter
  void extract(HttpRequest<?> request, MutablePropagatedContext context) {
    String header = request.getHeaders().get("traceparent");
    String traceId;
    String parentId;
    var matcher = header == null ? null : TRACEPARENT.matcher(header.trim());
    if (matcher != null && matcher.matches() && !matcher.group(1).matches("0+")) {
      traceId = matcher.group(1);
      parentId = matcher.group(2);
    } else {
      traceId = randomHex(2);
      parentId = null;
    }
    String spanId = randomHex(1);
    request.setAttribute(TRACE_ID, traceId);
    context.add(
        new MdcPropagationContext(
            parentId == null
                ? Map.of(TRACE_ID, traceId, "span_id", spanId)
                : Map.of(TRACE_ID, traceId, "span_id", spanId, "parent_span_id", parentId)));
  }

  @ResponseFilter
  void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
    request
        .getAttribute(TRACE_ID, String.class)
        .ifPresent(id -> response.getHeaders().set("X-Trace-Id", id));
  }

  /**
   * {@code longs} random non-zero 64-bit values in hex. Ids only need to be unique, not secret: a
   * thread-local generator instead of {@code SecureRandom}, whose shared lock every request took.
   */
  private static String randomHex(int longs) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    StringBuilder hex = new StringBuilder(16 * longs);
    for (int i = 0; i < longs; i++) {
      long value;
      do {
        value = random.nextLong();
      } while (value == 0);
      hex.append(HexFormat.of().toHexDigits(value));
    }
    return hex.toString();
  }
}
