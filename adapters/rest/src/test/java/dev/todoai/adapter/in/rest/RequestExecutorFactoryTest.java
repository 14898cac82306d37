package dev.todoai.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.exceptions.ConfigurationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;

class RequestExecutorFactoryTest {
  private final RequestExecutorFactory factory = new RequestExecutorFactory();

  @Test
  void zeroMeansTwoThreadsPerCore() {
    assertThat(RequestExecutorFactory.threads(0, 2)).isEqualTo(4);
    assertThat(RequestExecutorFactory.threads(0, 1)).isEqualTo(2);
    assertThat(RequestExecutorFactory.threads(6, 2)).isEqualTo(6);
  }

  @Test
  void thePoolHasExactlyTheConfiguredThreads() {
    ExecutorService pool = factory.requestExecutor(3);
    try {
      assertThat(pool).isInstanceOf(ThreadPoolExecutor.class);
      assertThat(((ThreadPoolExecutor) pool).getCorePoolSize()).isEqualTo(3);
      assertThat(((ThreadPoolExecutor) pool).getMaximumPoolSize()).isEqualTo(3);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void anImpossibleSizeIsRefusedWithAReason() {
    assertThatThrownBy(() -> factory.requestExecutor(-1))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("TODO_REQUEST_THREADS");
    assertThatThrownBy(() -> factory.requestExecutor(1025))
        .isInstanceOf(ConfigurationException.class);
  }
}
