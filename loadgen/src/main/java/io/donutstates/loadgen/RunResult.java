package io.donutstates.loadgen;

/** What the crowd did: all buyers' counts merged, and how long the recorded part took. */
record RunResult(Tally total, long measuredNanos, String client, String threads) {

    double requestsPerSecond() {
        return measuredNanos <= 0 ? 0 : total.recorded() * 1e9 / measuredNanos;
    }
}
