package dev.todoai.adapter.out.dapr;

import io.dapr.client.DaprClient;
import io.dapr.client.DaprClientBuilder;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * The one client to this process's sidecar. The SDK finds the sidecar through {@code
 * DAPR_GRPC_PORT} / {@code DAPR_HTTP_PORT} (and sends {@code DAPR_API_TOKEN} when set).
 */
@Factory
@Requires(property = "todo.transport", value = "dapr")
class DaprClientFactory {

  @Singleton
  @Bean(preDestroy = "close")
  DaprClient daprClient() {
    return new DaprClientBuilder().build();
  }
}
