package io.donutstates.loadgen;

import java.util.concurrent.atomic.AtomicLong;

/** The run's clock and budget, shared by all buyers: warmup, then a measured window or a request count. */
final class RunControl {

    final long startNanos;
    final long warmupEndNanos;
    private final long measureEndNanos;
    private final long requestLimit;
    private final AtomicLong tickets = new AtomicLong();
    private volatile boolean stopped;

    RunControl(Options options, long startNanos) {
        this.startNanos = startNanos;
        this.warmupEndNanos = startNanos + options.warmup().toNanos();
        this.measureEndNanos = options.duration() == null ? Long.MAX_VALUE : warmupEndNanos + options.duration().toNanos();
        this.requestLimit = options.requests();
    }

    boolean inWarmup(long now) {
        return now < warmupEndNanos && !stopped;
    }

    /**
     * Whether a buyer may send one more recorded request. With a request limit every admitted request
     * takes a ticket, so exactly that many are recorded however many buyers race for the last ones.
     */
    boolean admit(long now) {
        if (stopped || now >= measureEndNanos) {
            return false;
        }
        return requestLimit == 0 || tickets.getAndIncrement() < requestLimit;
    }

    void stop() {
        stopped = true;
    }

    boolean stopped() {
        return stopped;
    }
}
