package io.donutstates.loadgen;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Command-line entry point: a flash crowd against the donut shop, then a report and a consistency check. */
public final class LoadGeneratorMain {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int INCONSISTENT = 3;

    private LoadGeneratorMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the tool in-process and returns its exit code; main only adds {@code System.exit}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = OptionsParser.parse(args);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(Options.USAGE);
            return USAGE;
        }
        if (options.help()) {
            out.println(Options.USAGE);
            return OK;
        }
        try {
            return runChecked(options, out, err);
        } catch (ApiException e) {
            err.println("error: " + e.getMessage());
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return FAILED;
        }
    }

    private static int runChecked(Options options, PrintStream out, PrintStream err)
            throws ApiException, InterruptedException {
        boolean catalog = options.scenario() == Scenario.CATALOG;
        List<String> skus = catalog ? new ArrayList<>(new ShopApi(options.endpoints().get(0), options.timeout())
                .catalogStock().keySet()) : List.of(options.sku());
        if (skus.isEmpty()) {
            throw new ApiException("the catalog at " + options.endpoints().get(0) + " is empty");
        }
        for (Endpoint endpoint : options.endpoints()) { // fail fast, before any load, if one instance is down
            new ShopApi(endpoint, options.timeout()).stock(skus.get(0));
        }
        ShopApi api = new ShopApi(options.endpoints().get(0), options.timeout());
        if (options.setStock() != null) {
            for (String sku : skus) {
                api.setStock(sku, options.setStock(), options.adminToken());
            }
        }
        StockSnapshot before = StockSnapshot.take(api, skus, catalog);
        RunResult run;
        try (HttpTransport transport = options.client().create(options.timeout())) {
            run = LoadRun.execute(options, new Workload(options, skus, transport), transport, out);
        }
        RunSummary.Consistency consistency = null;
        String afterError = null;
        try {
            StockSnapshot after = StockSnapshot.take(api, skus, catalog);
            List<SkuCheck> checks = new ArrayList<>();
            for (int i = 0; i < skus.size(); i++) {
                checks.add(SkuCheck.compare(skus.get(i), before, after, run.total().soldQuantityBySku[i]));
            }
            consistency = new RunSummary.Consistency(checks.stream().allMatch(SkuCheck::passed), checks);
        } catch (ApiException e) {
            afterError = e.getMessage();
        }
        RunSummary summary = RunSummary.of(options, run, consistency);
        SummaryPrinter.print(summary, out);
        boolean written = options.json() == null || writeJson(summary, options, err);
        if (afterError != null || !written) {
            if (afterError != null) {
                err.println("error: " + afterError);
            }
            return FAILED;
        }
        return consistency.passed() ? OK : INCONSISTENT;
    }

    private static boolean writeJson(RunSummary summary, Options options, PrintStream err) {
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        try {
            Files.writeString(options.json(), mapper.writeValueAsString(summary) + System.lineSeparator());
            return true;
        } catch (IOException e) {
            err.println("error: cannot write " + options.json() + ": " + e.getMessage());
            return false;
        }
    }
}
