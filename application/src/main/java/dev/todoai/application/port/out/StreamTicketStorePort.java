package dev.todoai.application.port.out;

import dev.todoai.domain.shared.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * Where stream tickets wait to be redeemed (shared by all replicas), by the hash of their value.
 */
public interface StreamTicketStorePort {

  /** Keeps a ticket; may forget tickets that expired before {@code now}. */
  void save(String ticketHash, UserId user, Instant expiresAt, Instant now);

  /** Removes the ticket and returns its user when it existed and had not expired at {@code now}. */
  Optional<UserId> take(String ticketHash, Instant now);
}
