package dev.todoai.adapter.out.persistence;

import dev.todoai.application.port.out.ConversationStatePort;
import dev.todoai.domain.shared.UserId;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;

/** The assistant's state of a conversation in {@code conversations.assistant_state} (JSON). */
@Singleton
final class ConversationStatePersistenceAdapter implements ConversationStatePort {
  private static final String SELECT =
      "SELECT assistant_state::text AS state FROM conversations WHERE id = ? AND user_id = ?";
  private static final String UPDATE =
      "UPDATE conversations SET assistant_state = ?::jsonb WHERE id = ? AND user_id = ?";

  private final Jdbc jdbc;

  ConversationStatePersistenceAdapter(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<String> read(UserId owner, long conversationId) {
    return jdbc.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(SELECT)) {
            Jdbc.bind(ps, List.of(conversationId, owner.value()));
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.ofNullable(rs.getString("state")) : Optional.empty();
            }
          }
        });
  }

  @Override
  public boolean write(UserId owner, long conversationId, String state) {
    if (state != null && state.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("assistant state longer than " + MAX_LENGTH);
    }
    return jdbc.write(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
            ps.setString(1, state);
            ps.setLong(2, conversationId);
            ps.setString(3, owner.value());
            return ps.executeUpdate() == 1;
          }
        });
  }
}
