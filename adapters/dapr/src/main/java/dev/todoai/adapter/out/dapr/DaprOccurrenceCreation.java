package dev.todoai.adapter.out.dapr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.todoai.application.event.NextOccurrenceRequest;
import dev.todoai.application.port.out.OccurrenceCreationPort;
import io.dapr.client.DaprClient;
import io.dapr.client.domain.HttpExtension;
import io.dapr.client.domain.InvokeMethodRequest;
import io.dapr.exceptions.DaprException;
import io.dapr.utils.TypeRef;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recurring process asks the backend for the next occurrence through Dapr service invocation
 * (app {@code todo-backend}, method {@code internal/occurrences}), naming the predecessor only: the
 * backend decides whether and when a successor is due. The backend's sidecar adds the app token;
 * the call is idempotent per predecessor, so a redelivered event may call again. A refusal (422:
 * the task is no longer a completed recurring task) is final and ends here; any other failure
 * throws, and the triggering event is redelivered.
 */
@Singleton
@Requires(property = "todo.transport", value = "dapr")
final class DaprOccurrenceCreation implements OccurrenceCreationPort {
  static final String METHOD = "internal/occurrences";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(DaprOccurrenceCreation.class);

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
    try {
      dapr.invokeMethod(invoke, TypeRef.BYTE_ARRAY).block(timeout);
    } catch (DaprException e) {
      if (e.getHttpStatusCode() == 422 || String.valueOf(e.getMessage()).contains("422")) {
        LOG.info("The backend refused the next occurrence of task {}", request.predecessor());
        return;
      }
      throw e;
    }
  }

  /** The wire form read by the backend's {@code OccurrenceInvocationEndpoint}. */
  static byte[] body(NextOccurrenceRequest r) {
    ObjectNode n = JSON.createObjectNode();
    n.put("user_id", r.owner().value());
    n.put("predecessor_id", r.predecessor().value());
    try {
      return JSON.writeValueAsBytes(n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
