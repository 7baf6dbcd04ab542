package io.donutstates.loadgen;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Turns the command line into {@link Options}, or a {@link UsageException} naming what is wrong. */
public final class OptionsParser {

    /** Range limit keeps the table of pre-rendered requests small. */
    private static final int MAX_QUANTITY_SPAN = 100;

    private OptionsParser() {
    }

    public static Options parse(String... args) throws UsageException {
        List<Endpoint> endpoints = new ArrayList<>();
        Scenario scenario = Scenario.FLASH_CROWD;
        String sku = "CP-502101";
        String factoryId = "FF-500293";
        int concurrency = 200;
        Duration duration = null;
        long requests = 0;
        Duration warmup = Duration.ofSeconds(3);
        int[] quantity = {1, 1};
        Integer setStock = null;
        String adminToken = null;
        Path json = null;
        String label = null;
        boolean quiet = false;
        ClientKind client = ClientKind.SOCKET;
        ThreadMode threads = ThreadMode.AUTO;
        Duration timeout = Duration.ofSeconds(10);
        boolean help = false;

        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            if (name.equals("--quiet") || name.equals("--help") || name.equals("-h")) {
                if (inline != null) {
                    throw new UsageException(name + " takes no value");
                }
                quiet |= name.equals("--quiet");
                help |= !name.equals("--quiet");
                continue;
            }
            String value = inline;
            if (value == null) {
                if (!name.startsWith("--")) {
                    throw new UsageException("unexpected argument '" + arg + "'");
                }
                if (i + 1 >= args.length) {
                    throw new UsageException(name + " needs a value");
                }
                value = args[++i];
            }
            switch (name) {
                case "--url" -> {
                    for (String part : value.split(",")) {
                        if (!part.isBlank()) {
                            endpoints.add(Endpoint.parse(part));
                        }
                    }
                }
                case "--scenario" -> scenario = scenario(value);
                // The shop answers with the canonical SKU (trimmed, upper case); so does the run.
                case "--sku" -> sku = nonBlank(name, value).strip().toUpperCase(java.util.Locale.ROOT);
                case "--factory-id" -> factoryId = nonBlank(name, value);
                case "--concurrency" -> concurrency = (int) number(name, value, 1, 10_000);
                case "--duration" -> duration = positive(name, Durations.parse(name, value));
                case "--requests" -> requests = number(name, value, 1, Long.MAX_VALUE);
                case "--warmup" -> warmup = Durations.parse(name, value);
                case "--quantity" -> quantity = quantity(value);
                case "--set-stock" -> setStock = (int) number(name, value, 0, Integer.MAX_VALUE);
                case "--admin-token" -> adminToken = nonBlank(name, value);
                case "--json" -> json = Path.of(nonBlank(name, value));
                case "--label" -> label = value;
                case "--client" -> client = ClientKind.fromCliName(value);
                case "--threads" -> threads = ThreadMode.fromCliName(value);
                case "--timeout" -> timeout = positive(name, Durations.parse(name, value));
                default -> throw new UsageException("unknown option " + name);
            }
        }
        if (endpoints.isEmpty()) {
            endpoints.add(Endpoint.parse("http://127.0.0.1:8080"));
        }
        if (setStock != null && adminToken == null) {
            throw new UsageException("--set-stock needs --admin-token");
        }
        if (duration == null && requests == 0) {
            duration = Duration.ofSeconds(10);
        }
        return new Options(List.copyOf(endpoints), scenario, sku, factoryId, concurrency, duration, requests,
                warmup, quantity[0], quantity[1], setStock, adminToken, json, label, quiet, client, threads, timeout, help);
    }

    private static Scenario scenario(String value) throws UsageException {
        return Scenario.fromCliName(value).orElseThrow(() ->
                new UsageException("--scenario must be flash-crowd, catalog or legacy-send, not '" + value + "'"));
    }

    private static int[] quantity(String value) throws UsageException {
        String[] parts = value.split("-", -1);
        if (parts.length > 2) {
            throw new UsageException("--quantity must be N or A-B, not '" + value + "'");
        }
        int min = (int) number("--quantity", parts[0], 1, 1_000_000);
        int max = parts.length == 2 ? (int) number("--quantity", parts[1], 1, 1_000_000) : min;
        if (max < min || max - min >= MAX_QUANTITY_SPAN) {
            throw new UsageException("--quantity range must be ascending and span at most " + MAX_QUANTITY_SPAN + " values");
        }
        return new int[] {min, max};
    }

    private static long number(String option, String value, long min, long max) throws UsageException {
        try {
            long n = Long.parseLong(value.trim());
            if (n < min || n > max) {
                throw new UsageException(option + " must be between " + min + " and " + max + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " '" + value + "' is not a whole number");
        }
    }

    private static Duration positive(String option, Duration d) throws UsageException {
        if (d.isZero()) {
            throw new UsageException(option + " must be longer than zero");
        }
        return d;
    }

    private static String nonBlank(String option, String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException(option + " must not be empty");
        }
        return value.trim();
    }
}
