package dev.todoai.application.service;

import static dev.todoai.domain.task.TaskTestData.ALICE;
import static dev.todoai.domain.task.TaskTestData.BOB;
import static dev.todoai.domain.task.TaskTestData.T0;
import static dev.todoai.domain.task.TaskTestData.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import dev.todoai.application.event.DeliveryOutcome;
import dev.todoai.application.event.InboundEvent;
import dev.todoai.application.event.OutboundEvent;
import dev.todoai.application.event.TaskUpdateMessage;
import dev.todoai.application.event.Topics;
import dev.todoai.application.fakes.FakeEventCodec;
import dev.todoai.application.fakes.InMemoryStore;
import dev.todoai.application.fakes.MutableClock;
import dev.todoai.application.fakes.RecordingLiveUpdates;
import dev.todoai.application.fakes.RecordingScheduler;
import dev.todoai.application.fakes.SimpleRecurrence;
import dev.todoai.application.port.in.AddTaskUseCase.AddTaskCommand;
import dev.todoai.application.port.in.CompleteTaskUseCase.CompleteTaskCommand;
import dev.todoai.application.port.in.RelayOutboxUseCase.RelayResult;
import dev.todoai.application.port.out.PublishEventPort;
import dev.todoai.domain.audit.AuditEntry;
import dev.todoai.domain.audit.AuditFilter;
import dev.todoai.domain.task.Task;
import dev.todoai.domain.task.TaskPageRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventBackboneServicesTest {
  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryStore store = new InMemoryStore();
  private final RecordingScheduler scheduler = new RecordingScheduler();
  private final ReminderSync reminders = new ReminderSync(store, scheduler);
  private final FakeEventCodec codec = new FakeEventCodec();
  private final TaskEventRecorder recorder = new TaskEventRecorder(codec, store);
  private final AddTaskService add =
      new AddTaskService(
          clock, store, store, store, store, recorder, reminders, new SimpleRecurrence());
  private final CompleteTaskService complete =
      new CompleteTaskService(clock, store, store, store, recorder, reminders);
  private final FlakyPublisher publisher = new FlakyPublisher();
  private final RelayOutboxService relay =
      new RelayOutboxService(clock, store, store, publisher, 100, Duration.ofHours(1));
  private final RecordAuditEntryService audit =
      new RecordAuditEntryService(clock, store, codec, store, store);

  /** Fails the first {@code failuresLeft} publishes, then records every event it accepts. */
  private static final class FlakyPublisher implements PublishEventPort {
    int failuresLeft;
    final List<OutboundEvent> accepted = new ArrayList<>();

    @Override
    public void publish(OutboundEvent event) {
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new IllegalStateException("broker unavailable");
      }
      accepted.add(event);
    }
  }

  private Task addTask(String title) {
    return add.add(new AddTaskCommand(ALICE, aTask().titled(title).details())).task();
  }

  @Test
  void relayPublishesInOutboxOrderAndMarksEverythingPublished() {
    Task task = addTask("a");
    complete.complete(new CompleteTaskCommand(ALICE, task.id(), null, null));

    RelayResult result = relay.relayOnce();

    assertThat(result.claimed()).isEqualTo(4);
    assertThat(result.published()).isEqualTo(4);
    assertThat(publisher.accepted).containsExactlyElementsOf(store.outboxEvents());
    assertThat(store.unpublishedEvents()).isEmpty();
  }

  @Test
  void aFailingPublishStopsTheBatchAndLaterPassesDeliverEverythingWithTheSameIds() {
    for (int i = 0; i < 5; i++) {
      addTask("t" + i);
    }
    List<OutboundEvent> expected = store.outboxEvents();
    publisher.failuresLeft = 3;

    List<RelayResult> passes = new ArrayList<>();
    for (int i = 0; i < 10 && !store.unpublishedEvents().isEmpty(); i++) {
      passes.add(relay.relayOnce());
    }

    assertThat(passes).filteredOn(RelayResult::failed).hasSize(3);
    assertThat(publisher.accepted).containsExactlyElementsOf(expected);
    assertThat(store.unpublishedEvents()).isEmpty();
  }

  @Test
  void prunedAreOnlyEventsPublishedLongerAgoThanTheRetention() {
    addTask("a");
    relay.relayOnce();
    addTask("b");

    clock.advance(Duration.ofMinutes(59));
    assertThat(relay.prune()).isZero();
    clock.advance(Duration.ofMinutes(2));
    assertThat(relay.prune()).isEqualTo(2);
    assertThat(store.outboxEvents()).hasSize(2);
  }

  @Test
  void auditStoresOneEntryPerEventEvenWhenDeliveredThreeTimes() {
    Task task = addTask("a");
    complete.complete(new CompleteTaskCommand(ALICE, task.id(), null, null));
    List<OutboundEvent> taskEvents =
        store.outboxEvents().stream().filter(e -> e.topic().equals(Topics.TASK_EVENTS)).toList();

    for (int round = 0; round < 3; round++) {
      for (OutboundEvent e : taskEvents) {
        assertThat(audit.handle(new InboundEvent(e.topic(), e.payload())))
            .isEqualTo(DeliveryOutcome.SUCCESS);
      }
    }

    assertThat(store.auditEntries())
        .extracting(AuditEntry::eventType)
        .containsExactly("created", "completed");
    assertThat(store.auditEntries()).extracting(AuditEntry::eventId).doesNotHaveDuplicates();
  }

  @Test
  void auditDropsUndecodableEventsAndUnknownMajorVersions() {
    assertThat(audit.handle(new InboundEvent(Topics.TASK_EVENTS, "garbage")))
        .isEqualTo(DeliveryOutcome.DROP);
    assertThat(audit.handle(new InboundEvent(Topics.TASK_EVENTS, "v9|whatever")))
        .isEqualTo(DeliveryOutcome.DROP);
    assertThat(store.auditEntries()).isEmpty();
  }

  @Test
  void auditListsOnlyTheOwnersEntries() {
    addTask("alice's");
    add.add(new AddTaskCommand(BOB, aTask().titled("bob's").details()));
    store.outboxEvents().stream()
        .filter(e -> e.topic().equals(Topics.TASK_EVENTS))
        .forEach(e -> audit.handle(new InboundEvent(e.topic(), e.payload())));

    ListAuditEntriesService list = new ListAuditEntriesService(store);

    assertThat(list.list(ALICE, AuditFilter.ALL, TaskPageRequest.first(50)).items())
        .singleElement()
        .satisfies(e -> assertThat(e.userId()).isEqualTo(ALICE));
  }

  @Test
  void liveUpdatesArePushedAndPoisonIsDropped() {
    RecordingLiveUpdates live = new RecordingLiveUpdates();
    List<TaskUpdateMessage> pushed = live.updates;
    BroadcastTaskUpdateService broadcast = new BroadcastTaskUpdateService(codec, live);
    addTask("a");
    OutboundEvent update =
        store.outboxEvents().stream()
            .filter(e -> e.topic().equals(Topics.TASK_UPDATES))
            .findFirst()
            .orElseThrow();

    assertThat(broadcast.handle(new InboundEvent(update.topic(), update.payload())))
        .isEqualTo(DeliveryOutcome.SUCCESS);
    assertThat(broadcast.handle(new InboundEvent(Topics.TASK_UPDATES, "nonsense")))
        .isEqualTo(DeliveryOutcome.DROP);
    assertThat(pushed)
        .singleElement()
        .satisfies(m -> assertThat(m.eventType()).isEqualTo("created"));
  }
}
