package io.donutstates.loadgen;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

/** Prints one line a second while the crowd runs: what happened in that second. */
final class ProgressReporter implements Runnable {

    private final RunControl control;
    private final LiveCounters live;
    private final PrintStream out;
    private volatile boolean done;

    ProgressReporter(RunControl control, LiveCounters live, PrintStream out) {
        this.control = control;
        this.live = live;
        this.out = out;
    }

    void finish() {
        done = true;
    }

    @Override
    public void run() {
        long requests = 0;
        long sold = 0;
        long outOfStock = 0;
        long errors = 0;
        // Ticks are scheduled from the start time, not slept one after another, so the lines do not drift.
        for (int second = 1; !done; second++) {
            long tick = control.startNanos + TimeUnit.SECONDS.toNanos(second);
            long wait = tick - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    return;
                }
            }
            if (done) {
                return;
            }
            long r = live.requests.sum();
            long s = live.sold.sum();
            long o = live.outOfStock.sum();
            long e = live.errors.sum();
            String phase = tick <= control.warmupEndNanos ? "warmup" : "run";
            out.printf("%5ds %-6s %8d req/s   sold %8d   out-of-stock %8d   errors %6d%n",
                    second, phase, r - requests, s - sold, o - outOfStock, e - errors);
            requests = r;
            sold = s;
            outOfStock = o;
            errors = e;
        }
    }
}
