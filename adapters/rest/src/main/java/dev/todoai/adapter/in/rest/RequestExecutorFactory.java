package dev.todoai.adapter.in.rest;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run the blocking part of the task API's requests (tasks, reminders,
 * notifications, history, quick add, recurrence previews, stream tickets): a fixed pool of {@code
 * todo.requests.threads} ({@code TODO_REQUEST_THREADS}; 0, the default, means two per core), with a
 * FIFO queue in front (ADR 0022).
 *
 * <p>Requests that share a few cores finish sooner one after another than all at once: with one
 * thread per request (the IO pool of 64) 16 clients shared two cores and each request took as long
 * as the slowest mix of its neighbours; queued, a request waits for the ones before it and then
 * runs nearly alone (docs/benchmarks.md, "The request pool"). Two threads per core keep the cores
 * busy while some wait for the database; on two cores that is 4, below the connection pool (10), so
 * a thread never waits for a connection. The assistant's calls to a chat service, which may block
 * for seconds, and password hashing stay on the IO pool, so that neither can hold these threads.
 */
@Factory
final class RequestExecutorFactory {
  /** The name to give {@code @ExecuteOn}. */
  static final String NAME = "todo-requests";

  @Singleton
  @Named(NAME)
  @Bean(preDestroy = "shutdown")
  ExecutorService requestExecutor(@Value("${todo.requests.threads:0}") int configured) {
    if (configured < 0 || configured > 1024) {
      throw new ConfigurationException(
          "todo.requests.threads (TODO_REQUEST_THREADS) must be between 1 and 1024, or 0 for two"
              + " per core, not "
              + configured);
    }
    int threads = threads(configured, Runtime.getRuntime().availableProcessors());
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory =
        runnable -> {
          Thread thread = new Thread(runnable, "todo-request-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    return Executors.newFixedThreadPool(threads, factory);
  }

  /** The pool's size: as configured, or two per core for 0. */
  static int threads(int configured, int cores) {
    return configured > 0 ? configured : 2 * Math.max(1, cores);
  }
}
