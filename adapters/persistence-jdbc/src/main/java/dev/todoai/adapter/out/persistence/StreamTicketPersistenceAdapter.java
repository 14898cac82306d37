package dev.todoai.adapter.out.persistence;

import dev.todoai.application.port.out.StreamTicketStorePort;
import dev.todoai.domain.shared.UserId;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stream tickets in {@code stream_tickets}; taking one deletes it, so it works once. */
@Singleton
final class StreamTicketPersistenceAdapter implements StreamTicketStorePort {
  private final Jdbc jdbc;

  StreamTicketPersistenceAdapter(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void save(String ticketHash, UserId user, Instant expiresAt, Instant now) {
    jdbc.write(
        c -> {
          try (PreparedStatement expired =
              c.prepareStatement("DELETE FROM stream_tickets WHERE expires_at < ?")) {
            Jdbc.bind(expired, List.of(now));
            expired.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO stream_tickets (ticket_hash, user_id, expires_at) VALUES (?, ?, ?)")) {
            Jdbc.bind(ps, List.of(ticketHash, user.value(), expiresAt));
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public Optional<UserId> take(String ticketHash, Instant now) {
    return jdbc.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM stream_tickets WHERE ticket_hash = ?"
                      + " RETURNING user_id, expires_at")) {
            ps.setString(1, ticketHash);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next() || !Jdbc.instant(rs, "expires_at").isAfter(now)) {
                return Optional.<UserId>empty();
              }
              return Optional.of(new UserId(rs.getString("user_id")));
            }
          }
        });
  }
}
