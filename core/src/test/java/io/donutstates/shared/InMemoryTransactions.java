package io.donutstates.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Transactions for fakes: nested calls join the outer one, as the real ones do; a transaction that
 * throws puts back the state of every fake taking part, and the test can count what committed.
 */
public final class InMemoryTransactions implements Transactions {

    private final List<RollsBack> participants;
    private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);
    private int committed;
    private int rolledBack;

    public InMemoryTransactions(RollsBack... participants) {
        this.participants = List.of(participants);
    }

    @Override
    public synchronized <T> T inTransaction(Supplier<T> work) {
        if (depth.get() > 0) {
            return work.get();
        }
        List<Runnable> restore = new ArrayList<>();
        participants.forEach(p -> restore.add(p.checkpoint()));
        depth.set(1);
        try {
            T result = work.get();
            committed++;
            return result;
        } catch (RuntimeException | Error e) {
            restore.forEach(Runnable::run);
            rolledBack++;
            throw e;
        } finally {
            depth.set(0);
        }
    }

    /** Outermost transactions that committed so far. */
    public synchronized int committed() {
        return committed;
    }

    public synchronized int rolledBack() {
        return rolledBack;
    }
}
