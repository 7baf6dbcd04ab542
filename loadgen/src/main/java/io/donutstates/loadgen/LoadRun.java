package io.donutstates.loadgen;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** Starts the buyers, reports progress, waits for the budget to run out and merges their counts. */
final class LoadRun {

    /** Slack past the planned end before buyers are stopped by force (a hung server, say). */
    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private LoadRun() {
    }

    static RunResult execute(Options options, Workload workload, HttpTransport transport, PrintStream out)
            throws InterruptedException {
        boolean virtual = useVirtualThreads(options);
        ExecutorService pool = virtual
                ? Threads.virtualPerTask().orElseThrow()
                : Threads.platform(options.concurrency(), "buyer");
        RunControl control = new RunControl(options, System.nanoTime());
        LiveCounters live = new LiveCounters();
        List<Buyer> buyers = new ArrayList<>(options.concurrency());
        for (int i = 0; i < options.concurrency(); i++) {
            buyers.add(new Buyer(i, workload, transport, options.endpoints(), control, live));
        }
        ProgressReporter reporter = new ProgressReporter(control, live, out);
        Thread reporterThread = Threads.daemonFactory("progress").newThread(reporter);
        if (!options.quiet()) {
            reporterThread.start();
        }
        buyers.forEach(pool::execute);
        pool.shutdown();
        long hardEnd = options.duration() == null ? Long.MAX_VALUE
                : control.warmupEndNanos + options.duration().toNanos() + options.timeout().toNanos() + GRACE_NANOS;
        while (!pool.awaitTermination(100, TimeUnit.MILLISECONDS)) {
            if (System.nanoTime() > hardEnd) {
                control.stop();
                pool.shutdownNow(); // interrupts blocked buyers; their connections close on the way out
                pool.awaitTermination(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
                break;
            }
        }
        reporter.finish();
        reporterThread.interrupt();
        Tally total = new Tally(workload.skus().size(), workload.endpointCount());
        buyers.forEach(b -> total.add(b.tally()));
        long measured = total.recorded() == 0 ? 0 : total.lastRecordedNanos - control.warmupEndNanos;
        return new RunResult(total, measured, transport.name(), virtual ? "virtual" : "platform");
    }

    private static boolean useVirtualThreads(Options options) {
        return switch (options.threads()) {
            case PLATFORM -> false;
            case VIRTUAL, AUTO -> Threads.virtualAvailable();
        };
    }
}
