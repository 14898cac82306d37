package dev.todoai.adapter.out.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Optional;

/** The {@code users} table (Micronaut Data JDBC). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface UserRows extends GenericRepository<UserRows.UserRow, String> {

  /** A row of {@code users}. */
  @MappedEntity("users")
  record UserRow(@Id String id, String email, String passwordHash, Instant createdAt) {}

  Optional<UserRow> findByEmail(String email);

  /** Inserts the account unless its e-mail address has one already; 1 when inserted. */
  @Query(
      "INSERT INTO users (id, email, password_hash, created_at)"
          + " VALUES (:id, :email, :passwordHash, :createdAt) ON CONFLICT (email) DO NOTHING")
  int insertUnlessTaken(String id, String email, String passwordHash, Instant createdAt);
}
