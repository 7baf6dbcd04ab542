package io.donutstates.loadgen;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** The end-of-run numbers, printed as text and written as JSON with the same fields. */
public record RunSummary(
        String label,
        String scenario,
        List<String> urls,
        String client,
        String threads,
        int concurrency,
        String bound,
        double warmupSeconds,
        long warmupRequests,
        double measuredSeconds,
        long requests,
        double requestsPerSecond,
        Latency latencyMs,
        long sold,
        long outOfStock,
        long errors,
        Map<String, Long> errorsByKind,
        Map<String, Long> requestsByUrl,
        long replenishmentsCreated,
        Consistency consistency,
        String measurement) {

    /** Latency from writing the request to reading the whole response, in milliseconds. */
    public record Latency(double p50, double p95, double p99, double max, double mean) {

        static Latency of(Histogram micros) {
            if (micros.getTotalCount() == 0) {
                return new Latency(0, 0, 0, 0, 0);
            }
            return new Latency(ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(95)),
                    ms(micros.getValueAtPercentile(99)), ms(micros.getMaxValue()), ms(micros.getMean()));
        }

        private static double ms(double micros) {
            return Math.round(micros) / 1000.0;
        }
    }

    /** PASS only if every SKU's stock movement matches what was confirmed sold; null when it could not be read. */
    public record Consistency(boolean passed, List<SkuCheck> skus) {
    }

    static final String CLOSED_MODEL = "closed model: each buyer waits for its answer before the next request, "
            + "so a slow server also slows the offered load and latency under overload is understated";

    static RunSummary of(Options options, RunResult run, Consistency consistency) {
        Tally t = run.total();
        Map<String, Long> byUrl = new LinkedHashMap<>();
        for (int i = 0; i < options.endpoints().size(); i++) {
            byUrl.merge(options.endpoints().get(i).toString(), t.requestsByEndpoint[i], Long::sum);
        }
        long created = consistency == null ? 0
                : consistency.skus().stream().mapToLong(SkuCheck::replenishmentsCreated).sum();
        return new RunSummary(options.label(), options.scenario().cliName(),
                options.endpoints().stream().map(Endpoint::toString).toList(), run.client(), run.threads(),
                options.concurrency(), options.bound(), options.warmup().toMillis() / 1000.0, t.warmupRequests,
                Math.round(run.measuredNanos() / 1e6) / 1000.0, t.recorded(),
                Math.round(run.requestsPerSecond() * 10) / 10.0, Latency.of(t.latencyMicros),
                t.sold, t.outOfStock, t.errors, t.errorsByKind, byUrl, created, consistency, CLOSED_MODEL);
    }
}
