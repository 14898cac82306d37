package dev.todoai.adapter.out.persistence;

import static dev.todoai.adapter.out.persistence.OutboxTestData.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.todoai.adapter.out.persistence.RecordingPublisher.Delivery;
import dev.todoai.adapter.out.persistence.testsupport.TestDatabase;
import dev.todoai.application.event.OutboundEvent;
import dev.todoai.application.port.in.RelayOutboxUseCase.RelayResult;
import dev.todoai.application.port.out.OutboxPort;
import dev.todoai.application.port.out.TransactionPort;
import dev.todoai.application.service.RelayOutboxService;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The application's relay service on this adapter, with a transport that fails at first. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelayOutboxRetryTest implements TestPropertyProvider {
  @Inject OutboxPort outbox;
  @Inject TransactionPort transactions;
  private final TestDatabase.Coordinates database = TestDatabase.freshDatabase();

  @Override
  public Map<String, String> getProperties() {
    return database.properties();
  }

  @Test
  void afterTheTransportRecoversEveryEventIsPublishedOnceWithItsIdAndInOrderPerKey()
      throws SQLException {
    RecordingPublisher publisher = new RecordingPublisher("flaky");
    RelayOutboxService relay =
        new RelayOutboxService(
            () -> Instant.now().truncatedTo(ChronoUnit.MICROS),
            transactions,
            outbox,
            publisher,
            10,
            Duration.ofHours(1));
    List<OutboundEvent> events = new ArrayList<>();
    for (int seq = 0; seq < 40; seq++) {
      List<OutboundEvent> round = new ArrayList<>();
      for (int user = 0; user < 5; user++) {
        round.add(anEvent("user-" + user, seq));
      }
      transactions.inTransaction(
          () -> {
            outbox.append(round);
            return null;
          });
      events.addAll(round);
    }
    Map<UUID, Long> ids;
    try (Connection c = database.connect()) {
      ids = OutboxTestData.outboxIds(c);
    }

    publisher.failNext(3);
    int failedPasses = 0;
    for (int pass = 0; pass < 1_000 && relay.backlog().unpublished() > 0; pass++) {
      RelayResult result = relay.relayOnce();
      if (result.failed()) {
        failedPasses++;
        if (failedPasses == 3) {
          // a second outage, this time in the middle of a batch of 10
          publisher.failAfter(4, 1);
        }
      }
    }

    List<Delivery> deliveries = publisher.deliveries();
    assertThat(relay.backlog().unpublished()).isZero();
    assertThat(failedPasses).isEqualTo(4);
    assertThat(deliveries)
        .extracting(Delivery::eventId)
        .containsExactlyInAnyOrderElementsOf(events.stream().map(OutboundEvent::eventId).toList());
    assertThat(deliveries.stream().map(Delivery::event).toList())
        .containsExactlyInAnyOrderElementsOf(events);
    assertThat(publisher.refused()).hasSize(4).allMatch(ids::containsKey);
    assertThat(deliveries).extracting(Delivery::eventId).containsAll(publisher.refused());
    Map<String, List<Long>> idsPerKey =
        deliveries.stream()
            .collect(
                Collectors.groupingBy(
                    d -> d.event().partitionKey(),
                    HashMap::new,
                    Collectors.mapping(d -> ids.get(d.eventId()), Collectors.toList())));
    assertThat(idsPerKey).hasSize(5);
    idsPerKey.values().forEach(list -> assertThat(list).hasSize(40).isSorted());
  }
}
