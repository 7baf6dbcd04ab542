package io.donutstates.service;

import java.util.concurrent.atomic.AtomicLongArray;
import org.springframework.stereotype.Component;

/** Sales per second over the last minute on this instance, for the dashboard's chart. */
@Component
public class SalesRate {

    private static final int SECONDS = 60;

    private final AtomicLongArray counts = new AtomicLongArray(SECONDS);
    private final AtomicLongArray stamps = new AtomicLongArray(SECONDS);

    public void recordSale() {
        long second = System.currentTimeMillis() / 1000;
        int slot = (int) (second % SECONDS);
        long stamp = stamps.get(slot);
        if (stamp != second && stamps.compareAndSet(slot, stamp, second)) {
            counts.set(slot, 0);
        }
        counts.incrementAndGet(slot);
    }

    /** Sixty counts, oldest first; the last is the current second. */
    public long[] lastMinute() {
        long now = System.currentTimeMillis() / 1000;
        long[] rate = new long[SECONDS];
        for (int i = 0; i < SECONDS; i++) {
            long second = now - (SECONDS - 1) + i;
            int slot = (int) (second % SECONDS);
            rate[i] = stamps.get(slot) == second ? counts.get(slot) : 0;
        }
        return rate;
    }
}
