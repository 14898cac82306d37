package dev.todoai.adapter.out.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code login_failures} table (Micronaut Data JDBC): one row per failed log-in with the client
 * address it came from. Every finder names the client address (index {@code
 * login_failures_client_email_idx}); the ones without an e-mail count over all accounts.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface LoginFailureRows extends GenericRepository<LoginFailureRows.LoginFailureRow, Long> {

  /** A row of {@code login_failures}; the id is generated. */
  @MappedEntity("login_failures")
  record LoginFailureRow(
      @Id @GeneratedValue @Nullable Long id,
      String email,
      String clientAddress,
      Instant failedAt) {}

  LoginFailureRow save(LoginFailureRow row);

  long countByClientAddressAndEmailAndFailedAtGreaterThanEquals(
      String clientAddress, String email, Instant since);

  long countByClientAddressAndFailedAtGreaterThanEquals(String clientAddress, Instant since);

  Optional<LoginFailureRow>
      findFirstByClientAddressAndEmailAndFailedAtGreaterThanEqualsOrderByFailedAt(
          String clientAddress, String email, Instant since);

  Optional<LoginFailureRow> findFirstByClientAddressAndFailedAtGreaterThanEqualsOrderByFailedAt(
      String clientAddress, Instant since);

  void deleteByClientAddressAndEmail(String clientAddress, String email);
}
