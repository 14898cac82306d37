package dev.todoai.bootstrap;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Holds the connection pool back until the embedded PostgreSQL, started beside the application
 * ({@link EmbeddedDatabase#begin}), accepts connections: the pool's settings exist before the
 * server does, its first connection must not. Without an embedded server it does nothing. When the
 * server cannot start, the process ends as {@link TodoApplication} ends a failed launch.
 */
@Singleton
final class EmbeddedDatabaseGate implements BeanCreatedEventListener<DatasourceConfiguration> {
  private final Optional<EmbeddedDatabase.Starting> starting;

  EmbeddedDatabaseGate(Optional<EmbeddedDatabase.Starting> starting) {
    this.starting = starting;
  }

  @Override
  public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
    if (starting.isPresent()) {
      try {
        starting.get().await();
      } catch (LaunchOptions.LaunchException e) {
        // As when the server started before the application: the reason in one line, status 2.
        // (Thrown on, it would reach the log as a bean failure with its stack trace, status 1.)
        System.err.println("todo-ai: " + e.getMessage());
        System.exit(2);
      }
    }
    return event.getBean();
  }
}
