package io.donutstates.factory.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Start-up settings of the simulator.
 *
 * @param host                 address to bind (loopback by default: the simulator is not meant to be exposed)
 * @param port                 port to bind, 0 for any free port
 * @param faults               initial faults, changeable later at run time
 * @param adminToken           bearer token required by the admin endpoints, or null for none
 * @param callbackRetryBackoff waits before each retry of a failed callback (its size is the number of retries)
 */
public record FactorySettings(String host, int port, Faults faults, String adminToken,
                              List<Duration> callbackRetryBackoff) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8081;
    public static final List<Duration> DEFAULT_RETRY_BACKOFF =
            List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));

    /** Validates; throws IllegalArgumentException naming the bad setting. */
    public FactorySettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        Objects.requireNonNull(faults, "faults");
        adminToken = adminToken == null || adminToken.isBlank() ? null : adminToken.trim();
        callbackRetryBackoff = List.copyOf(callbackRetryBackoff);
        if (callbackRetryBackoff.stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("callbackRetryBackoff must not hold negative durations");
        }
    }

    /** Loopback, port 8081, default faults, no admin token, retries after 0.5 s, 1 s and 2 s. */
    public static FactorySettings defaults() {
        return new FactorySettings(DEFAULT_HOST, DEFAULT_PORT, Faults.DEFAULT, null, DEFAULT_RETRY_BACKOFF);
    }

    /** Reads the {@code DONUT_FACTORY_*} variables; a map rather than System.getenv so tests can pass their own. */
    public static FactorySettings fromEnvironment(Map<String, String> env) {
        EnvReader reader = new EnvReader(env);
        Faults faults = faultsFrom(reader);
        return new FactorySettings(
                reader.string("DONUT_FACTORY_HOST", DEFAULT_HOST),
                reader.port("DONUT_FACTORY_PORT", DEFAULT_PORT),
                faults,
                reader.string("DONUT_FACTORY_ADMIN_TOKEN", null),
                backoff(reader.string("DONUT_FACTORY_CALLBACK_RETRY_BACKOFF", null)));
    }

    public FactorySettings withHost(String newHost) {
        return new FactorySettings(newHost, port, faults, adminToken, callbackRetryBackoff);
    }

    public FactorySettings withPort(int newPort) {
        return new FactorySettings(host, newPort, faults, adminToken, callbackRetryBackoff);
    }

    public FactorySettings withFaults(Faults newFaults) {
        return new FactorySettings(host, port, newFaults, adminToken, callbackRetryBackoff);
    }

    public FactorySettings withAdminToken(String token) {
        return new FactorySettings(host, port, faults, token, callbackRetryBackoff);
    }

    public FactorySettings withCallbackRetryBackoff(List<Duration> backoff) {
        return new FactorySettings(host, port, faults, adminToken, backoff);
    }

    /** Hides the token so that printing the settings never leaks it. */
    @Override
    public String toString() {
        return "FactorySettings[host=" + host + ", port=" + port + ", faults=" + faults
                + ", adminToken=" + (adminToken == null ? "none" : "***") + ", callbackRetryBackoff="
                + callbackRetryBackoff.stream().map(Durations::format).toList() + "]";
    }

    private static Faults faultsFrom(EnvReader reader) {
        Faults faults = Faults.DEFAULT
                .withFailureRate(reader.rate("DONUT_FACTORY_FAILURE_RATE", Faults.DEFAULT.failureRate()))
                .withDuplicateCallbacks(reader.bool("DONUT_FACTORY_DUPLICATE_CALLBACKS", false))
                .withDropCallbacks(reader.bool("DONUT_FACTORY_DROP_CALLBACKS", false));
        String delay = reader.string("DONUT_FACTORY_DELAY", null);
        if (delay != null) {
            faults = named("DONUT_FACTORY_DELAY", faults, f -> f.withDelay(Durations.parse(delay, "DONUT_FACTORY_DELAY")));
        }
        String contentType = reader.string("DONUT_FACTORY_CALLBACK_CONTENT_TYPE", null);
        if (contentType != null) {
            faults = named("DONUT_FACTORY_CALLBACK_CONTENT_TYPE", faults, f -> f.withCallbackContentType(contentType));
        }
        return faults;
    }

    /** Puts the variable's name in front of Faults' own validation message. */
    private static Faults named(String variable, Faults faults, UnaryOperator<Faults> change) {
        try {
            return change.apply(faults);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage().startsWith(variable) ? e.getMessage() : variable + ": " + e.getMessage();
            throw new IllegalArgumentException(message, e);
        }
    }

    private static List<Duration> backoff(String value) {
        if (value == null) {
            return DEFAULT_RETRY_BACKOFF;
        }
        if (value.trim().toLowerCase(Locale.ROOT).equals("none")) {
            return List.of();
        }
        List<Duration> waits = new ArrayList<>();
        try {
            for (String part : value.split(",", -1)) {
                waits.add(Durations.parse(part, "DONUT_FACTORY_CALLBACK_RETRY_BACKOFF"));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DONUT_FACTORY_CALLBACK_RETRY_BACKOFF must be a comma-separated list"
                    + " of durations like 500ms,1s,2s (or none), got '" + value + "'", e);
        }
        return waits;
    }
}
