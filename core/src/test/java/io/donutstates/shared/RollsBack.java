package io.donutstates.shared;

/** A fake whose state a failed {@link InMemoryTransactions transaction} puts back, as the database does. */
public interface RollsBack {

    /** Remembers the state now; running the answer restores it. */
    Runnable checkpoint();
}
