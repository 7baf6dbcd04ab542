package io.donutstates.factory.simulator;

import java.util.Locale;
import java.util.Map;

/** Typed access to environment variables, failing with a message that names the variable. */
final class EnvReader {

    private final Map<String, String> env;

    EnvReader(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** Blank counts as unset: {@code FOO= java -jar ...} is a common way to clear a variable. */
    String string(String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    int port(String name, int fallback) {
        String value = string(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a port number 0..65535 (0 = any free port), got '"
                + value + "'");
    }

    double rate(String name, double fallback) {
        String value = string(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            double rate = Double.parseDouble(value);
            if (rate >= 0.0 && rate <= 1.0) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a number between 0 and 1, got '" + value + "'");
    }

    boolean bool(String name, boolean fallback) {
        String value = string(name, null);
        if (value == null) {
            return fallback;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, got '" + value + "'");
        };
    }
}
