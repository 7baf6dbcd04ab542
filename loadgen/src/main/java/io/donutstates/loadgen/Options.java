package io.donutstates.loadgen;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One run's settings, as parsed by {@link OptionsParser}.
 *
 * @param duration  how long to measure, or null when only {@code requests} bounds the run
 * @param requests  how many requests to record, or 0 when only {@code duration} bounds the run
 * @param setStock  stock to set on every SKU before the run, or null to leave it
 */
public record Options(
        List<Endpoint> endpoints,
        Scenario scenario,
        String sku,
        String factoryId,
        int concurrency,
        Duration duration,
        long requests,
        Duration warmup,
        int quantityMin,
        int quantityMax,
        Integer setStock,
        String adminToken,
        Path json,
        String label,
        boolean quiet,
        ClientKind client,
        ThreadMode threads,
        Duration timeout,
        boolean help) {

    public static final String USAGE = String.join("\n",
            "usage: java -jar donut-loadgen.jar [options]",
            "  --url URL            server to load, repeatable or comma-separated (default http://127.0.0.1:8080);",
            "                       requests are spread round-robin over them",
            "  --scenario NAME      flash-crowd (all buyers on --sku), catalog (random SKU from /api/products)",
            "                       or legacy-send (POST /send for --sku); default flash-crowd",
            "  --sku SKU            product for flash-crowd and legacy-send (default CP-502101)",
            "  --factory-id ID      factory named in the legacy-send body (default FF-500293)",
            "  --concurrency N      concurrent buyers, each on its own keep-alive connection (default 200)",
            "  --duration D         measure for D, e.g. 30s, 500ms, 2m (default 10s unless --requests is given)",
            "  --requests N         stop after N recorded requests (with --duration: whichever comes first)",
            "  --warmup D           send requests for D before recording (default 3s)",
            "  --quantity Q|A-B     quantity per purchase, fixed or random in A..B (default 1)",
            "  --set-stock N        set the stock of the SKU(s) to N before the run (needs --admin-token)",
            "  --admin-token T      bearer token for the admin API",
            "  --json FILE          also write the summary as JSON to FILE",
            "  --label TEXT         a name for this run in the summary",
            "  --quiet              no per-second lines",
            "  --client socket|jdk  HTTP client: a minimal socket client (default) or java.net.http",
            "  --threads auto|platform|virtual  threads for the buyers (default auto: virtual on Java 21+)",
            "  --timeout D          connect and response timeout per request (default 10s)",
            "  --help               this text",
            "exit codes: 0 ok, 1 server unreachable or failed, 2 bad options, 3 consistency check failed");

    /** A short description of how the run is bounded, for the summary. */
    public String bound() {
        if (duration != null && requests > 0) {
            return requests + " requests or " + Durations.format(duration) + ", whichever first";
        }
        return duration != null ? Durations.format(duration) : requests + " requests";
    }
}
