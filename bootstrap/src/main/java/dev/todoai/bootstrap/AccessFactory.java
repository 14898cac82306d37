package dev.todoai.bootstrap;

import dev.todoai.application.port.in.StreamTicketsUseCase;
import dev.todoai.application.port.out.ClockPort;
import dev.todoai.application.port.out.StreamTicketStorePort;
import dev.todoai.application.service.StreamTicketService;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;

/** Use cases of access control beyond log-in: stream tickets. */
@Factory
class AccessFactory {

  @Singleton
  StreamTicketsUseCase streamTickets(
      ClockPort clock,
      StreamTicketStorePort store,
      @Value("${todo.live-updates.ticket-lifetime:30s}") Duration lifetime) {
    return new StreamTicketService(clock, store, lifetime);
  }
}
