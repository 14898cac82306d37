package dev.todoai.adapter.out.persistence;

import static dev.todoai.adapter.out.persistence.testsupport.TaskTestData.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todoai.adapter.out.persistence.testsupport.TestDatabase;
import dev.todoai.application.port.out.ProcessedEventsPort;
import dev.todoai.application.port.out.TransactionPort;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcessedEventsPersistenceAdapterTest implements TestPropertyProvider {
  @Inject ProcessedEventsPort processed;
  @Inject TransactionPort transactions;

  @Override
  public Map<String, String> getProperties() {
    return TestDatabase.properties();
  }

  @Test
  void firstMarkIsTrueAndADuplicateIsFalse() {
    UUID eventId = UUID.randomUUID();

    assertThat(processed.markProcessed("audit", eventId, T0)).isTrue();
    assertThat(processed.markProcessed("audit", eventId, T0.plusSeconds(1))).isFalse();
  }

  @Test
  void eachConsumerProcessesAnEventOnce() {
    UUID eventId = UUID.randomUUID();
    processed.markProcessed("audit", eventId, T0);

    assertThat(processed.markProcessed("live-updates", eventId, T0)).isTrue();
  }

  @Test
  void aMarkRollsBackWithTheConsumersTransaction() {
    UUID eventId = UUID.randomUUID();

    assertThatThrownBy(
            () ->
                transactions.inTransaction(
                    () -> {
                      processed.markProcessed("audit", eventId, T0);
                      throw new IllegalStateException("effect failed");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(processed.markProcessed("audit", eventId, T0)).isTrue();
  }
}
