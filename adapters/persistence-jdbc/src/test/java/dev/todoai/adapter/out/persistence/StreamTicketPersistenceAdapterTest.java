package dev.todoai.adapter.out.persistence;

import static dev.todoai.adapter.out.persistence.testsupport.TaskTestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.todoai.adapter.out.persistence.testsupport.TestDatabase;
import dev.todoai.application.port.out.StreamTicketStorePort;
import dev.todoai.domain.shared.UserId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamTicketPersistenceAdapterTest implements TestPropertyProvider {
  @Inject StreamTicketStorePort tickets;

  @Override
  public Map<String, String> getProperties() {
    return TestDatabase.properties();
  }

  @Test
  void aTicketIsTakenOnce() {
    tickets.save("h1", new UserId("ada"), T0.plusSeconds(30), T0);

    assertThat(tickets.take("h1", T0.plusSeconds(1))).contains(new UserId("ada"));
    assertThat(tickets.take("h1", T0.plusSeconds(2))).isEmpty();
  }

  @Test
  void anExpiredTicketIsNotTaken() {
    tickets.save("h2", new UserId("ada"), T0.plusSeconds(30), T0);

    assertThat(tickets.take("h2", T0.plusSeconds(30))).isEmpty();
  }

  @Test
  void anUnknownTicketIsNotTaken() {
    assertThat(tickets.take("nope", T0)).isEmpty();
  }
}
