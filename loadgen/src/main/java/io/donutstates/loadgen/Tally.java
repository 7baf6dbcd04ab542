package io.donutstates.loadgen;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** One buyer's counts, kept unshared during the run and merged afterwards, so recording needs no locks. */
final class Tally {

    final Histogram latencyMicros = new Histogram(3);
    final Map<String, Long> errorsByKind = new TreeMap<>();
    final long[] soldQuantityBySku;
    final long[] requestsByEndpoint;
    long sold;
    long outOfStock;
    long errors;
    long warmupRequests;
    /** Completion time of the last recorded request, to measure the run's real length. */
    long lastRecordedNanos;

    Tally(int skus, int endpoints) {
        soldQuantityBySku = new long[skus];
        requestsByEndpoint = new long[endpoints];
    }

    long recorded() {
        return sold + outOfStock + errors;
    }

    void addError(String kind) {
        errors++;
        errorsByKind.merge(kind, 1L, Long::sum);
    }

    void add(Tally other) {
        latencyMicros.add(other.latencyMicros);
        other.errorsByKind.forEach((k, v) -> errorsByKind.merge(k, v, Long::sum));
        for (int i = 0; i < soldQuantityBySku.length; i++) {
            soldQuantityBySku[i] += other.soldQuantityBySku[i];
        }
        for (int i = 0; i < requestsByEndpoint.length; i++) {
            requestsByEndpoint[i] += other.requestsByEndpoint[i];
        }
        sold += other.sold;
        outOfStock += other.outOfStock;
        errors += other.errors;
        warmupRequests += other.warmupRequests;
        lastRecordedNanos = Math.max(lastRecordedNanos, other.lastRecordedNanos);
    }
}
