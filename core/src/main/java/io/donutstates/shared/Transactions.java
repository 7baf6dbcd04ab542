package io.donutstates.shared;

import java.util.function.Supplier;

/** Runs work as one database transaction; nested calls join the outer one. */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);
}
