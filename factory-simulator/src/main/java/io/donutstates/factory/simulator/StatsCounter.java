package io.donutstates.factory.simulator;

import java.util.concurrent.atomic.LongAdder;

/** Thread-safe counters behind {@link FactoryStats}. */
final class StatsCounter {

    private final LongAdder accepted = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder failed = new LongAdder();

    void accepted() {
        accepted.increment();
    }

    void refused() {
        refused.increment();
    }

    void callbackSent() {
        sent.increment();
    }

    void callbackFailed() {
        failed.increment();
    }

    FactoryStats snapshot() {
        return new FactoryStats(accepted.sum(), refused.sum(), sent.sum(), failed.sum());
    }
}
