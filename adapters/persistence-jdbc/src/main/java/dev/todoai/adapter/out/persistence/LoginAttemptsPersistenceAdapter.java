package dev.todoai.adapter.out.persistence;

import dev.todoai.application.port.out.LoginAttemptsPort;
import dev.todoai.domain.user.Email;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;

/** Failed log-ins in {@code login_failures}, one row per failure, shared by all replicas. */
@Singleton
final class LoginAttemptsPersistenceAdapter implements LoginAttemptsPort {
  private final Jdbc jdbc;

  LoginAttemptsPersistenceAdapter(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public int failuresSince(Email email, Instant since) {
    return jdbc.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT count(*) FROM login_failures WHERE email = ? AND failed_at >= ?")) {
            Jdbc.bind(ps, List.of(email.value(), since));
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getInt(1);
            }
          }
        });
  }

  @Override
  public Instant oldestFailureSince(Email email, Instant since) {
    return jdbc.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT min(failed_at) AS oldest FROM login_failures"
                      + " WHERE email = ? AND failed_at >= ?")) {
            Jdbc.bind(ps, List.of(email.value(), since));
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return Jdbc.instant(rs, "oldest");
            }
          }
        });
  }

  @Override
  public void recordFailure(Email email, Instant at) {
    jdbc.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("INSERT INTO login_failures (email, failed_at) VALUES (?, ?)")) {
            Jdbc.bind(ps, List.of(email.value(), at));
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public void clearFailures(Email email) {
    jdbc.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM login_failures WHERE email = ?")) {
            ps.setString(1, email.value());
            return ps.executeUpdate();
          }
        });
  }
}
