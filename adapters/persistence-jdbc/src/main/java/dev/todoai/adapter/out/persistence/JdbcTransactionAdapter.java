package dev.todoai.adapter.out.persistence;

import dev.todoai.application.port.out.TransactionPort;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.function.Supplier;

/**
 * Runs work in one read-write JDBC transaction; every persistence adapter called inside joins it.
 * Any exception rolls the transaction back and propagates unchanged. A nested call joins the outer
 * transaction.
 */
@Singleton
final class JdbcTransactionAdapter implements TransactionPort {
  private final TransactionOperations<Connection> transactions;

  JdbcTransactionAdapter(TransactionOperations<Connection> transactions) {
    this.transactions = transactions;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    return transactions.executeWrite(status -> work.get());
  }
}
