package io.donutstates.loadgen;

import java.io.IOException;
import java.util.List;

/** One member of the crowd: sends a request, waits for the answer, sends the next (a closed model). */
final class Buyer implements Runnable {

    /** Pause after a failed request so an unreachable server does not turn the buyer into a busy loop. */
    private static final long ERROR_BACKOFF_MILLIS = 10;

    private final Workload workload;
    private final RunControl control;
    private final LiveCounters live;
    private final HttpConnection[] connections;
    private final Tally tally;
    private int nextEndpoint;

    Buyer(int id, Workload workload, HttpTransport transport, List<Endpoint> endpoints,
          RunControl control, LiveCounters live) {
        this.workload = workload;
        this.control = control;
        this.live = live;
        this.connections = new HttpConnection[endpoints.size()];
        for (int i = 0; i < connections.length; i++) {
            connections[i] = transport.connect(endpoints.get(i));
        }
        this.tally = new Tally(workload.skus().size(), endpoints.size());
        this.nextEndpoint = id % connections.length; // buyers start on different instances, then rotate
    }

    Tally tally() {
        return tally;
    }

    @Override
    public void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long now = System.nanoTime();
                boolean recorded = !control.inWarmup(now);
                if (recorded && !control.admit(now)) {
                    return;
                }
                sendOne(recorded);
            }
        } finally {
            for (HttpConnection c : connections) {
                c.close();
            }
        }
    }

    private void sendOne(boolean recorded) {
        int variant = workload.pick();
        int endpoint = nextEndpoint;
        nextEndpoint = endpoint + 1 == connections.length ? 0 : endpoint + 1;
        HttpConnection connection = connections[endpoint];
        Outcome outcome;
        String errorKind = null;
        boolean ioFailure = false;
        long start = System.nanoTime();
        try {
            int status = connection.exchange(workload.request(endpoint, variant));
            outcome = workload.classify(status, connection);
            if (outcome == Outcome.ERROR) {
                errorKind = workload.errorKind(status);
            }
        } catch (IOException e) {
            outcome = Outcome.ERROR;
            errorKind = e.getClass().getSimpleName();
            ioFailure = true;
        } catch (RuntimeException e) {
            outcome = Outcome.ERROR;
            errorKind = e.getClass().getSimpleName();
        }
        long end = System.nanoTime();
        live.count(outcome);
        if (outcome == Outcome.SOLD) {
            // Counted in warmup too: the consistency check compares stock over the whole run.
            tally.soldQuantityBySku[workload.skuIndex(variant)] += workload.quantityOf(variant);
        }
        if (recorded) {
            record(outcome, errorKind, endpoint, start, end);
        } else {
            tally.warmupRequests++;
        }
        if (ioFailure && !control.stopped()) {
            backOff(); // only for broken connections: HTTP errors are answers and keep full speed
        }
    }

    private void record(Outcome outcome, String errorKind, int endpoint, long start, long end) {
        tally.latencyMicros.recordValue(Math.max(1, (end - start) / 1_000));
        tally.requestsByEndpoint[endpoint]++;
        tally.lastRecordedNanos = end;
        switch (outcome) {
            case SOLD -> tally.sold++;
            case OUT_OF_STOCK -> tally.outOfStock++;
            default -> tally.addError(errorKind);
        }
    }

    private static void backOff() {
        try {
            Thread.sleep(ERROR_BACKOFF_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
