package io.donutstates.loadgen;

import java.util.concurrent.atomic.LongAdder;

/** Running totals across all buyers, warmup included, read once a second for the progress lines. */
final class LiveCounters {

    final LongAdder requests = new LongAdder();
    final LongAdder sold = new LongAdder();
    final LongAdder outOfStock = new LongAdder();
    final LongAdder errors = new LongAdder();

    void count(Outcome outcome) {
        requests.increment();
        switch (outcome) {
            case SOLD -> sold.increment();
            case OUT_OF_STOCK -> outOfStock.increment();
            default -> errors.increment();
        }
    }
}
