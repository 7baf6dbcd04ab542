package io.donutstates.loadgen;

import java.io.PrintStream;

/** The human-readable end-of-run report. */
final class SummaryPrinter {

    private SummaryPrinter() {
    }

    static void print(RunSummary s, PrintStream out) {
        out.println();
        out.println("=== donut-loadgen summary" + (s.label() == null ? "" : ": " + s.label()) + " ===");
        out.printf("scenario %s against %s%n", s.scenario(), String.join(", ", s.urls()));
        out.printf("%d buyers, %s client on %s threads, %s after %.1fs warmup (%d warmup requests)%n",
                s.concurrency(), s.client(), s.threads(), s.bound(), s.warmupSeconds(), s.warmupRequests());
        out.printf("requests      %d in %.3fs = %.1f req/s%n", s.requests(), s.measuredSeconds(), s.requestsPerSecond());
        RunSummary.Latency l = s.latencyMs();
        out.printf("latency ms    p50 %.3f   p95 %.3f   p99 %.3f   max %.3f   (mean %.3f)%n",
                l.p50(), l.p95(), l.p99(), l.max(), l.mean());
        out.println("              " + s.measurement());
        out.printf("outcomes      sold %d   out-of-stock %d   errors %d%n", s.sold(), s.outOfStock(), s.errors());
        s.errorsByKind().forEach((kind, n) -> out.printf("  error %-28s %d%n", kind, n));
        if (s.requestsByUrl().size() > 1) {
            s.requestsByUrl().forEach((url, n) -> out.printf("  to %-31s %d%n", url, n));
        }
        out.printf("replenishments created during the run: %d%n", s.replenishmentsCreated());
        if (s.consistency() == null) {
            out.println("consistency   not checked (stock could not be read after the run)");
            return;
        }
        boolean many = s.consistency().skus().size() > 20; // a big catalog: only the failures are worth a line
        for (SkuCheck c : s.consistency().skus()) {
            if (many && c.passed()) {
                continue;
            }
            out.printf("consistency   %s %s: stock %d -> %d, delivered %d, taken %d, confirmed sold %d%n",
                    c.passed() ? "PASS" : "FAIL", c.sku(), c.stockBefore(), c.stockAfter(), c.deliveredDuringRun(),
                    c.takenFromStock(), c.confirmedSold());
        }
        out.println("consistency   " + (s.consistency().passed() ? "PASS" : "FAIL")
                + " (stock before - stock after + delivered during run == quantity confirmed sold)");
        if (!s.consistency().passed() && s.errors() > 0) {
            out.println("              note: requests that failed without an answer may still have sold; they count as unconfirmed");
        }
    }
}
