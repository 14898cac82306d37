package dev.todoai.application.port.out;

import java.util.function.Supplier;

/** Runs work in one database transaction: all of its writes commit together or not at all. */
public interface TransactionPort {
  <T> T inTransaction(Supplier<T> work);
}
