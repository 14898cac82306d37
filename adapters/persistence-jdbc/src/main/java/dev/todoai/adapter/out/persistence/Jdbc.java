package dev.todoai.adapter.out.persistence;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Runs JDBC work on the connection of the surrounding transaction (opened by {@link
 * JdbcTransactionAdapter}) or, without one, on a connection of its own in auto-commit mode.
 */
@Singleton
final class Jdbc {
  private final ConnectionOperations<Connection> connections;

  Jdbc(ConnectionOperations<Connection> connections) {
    this.connections = connections;
  }

  /** Work that only reads. */
  <R> R read(Work<R> work) {
    return connections.executeRead(status -> run(work, status.getConnection()));
  }

  /** Work that writes (or locks rows). */
  <R> R write(Work<R> work) {
    return connections.executeWrite(status -> run(work, status.getConnection()));
  }

  private static <R> R run(Work<R> work, Connection connection) {
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw new DataAccessException("database error: " + e.getMessage(), e);
    }
  }

  /** JDBC work that may throw {@link SQLException}. */
  @FunctionalInterface
  interface Work<R> {
    R run(Connection connection) throws SQLException;
  }

  /** A {@code text[]} parameter. */
  record TextArray(List<String> values) {
    TextArray {
      values = List.copyOf(values);
    }
  }

  /** Binds parameters by their Java type; instants are stored at microsecond precision. */
  static void bind(PreparedStatement ps, List<?> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      bind(ps, i + 1, params.get(i));
    }
  }

  static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
    if (value instanceof Instant instant) {
      ps.setObject(index, timestamp(instant));
    } else if (value instanceof TextArray array) {
      ps.setArray(
          index, ps.getConnection().createArrayOf("text", array.values().toArray(new String[0])));
    } else if (value instanceof LocalDate date) {
      ps.setObject(index, date);
    } else if (value instanceof UUID uuid) {
      ps.setObject(index, uuid);
    } else if (value instanceof Null type) {
      ps.setNull(index, type.sqlType());
    } else if (value == null) {
      throw new IllegalArgumentException("use Jdbc.Null for null parameter " + index);
    } else {
      ps.setObject(index, value);
    }
  }

  /** A typed SQL NULL parameter. */
  record Null(int sqlType) {
    static final Null TIMESTAMP = new Null(Types.TIMESTAMP_WITH_TIMEZONE);
    static final Null DATE = new Null(Types.DATE);
    static final Null TEXT = new Null(Types.VARCHAR);
    static final Null UUID = new Null(Types.OTHER);
    static final Null TIME = new Null(Types.TIME);
    static final Null BIGINT = new Null(Types.BIGINT);
  }

  static Object orNull(Object value, Null type) {
    return value == null ? type : value;
  }

  static OffsetDateTime timestamp(Instant instant) {
    return OffsetDateTime.ofInstant(micros(instant), ZoneOffset.UTC);
  }

  /** See {@link Micros}. */
  static Instant micros(Instant instant) {
    return Micros.of(instant);
  }

  static Instant instant(java.sql.ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
