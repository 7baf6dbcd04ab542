package io.donutstates.allinone;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which part of the shop one {@code java -jar donut-states.jar} runs, from {@code --mode=} or
 * {@code DONUT_MODE} (the argument wins): everything, or one part of a multi-process set-up.
 */
enum LaunchMode {

    /** The shop; whatever DONUT_DB_URL, DONUT_SQS_ENDPOINT and DONUT_FACTORY_URL leave unset starts embedded. */
    ALL,
    /** Only the embedded MariaDB, on DONUT_DB_PORT (3306), data under DONUT_DATA_DIR. */
    DATABASE,
    /** Only the SQS-compatible queue server (ElasticMQ), on DONUT_SQS_PORT (9324). */
    QUEUES,
    /** Only the legacy factory simulator, on DONUT_FACTORY_PORT (8081). */
    FACTORY;

    static final String USAGE = """
            usage: java -jar donut-states.jar [--mode=all|database|queues|factory]   (or DONUT_MODE)
              all       the shop; what DONUT_DB_URL, DONUT_SQS_ENDPOINT, DONUT_FACTORY_URL leave unset starts embedded,
                        on SERVER_PORT (8080), DONUT_FACTORY_PORT (8081), DONUT_SQS_PORT and DONUT_DB_PORT (any free port)
              database  only MariaDB on DONUT_DB_PORT (3306), data under DONUT_DATA_DIR (./data), user donut, loopback only
              queues    only the SQS-compatible queue server on DONUT_SQS_PORT (9324), messages kept under DONUT_DATA_DIR
              factory   only the legacy factory simulator on DONUT_FACTORY_PORT (8081)""";

    /** The command line or a launcher setting is wrong: the launcher prints the usage and exits with 2. */
    static final class Misuse extends IllegalArgumentException {
        Misuse(String message) {
            super(message);
        }
    }

    /** The mode and the arguments left for the mode itself (the service gets them as Spring arguments). */
    record Choice(LaunchMode mode, String[] remainingArgs) { }

    /** @throws Misuse naming the unknown mode */
    static Choice choose(String[] args, Map<String, String> environment) {
        String named = environment.get("DONUT_MODE");
        List<String> remaining = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--mode=")) {
                named = arg.substring("--mode=".length());
            } else if (arg.equals("--mode")) {
                if (i + 1 >= args.length) {
                    throw new Misuse("--mode needs a value");
                }
                named = args[++i];
            } else {
                remaining.add(arg);
            }
        }
        return new Choice(parse(named), remaining.toArray(String[]::new));
    }

    static LaunchMode parse(String name) {
        if (name == null || name.isBlank()) {
            return ALL;
        }
        for (LaunchMode mode : values()) {
            if (mode.name().equals(name.trim().toUpperCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new Misuse("unknown mode '" + name.trim() + "'");
    }

    /**
     * Reads a port setting; {@code 0} means any free port.
     *
     * @throws Misuse if the value is not a port
     */
    static int port(Map<String, String> environment, String variable, int fallback) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Misuse(variable + " must be a port between 0 and 65535, got '" + value + "'");
    }
}
