package dev.todoai.application.port.in;

import dev.todoai.domain.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Short-lived, single-use tickets that open a user's live-update stream from a URL (a browser's
 * EventSource cannot send headers), so that the long-lived access token never travels in a URL.
 */
public interface StreamTicketsUseCase {
  Duration MAX_LIFETIME = Duration.ofSeconds(60);

  /** A new ticket for {@code user}. */
  StreamTicket issue(UserId user);

  /** The user of a valid, unexpired ticket, which is used up; empty for anything else. */
  Optional<UserId> redeem(String ticket);

  /** A ticket as handed to its user: the secret value and when it stops working. */
  record StreamTicket(String value, Instant expiresAt) {
    @Override
    public String toString() {
      return "StreamTicket[expiresAt=" + expiresAt + "]";
    }
  }
}
