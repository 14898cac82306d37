package dev.todoai.adapter.out.dapr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.todoai.application.event.NextOccurrenceRequest;
import dev.todoai.application.port.out.OccurrenceCreationPort;
import dev.todoai.domain.task.Due;
import io.dapr.client.DaprClient;
import io.dapr.client.domain.HttpExtension;
import io.dapr.client.domain.InvokeMethodRequest;
import io.dapr.utils.TypeRef;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * The recurring process asks the backend for the next occurrence through Dapr service invocation
 * (app {@code todo-backend}, method {@code internal/occurrences}). The backend's sidecar adds the
 * app token; the call is idempotent per predecessor, so a redelivered event may call again. Throws
 * when the backend does not answer 2xx: the triggering event is then redelivered.
 */
@Singleton
@Requires(property = "todo.transport", value = "dapr")
final class DaprOccurrenceCreation implements OccurrenceCreationPort {
  static final String METHOD = "internal/occurrences";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DaprClient dapr;
  private final String backendAppId;
  private final Duration timeout;

  DaprOccurrenceCreation(
      DaprClient dapr,
      @Value("${todo.dapr.backend-app-id:todo-backend}") String backendAppId,
      @Value("${todo.dapr.invoke-timeout:15s}") Duration timeout) {
    this.dapr = dapr;
    this.backendAppId = backendAppId;
    this.timeout = timeout;
  }

  @Override
  public void createNextOccurrence(NextOccurrenceRequest request) {
    InvokeMethodRequest invoke =
        new InvokeMethodRequest(backendAppId, METHOD)
            .setBody(body(request))
            .setContentType("application/json")
            .setHttpExtension(HttpExtension.POST);
    dapr.invokeMethod(invoke, TypeRef.BYTE_ARRAY).block(timeout);
  }

  /** The wire form read by the backend's {@code OccurrenceInvocationEndpoint}. */
  static byte[] body(NextOccurrenceRequest r) {
    ObjectNode n = JSON.createObjectNode();
    n.put("user_id", r.owner().value());
    n.put("predecessor_id", r.predecessor().value());
    putDue(n, "due", r.due());
    n.put("index", r.index());
    putDue(n, "series_start", r.seriesStart());
    try {
      return JSON.writeValueAsBytes(n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void putDue(ObjectNode n, String prefix, Due due) {
    if (due.dueAt() != null) {
      n.put(prefix + "_at", due.dueAt().toString());
    }
    if (due.dueDate() != null) {
      n.put(prefix + "_date", due.dueDate().toString());
    }
  }
}
