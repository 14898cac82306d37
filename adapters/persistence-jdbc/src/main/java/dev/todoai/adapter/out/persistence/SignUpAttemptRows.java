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

/** The {@code sign_up_attempts} table (Micronaut Data JDBC): one row per sign-up attempt. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface SignUpAttemptRows extends GenericRepository<SignUpAttemptRows.SignUpAttemptRow, Long> {

  /** A row of {@code sign_up_attempts}; the id is generated. */
  @MappedEntity("sign_up_attempts")
  record SignUpAttemptRow(
      @Id @GeneratedValue @Nullable Long id, String clientAddress, Instant attemptedAt) {}

  SignUpAttemptRow save(SignUpAttemptRow row);

  long countByClientAddressAndAttemptedAtGreaterThanEquals(String clientAddress, Instant since);

  Optional<SignUpAttemptRow>
      findFirstByClientAddressAndAttemptedAtGreaterThanEqualsOrderByAttemptedAt(
          String clientAddress, Instant since);
}
