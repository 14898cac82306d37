package dev.todoai.adapter.in.rest;

import dev.todoai.application.port.in.StreamTicketsUseCase;
import dev.todoai.application.port.out.StreamTicketStorePort;
import dev.todoai.application.service.StreamTicketService;
import dev.todoai.domain.shared.UserId;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The real ticket service on an in-memory store. */
@Singleton
final class FakeStreamTickets implements StreamTicketsUseCase {
  private final StreamTicketService service =
      new StreamTicketService(Instant::now, new MemoryStore(), Duration.ofSeconds(30));

  @Override
  public StreamTicket issue(UserId user) {
    return service.issue(user);
  }

  @Override
  public Optional<UserId> redeem(String ticket) {
    return service.redeem(ticket);
  }

  private static final class MemoryStore implements StreamTicketStorePort {
    private record Entry(UserId user, Instant expiresAt) {}

    private final Map<String, Entry> tickets = new ConcurrentHashMap<>();

    @Override
    public void save(String ticketHash, UserId user, Instant expiresAt, Instant now) {
      tickets.put(ticketHash, new Entry(user, expiresAt));
    }

    @Override
    public Optional<UserId> take(String ticketHash, Instant now) {
      Entry entry = tickets.remove(ticketHash);
      return entry == null || !entry.expiresAt().isAfter(now)
          ? Optional.empty()
          : Optional.of(entry.user());
    }
  }
}
